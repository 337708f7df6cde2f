package ru.unitecon.core.bitrix.oauth;

import java.util.Locale;

/**
 * What the OAuth server's {@code app.info} says about an access token: which app issued it and on which portal
 * that app is installed. It is the trusted answer to "is this token ours, and for this portal?".
 *
 * @param installed false until the install page has called {@code installFinish()}
 * @param status    the payment status ({@code L, F, D, T, P}) as the OAuth server, the trusted source, sees it
 */
public record AppInstallInfo(String clientId, String memberId, String domain, boolean installed,
                             String clientEndpoint, String status, Long userId) {

    /** True when the token was issued to our app for the portal the request claims to come from. */
    public boolean confirms(String expectedClientId, String expectedMemberId, String expectedDomain) {
        return clientId != null && clientId.equals(expectedClientId)
                && memberId != null && memberId.equals(expectedMemberId)
                && domain != null && expectedDomain != null
                && domain.toLowerCase(Locale.ROOT).equals(expectedDomain.toLowerCase(Locale.ROOT));
    }
}
