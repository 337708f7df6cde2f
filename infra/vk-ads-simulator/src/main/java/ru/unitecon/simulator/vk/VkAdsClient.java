package ru.unitecon.simulator.vk;

import java.net.URI;
import java.util.Set;

/**
 * An API client (client_id and client_secret from the account's API access). Client Credentials gives tokens for the
 * owner's own account; the Authorization Code flow for other accounts is open only to clients that met VK Ads'
 * conditions ({@code authorizationCodeAllowed}) and only to their registered redirect URIs. {@code rotateRefreshTokens}
 * is the support-enabled option that replaces the refresh token on every refresh.
 */
public record VkAdsClient(String clientId, String clientSecret, String ownerUsername, Set<URI> redirectUris,
                          boolean authorizationCodeAllowed, boolean rotateRefreshTokens) {

    public VkAdsClient {
        redirectUris = Set.copyOf(redirectUris);
    }

    /** A client that works only with its owner's account (Client Credentials). */
    public static VkAdsClient ownAccount(String clientId, String clientSecret, String ownerUsername) {
        return new VkAdsClient(clientId, clientSecret, ownerUsername, Set.of(), false, false);
    }

    @Override
    public String toString() {
        return "VkAdsClient[" + clientId + ", owner " + ownerUsername + ", authorization code " + authorizationCodeAllowed + "]";
    }
}
