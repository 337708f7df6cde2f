package ru.unitecon.simulator;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The events a portal sends the app (install, update, uninstall, lead and deal changes): to which bound handler
 * each goes, with which tokens, and only once the install page has finished, as a portal holds its events until
 * then. The form bodies themselves are {@link EventForms}'.
 */
final class EventDeliveries {
    private final SimulatedPortal portal;
    private final FormPoster toApp;

    EventDeliveries(SimulatedPortal portal, FormPoster toApp) {
        this.portal = portal;
        this.toApp = toApp;
    }

    /** {@link SimulatedPortal#deliverInstallEvent}. */
    HttpResponse<String> installEvent(URI handler) {
        requireInstalled();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("VERSION", String.valueOf(portal.installation().version()));
        data.put("ACTIVE", "Y");
        data.put("INSTALLED", "Y");
        data.put("LANGUAGE_ID", "ru");
        IssuedTokens admin = portal.issueTokens(portal.seed().dataset().adminUserId());
        return toApp.post(handler, EventForms.event("ONAPPINSTALL", bindingId("ONAPPINSTALL", handler), data,
                EventForms.auth(portal, admin, true), portal.clock()));
    }

    /** {@link SimulatedPortal#updateApp}. */
    Optional<HttpResponse<String>> updateEvent() {
        requireInstalled();
        Optional<PortalRecords.EventBinding> handler = portal.records().events.stream()
                .filter(binding -> binding.event().equals("ONAPPUPDATE") && !binding.handler().isEmpty())
                .findFirst();
        int previousVersion = portal.installation().version();
        portal.installation().update();
        portal.records().events.clear();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("VERSION", String.valueOf(portal.installation().version()));
        data.put("PREVIOUS_VERSION", String.valueOf(previousVersion));
        data.put("LANGUAGE_ID", "ru");
        IssuedTokens admin = portal.issueTokens(portal.seed().dataset().adminUserId());
        return handler.map(binding -> toApp.post(URI.create(binding.handler()), EventForms.event("ONAPPUPDATE",
                binding.id(), data, EventForms.updateAuth(portal, admin), portal.clock())));
    }

    /** {@link SimulatedPortal#deliverEvent(String, long, boolean)}. */
    HttpResponse<String> entityEvent(String event, long entityId, boolean withUserToken) {
        List<PortalRecords.EventBinding> bound = portal.records().events.stream()
                .filter(binding -> binding.event().equalsIgnoreCase(event) && !binding.handler().isEmpty())
                .toList();
        if (bound.size() != 1) {
            throw new IllegalStateException(bound.size() + " handlers bound for " + event
                    + "; pass the handler to deliverEvent(event, entityId, withUserToken, handler)");
        }
        return entityEvent(event, entityId, withUserToken, URI.create(bound.getFirst().handler()));
    }

    HttpResponse<String> entityEvent(String event, long entityId, boolean withUserToken, URI handler) {
        requireInstalled();
        Map<String, Object> data = Map.of("FIELDS", Map.of("ID", String.valueOf(entityId)));
        IssuedTokens user = withUserToken ? portal.issueTokens(portal.seed().dataset().adminUserId()) : null;
        return toApp.post(handler, EventForms.event(event.toUpperCase(Locale.ROOT), bindingId(event, handler), data,
                EventForms.auth(portal, user, false), portal.clock()));
    }

    /** ONAPPUNINSTALL to the handler bound for it (bitrix24.md §10); empty when none was. */
    Optional<HttpResponse<String>> uninstallEvent(boolean clean) {
        return portal.records().events.stream()
                .filter(binding -> binding.event().equals("ONAPPUNINSTALL"))
                .findFirst()
                .map(binding -> toApp.post(URI.create(binding.handler()), EventForms.event("ONAPPUNINSTALL",
                        binding.id(), Map.of("LANGUAGE_ID", "ru", "CLEAN", clean ? "1" : "0"),
                        EventForms.auth(portal, null, false), portal.clock())));
    }

    private void requireInstalled() {
        if (!portal.installation().isInstalled()) {
            throw new IllegalStateException("a portal holds events until the install page finishes");
        }
    }

    private Long bindingId(String event, URI handler) {
        return portal.records().events.stream()
                .filter(binding -> binding.event().equalsIgnoreCase(event) && binding.handler().equals(handler.toString()))
                .map(PortalRecords.EventBinding::id)
                .findFirst()
                .orElse(null);
    }
}
