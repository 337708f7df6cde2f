package ru.unitecon.simulator;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** What a simulated portal starts from: its stable id, the app's credentials on it, its time zone and its data. */
public record PortalSeed(String memberId, String clientId, String clientSecret, ZoneId timeZone, Dataset dataset) {
    private static final Pattern MEMBER_ID = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public PortalSeed {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(dataset, "dataset");
        if (memberId == null || !MEMBER_ID.matcher(memberId).matches()) {
            throw new IllegalArgumentException("memberId must be 32 lower-case hex characters");
        }
    }

    /** A portal in Moscow time with random member id and credentials of a local app. */
    public static PortalSeed of(Dataset dataset) {
        return new PortalSeed(randomHex(16), "local." + randomHex(7) + "." + randomHex(4), randomHex(20),
                ZoneId.of("Europe/Moscow"), dataset);
    }

    public PortalSeed withMemberId(String newMemberId) {
        return new PortalSeed(newMemberId, clientId, clientSecret, timeZone, dataset);
    }

    public PortalSeed withClient(String newClientId, String newClientSecret) {
        return new PortalSeed(memberId, newClientId, newClientSecret, timeZone, dataset);
    }

    public PortalSeed withTimeZone(ZoneId zone) {
        return new PortalSeed(memberId, clientId, clientSecret, zone, dataset);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
