package ru.unitecon.simulator.loopback;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/** What a simulator's main needs: {@code --name value} options, and running until Ctrl-C. */
public final class MainOptions {
    private MainOptions() {
    }

    public static Map<String, String> parse(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("expected --name value pairs");
        }
        Map<String, String> options = new TreeMap<>();
        for (int name = 0; name < args.length; name += 2) {
            String key = args[name];
            if (!key.startsWith("--") || key.length() == 2) {
                throw new IllegalArgumentException("not an option name: " + key);
            }
            options.put(key.substring(2), args[name + 1]);
        }
        return options;
    }

    /** Blocks until the JVM is asked to stop, then closes the simulator. */
    public static void runUntilStopped(AutoCloseable simulator) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                simulator.close();
            } catch (Exception e) {
                System.err.println("closing the simulator failed: " + e);
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println("Running; stop with Ctrl-C.");
        stopped.await();
    }
}
