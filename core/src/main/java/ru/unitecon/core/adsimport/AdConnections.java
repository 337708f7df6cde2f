package ru.unitecon.core.adsimport;

import ru.unitecon.core.ads.AdAccount;
import ru.unitecon.core.ads.AdConnection;
import ru.unitecon.core.ads.AdPlatform;
import ru.unitecon.core.ads.AdTokens;
import ru.unitecon.core.ads.OAuthStart;
import ru.unitecon.core.adsapi.AdApiFailure;
import ru.unitecon.core.store.AdConnectionStore;
import ru.unitecon.core.store.Keys;
import ru.unitecon.core.store.OAuthStates;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Connecting and disconnecting a portal's ad accounts, by its administrators only. Connecting is the OAuth
 * authorization-code flow: {@link #start} gives the platform's consent address with a {@code state} that names the
 * portal, is unguessable, single-use and lives {@link #STATE_LIFETIME}; {@link #finish} takes that state back at the
 * app's callback, so a forged, replayed, expired or other portal's state connects nothing.
 */
public final class AdConnections {
    public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final int STATE_BYTES = 32;
    /** {@code {member_id}.{43 characters of url-safe base64}}. */
    private static final Pattern STATE = Pattern.compile("([A-Za-z0-9_.-]{1,64})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Only the portal's administrators change its integrations; the portal says at entry who is one. */
    public static final class NotAdministrator extends RuntimeException {
        public NotAdministrator() {
            super("only portal administrators may connect or disconnect ad accounts");
        }
    }

    /** The callback was refused: nothing was connected; the message is safe to show. */
    public static final class ConnectRefused extends RuntimeException {
        public ConnectRefused(String message) {
            super(message, null, false, false);
        }
    }

    /** A connected account and how its first import went. */
    public record Connected(String memberId, AdAccount account, AdSpendImport.Outcome firstImport) {
    }

    private final AdConnectionStore connections;
    private final OAuthStates states;
    private final AdPlatforms platforms;
    private final AdSpendImport importer;
    private final InstantSource clock;

    public AdConnections(AdConnectionStore connections, OAuthStates states, AdPlatforms platforms,
                         AdSpendImport importer, InstantSource clock) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.states = Objects.requireNonNull(states, "states");
        this.platforms = Objects.requireNonNull(platforms, "platforms");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean configured(AdPlatform platform) {
        return platforms.configured(platform);
    }

    public List<AdConnection> list(String memberId) {
        return connections.list(memberId).stream().map(AdConnectionStore.Stored::connection).toList();
    }

    /**
     * Where to send the administrator's browser to grant access. {@code agencyClientLogin} names the advertiser when
     * an agency connects a client's Direct account (sent as {@code Client-Login}); null for an own account.
     */
    public URI start(String memberId, long userId, boolean administrator, AdPlatform platform,
                     String agencyClientLogin) {
        requireAdministrator(administrator);
        if (!platforms.configured(platform)) {
            throw new IllegalStateException(platform + " is not configured for this app");
        }
        String login = agencyClientLogin == null || agencyClientLogin.isBlank() ? null
                : agencyClientLogin.strip().toLowerCase(Locale.ROOT);
        if (login != null && platform != AdPlatform.YANDEX_DIRECT) {
            throw new IllegalArgumentException("a client login is given only for a Direct agency account");
        }
        byte[] secret = new byte[STATE_BYTES];
        RANDOM.nextBytes(secret);
        if (!Keys.isValidMemberId(memberId)) {
            throw new IllegalArgumentException("not a member_id");
        }
        String state = memberId + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        states.put(memberId, hash(state), new OAuthStart(platform, userId, login,
                clock.instant().plus(STATE_LIFETIME)));
        return platform == AdPlatform.YANDEX_DIRECT ? platforms.direct().authorizeUrl(state)
                : platforms.vk().authorizeUrl(state);
    }

    /**
     * The platform's redirect back: {@code code} on consent, {@code error} on refusal. Stores the account's sealed
     * tokens and imports its history.
     *
     * @throws ConnectRefused when the state is unknown, used, expired or of another platform, or access was refused
     */
    public Connected finish(AdPlatform platform, String state, String code, String error) {
        var parsed = state == null ? null : STATE.matcher(state);
        if (parsed == null || !parsed.matches()) {
            throw new ConnectRefused("this link is not a connection the app started");
        }
        String memberId = parsed.group(1);
        Instant now = clock.instant();
        OAuthStart start = states.take(memberId, hash(state), now)
                .orElseThrow(() -> new ConnectRefused("this connection link is unknown, used or expired: start again"));
        if (start.platform() != platform) {
            throw new ConnectRefused("this connection was started for another platform");
        }
        if (error != null || code == null || code.isBlank()) {
            throw new ConnectRefused("access was not granted" + (error == null ? "" : " (" + error + ")"));
        }
        try {
            AdTokens tokens;
            AdAccount account;
            if (platform == AdPlatform.YANDEX_DIRECT) {
                tokens = platforms.direct().exchangeCode(code, now);
                String login = platforms.direct().client(tokens.accessToken(), start.agencyClientLogin()).login();
                account = new AdAccount(platform, login.toLowerCase(Locale.ROOT));
            } else {
                tokens = platforms.vk().exchangeCode(code, now);
                account = new AdAccount(platform, platforms.vk().account(tokens.accessToken()).id());
            }
            connections.save(memberId, AdConnection.connected(account, start.agencyClientLogin() != null,
                    start.userId(), now), SealedTokens.seal(platforms.sealer(), memberId, account, tokens));
            return new Connected(memberId, account, importer.importNow(memberId, account));
        } catch (AdApiFailure e) {
            throw new ConnectRefused("the platform refused the connection: " + e.getMessage());
        }
    }

    /**
     * Deletes the account's tokens (and asks VK Ads to delete the app's tokens for the user; Yandex revokes only
     * device tokens, so its token is forgotten). The imported days stay: the money was spent.
     */
    public void disconnect(String memberId, boolean administrator, AdAccount account) {
        requireAdministrator(administrator);
        Optional<AdConnectionStore.Stored> stored = connections.find(memberId, account);
        connections.delete(memberId, account);
        if (stored.isPresent() && account.platform() == AdPlatform.VK_ADS && platforms.vk() != null) {
            try {
                platforms.vk().deleteTokens(account.accountId());
            } catch (AdApiFailure e) {
                // Forgotten here whatever VK answers; its tokens die after a month without refresh.
            }
        }
    }

    private static void requireAdministrator(boolean administrator) {
        if (!administrator) {
            throw new NotAdministrator();
        }
    }

    private static String hash(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
