package ru.unitecon.core.portal;

/** What counts as an order: won deals, or (for portals that work without deals) attended visits with an amount. */
public enum OrderSource {
    WON_DEALS, ATTENDED_APPOINTMENTS
}
