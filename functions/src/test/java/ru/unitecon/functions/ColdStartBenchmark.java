package ru.unitecon.functions;

import ru.unitecon.testsupport.Percentiles;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JVM start to first handled event for the events function against a bare handler, on a classpath of jars as Lambda
 * runs them, with each start-up option worth trying: defaults, C1 only, an AppCDS archive, the JDK 25 AOT cache
 * (trained by one run of the function), and the AOT cache with C1 only. Each figure is the median of fresh JVMs
 * that build the handler from the environment, read the portal from DynamoDB Local and send one message to the
 * queue. Prints Markdown.
 *
 * <p>Argument: the classpath of jars (functions, core, runtime dependencies and a jar holding
 * {@link ColdStartProbe}); see docs/benchmarks.md for the command that builds it.
 */
public final class ColdStartBenchmark {
    private static final int RUNS = 7;

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String classpath = args[0];
        Path caches = Files.createTempDirectory("cold-start");
        try (ColdStartWorld world = ColdStartWorld.start()) {
            Map<String, String> environment = world.environment;

            Map<String, List<String>> variants = new LinkedHashMap<>();
            variants.put("defaults", List.of());
            variants.put("-XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1"));
            String cds = caches.resolve("app.jsa").toString();
            probe("events", List.of("-XX:ArchiveClassesAtExit=" + cds), environment, classpath);
            variants.put("AppCDS (-XX:SharedArchiveFile)", List.of("-XX:SharedArchiveFile=" + cds));
            String aot = caches.resolve("app.aot").toString();
            probe("events", List.of("-XX:AOTCacheOutput=" + aot), environment, classpath);
            variants.put("AOT cache (-XX:AOTCache)", List.of("-XX:AOTCache=" + aot));
            variants.put("AOT cache + TieredStopAtLevel=1", List.of("-XX:AOTCache=" + aot, "-XX:TieredStopAtLevel=1"));

            double hello = median("hello", List.of(), environment, classpath)[0];
            System.out.println("| handler, start-up options | JVM start to first handled event | ratio to the bare "
                    + "handler | of which constructor | of which first event |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf("| bare handler, defaults | %.0f ms | 1.00 | | |%n", hello);
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                double[] events = median("events", variant.getValue(), environment, classpath);
                System.out.printf("| events function, %s | %.0f ms | %.2f | %.0f ms | %.0f ms |%n", variant.getKey(),
                        events[0], events[0] / hello, events[1], events[2]);
            }
        }
    }

    /** Medians over {@link #RUNS} fresh JVMs: start to handled, constructor, first event (milliseconds). */
    private static double[] median(String handler, List<String> flags, Map<String, String> environment,
                                   String classpath) throws Exception {
        double[][] runs = new double[3][RUNS];
        for (int run = 0; run < RUNS; run++) {
            double[] one = probe(handler, flags, environment, classpath);
            for (int figure = 0; figure < 3; figure++) {
                runs[figure][run] = one[figure];
            }
        }
        return new double[] {Percentiles.of(runs[0], 50), Percentiles.of(runs[1], 50), Percentiles.of(runs[2], 50)};
    }

    /** Milliseconds from launching a JVM until it printed that it handled its event, then its two phases. */
    private static double[] probe(String handler, List<String> flags, Map<String, String> environment,
                                String classpath) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.addAll(flags);
        command.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName(), handler));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        double[] phases = new double[2];
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("handled 200")) {
                    double ms = (System.nanoTime() - start) / 1e6;
                    process.waitFor();
                    return new double[] {ms, phases[0], phases[1]};
                }
                if (line.startsWith(ColdStartProbe.PHASES)) {
                    String[] split = line.substring(ColdStartProbe.PHASES.length()).split(" ");
                    phases[0] = Double.parseDouble(split[0]);
                    phases[1] = Double.parseDouble(split[1]);
                }
                output.add(line);
            }
        }
        throw new IllegalStateException(handler + " " + flags + " did not handle its event (exit "
                + process.waitFor() + "): " + String.join("\n", output));
    }
}
