package ru.unitecon.simulator.vk;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Requests per second per access token over a sliding second; past the limit the API answers 429. */
final class RequestRate {
    private final InstantSource clock;
    private final int perSecond;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    RequestRate(InstantSource clock, int perSecond) {
        this.clock = clock;
        this.perSecond = perSecond;
    }

    /** Admits the request and returns how many more fit in this second, or -1 when it is over the limit. */
    int admit(String token) {
        Instant now = clock.instant();
        Deque<Instant> window = recent.computeIfAbsent(token, key -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && !window.peekFirst().isAfter(now.minusSeconds(1))) {
                window.pollFirst();
            }
            if (window.size() >= perSecond) {
                return -1;
            }
            window.addLast(now);
            return perSecond - window.size();
        }
    }

    int perSecond() {
        return perSecond;
    }
}
