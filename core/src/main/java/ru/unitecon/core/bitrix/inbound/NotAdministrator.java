package ru.unitecon.core.bitrix.inbound;

/**
 * A genuine user of the portal, but not one of its administrators, tried to install, update or set up the app:
 * answer 403 with a page in {@link #language()} and keep nothing from the request.
 */
public class NotAdministrator extends ForgedRequest {
    private final String language;

    /** @param language the portal's language from the request ({@code LANG}, {@code data[LANGUAGE_ID]}), or null */
    public NotAdministrator(String language) {
        super("the user is not an administrator of the portal");
        this.language = language;
    }

    public String language() {
        return language;
    }
}
