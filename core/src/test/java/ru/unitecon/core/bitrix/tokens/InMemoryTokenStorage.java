package ru.unitecon.core.bitrix.tokens;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The tokens port kept in a map, with the same conditional replace the DynamoDB adapter makes. */
public final class InMemoryTokenStorage implements TokenStorage {
    private final ConcurrentMap<String, InstallationTokens> pairs = new ConcurrentHashMap<>();
    private final Set<String> needReconnect = ConcurrentHashMap.newKeySet();

    public void put(String memberId, InstallationTokens tokens) {
        pairs.put(memberId, tokens);
        needReconnect.remove(memberId);
    }

    public boolean needsReconnect(String memberId) {
        return needReconnect.contains(memberId);
    }

    @Override
    public Optional<InstallationTokens> load(String memberId) {
        return needReconnect.contains(memberId) ? Optional.empty() : Optional.ofNullable(pairs.get(memberId));
    }

    @Override
    public boolean replaceIfCurrent(String memberId, InstallationTokens expected, InstallationTokens next) {
        boolean[] replaced = {false};
        pairs.computeIfPresent(memberId, (id, stored) -> {
            if (stored.refreshToken().equals(expected.refreshToken())) {
                replaced[0] = true;
                return next;
            }
            return stored;
        });
        return replaced[0];
    }

    @Override
    public void markNeedsReconnect(String memberId) {
        needReconnect.add(memberId);
    }

    @Override
    public void recordMove(String memberId, String domain, String clientEndpoint) {
        pairs.computeIfPresent(memberId, (id, stored) -> new InstallationTokens(stored.accessToken(), stored.refreshToken(),
                stored.accessExpiresAt(), clientEndpoint, stored.serverEndpoint()));
    }
}
