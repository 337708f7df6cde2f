package ru.unitecon.ui.entry;

/** Decides whether a placement POST really comes from an installed portal, before anything is shown. */
public interface PortalVerifier {

    Verification verify(PlacementPost post);

    sealed interface Verification permits Verified, Refused {
    }

    /** The portal the POST comes from, as the OAuth server confirmed it, and the viewer's user id (0 if unknown). */
    record Verified(String memberId, String domain, boolean admin, long userId) implements Verification {
    }

    /** Why a POST was refused; the reason goes to the log, never to the page. */
    record Refused(String reason) implements Verification {
    }
}
