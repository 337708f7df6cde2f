package ru.unitecon.simulator;

import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form bodies of event deliveries, field for field as bitrix24.md §1.3, §5.3 and §10 and the OnAppUpdate
 * documentation show them.
 */
final class EventForms {
    private EventForms() {
    }

    static Map<String, String> event(String event, Long handlerId, Map<String, Object> data, Map<String, Object> auth,
                                     InstantSource clock) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        if (handlerId != null) {
            body.put("event_handler_id", String.valueOf(handlerId));
        }
        body.put("data", data);
        body.put("ts", String.valueOf(clock.instant().getEpochSecond()));
        body.put("auth", auth);
        return FormCodec.flatten(body);
    }

    /**
     * The {@code auth} block: with a user's tokens when the action had a user ({@code refresh_token} only for
     * install/update events), or only the portal's identity and application token otherwise.
     */
    static Map<String, Object> auth(SimulatedPortal portal, IssuedTokens tokens, boolean withRefreshToken) {
        Map<String, Object> auth = new LinkedHashMap<>();
        if (tokens != null) {
            auth.put("access_token", tokens.accessToken());
            auth.put("expires", String.valueOf(tokens.expiresAt().getEpochSecond()));
            auth.put("expires_in", String.valueOf(Duration.between(portal.clock().instant(), tokens.expiresAt()).toSeconds()));
            auth.put("scope", portal.installation().scope());
        }
        auth.put("domain", portal.domain());
        auth.put("server_endpoint", portal.serverEndpoint().toString());
        if (tokens != null) {
            auth.put("status", portal.installation().status());
        }
        auth.put("client_endpoint", portal.clientEndpoint().toString());
        auth.put("member_id", portal.memberId());
        if (tokens != null) {
            auth.put("user_id", tokens.userId());
            if (withRefreshToken) {
                auth.put("refresh_token", tokens.refreshToken());
            }
        }
        auth.put("application_token", portal.applicationToken());
        return auth;
    }

    /**
     * The {@code auth} block of {@code ONAPPUPDATE}, field for field as its documentation shows it: the updating
     * user's tokens with {@code expires_in} only (no {@code expires}, no {@code user_id}) and the renewed
     * application token.
     */
    static Map<String, Object> updateAuth(SimulatedPortal portal, IssuedTokens tokens) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("domain", portal.domain());
        auth.put("scope", portal.installation().scope());
        auth.put("access_token", tokens.accessToken());
        auth.put("refresh_token", tokens.refreshToken());
        auth.put("expires_in", String.valueOf(Duration.between(portal.clock().instant(), tokens.expiresAt()).toSeconds()));
        auth.put("server_endpoint", portal.serverEndpoint().toString());
        auth.put("status", portal.installation().status());
        auth.put("client_endpoint", portal.clientEndpoint().toString());
        auth.put("member_id", portal.memberId());
        auth.put("application_token", portal.applicationToken());
        return auth;
    }
}
