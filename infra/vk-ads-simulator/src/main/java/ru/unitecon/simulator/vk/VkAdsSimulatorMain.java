package ru.unitecon.simulator.vk;

import ru.unitecon.simulator.loopback.MainOptions;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * Runs the VK Ads API with the demo accounts until stopped, for the local run. Options: {@code --seed S} (1),
 * {@code --days N} of history (400), {@code --client-id}, {@code --client-secret}, {@code --redirect-uri} of the
 * client (which may use the Authorization Code flow), {@code --username} of the user who grants access (the salon).
 */
public final class VkAdsSimulatorMain {
    private VkAdsSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = MainOptions.parse(args);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        VkAdsDataset dataset = VkAdsDataset.generate(Long.parseLong(options.getOrDefault("seed", "1")),
                today.minusDays(Long.parseLong(options.getOrDefault("days", "400"))), today);
        VkAdsSimulator simulator = VkAdsSimulator.start(VkAdsSimulatorOptions.defaults()).load(dataset);
        VkAdsClient client = new VkAdsClient(options.getOrDefault("client-id", "local-vk-client"),
                options.getOrDefault("client-secret", "local-vk-secret"), VkAdsDataset.SALON_USERNAME,
                Set.of(URI.create(options.getOrDefault("redirect-uri", "http://localhost:8080/integrations/vk/callback"))), true, false);
        simulator.registerClient(client);
        simulator.signIn(options.getOrDefault("username", VkAdsDataset.SALON_USERNAME));
        System.out.println("VK Ads:   " + simulator.baseUrl());
        System.out.println("Client:   " + client.clientId() + ", redirect " + client.redirectUris());
        System.out.println("Accounts: " + VkAdsDataset.SALON_USERNAME + " (RUB), " + VkAdsDataset.KZT_USERNAME + " (KZT)");
        MainOptions.runUntilStopped(simulator);
    }
}
