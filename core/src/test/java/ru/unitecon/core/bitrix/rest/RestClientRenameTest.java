package ru.unitecon.core.bitrix.rest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.SimulatedInstallation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RestClientRenameTest {
    private final SimulatedInstallation installed = SimulatedInstallation.start();
    private final List<List<String>> renames = new CopyOnWriteArrayList<>();

    @AfterEach
    void portalSawOnlyWellFormedCalls() {
        installed.closeAfterCheckingCalls();
    }

    @Test
    void renamedPortalIsFollowedWithThePostIntactAndReported() {
        String oldDomain = installed.portal.domain();
        BitrixRestClient client = installed.clientBuilder()
                .onRename((memberId, domain, endpoint) -> renames.add(List.of(memberId, domain, endpoint)))
                .build();
        installed.portal.rename();

        String id = client.call("crm.deal.get", Map.of("id", 7)).path("ID").asText();

        assertEquals("7", id);
        assertNotEquals(oldDomain, installed.portal.domain());
        assertEquals(List.of(List.of(installed.memberId(), installed.portal.domain(),
                installed.portal.clientEndpoint().toString())), renames);
    }

    @Test
    void laterCallsGoStraightToTheNewAddress() {
        BitrixRestClient client = installed.clientBuilder()
                .onRename((memberId, domain, endpoint) -> renames.add(List.of(domain)))
                .build();
        installed.portal.rename();

        client.call("crm.deal.get", Map.of("id", 7));
        client.call("crm.deal.get", Map.of("id", 8));

        assertEquals(1, renames.size());
        assertEquals(2, installed.portal.calls().count("crm.deal.get"));
    }

    @Test
    void batchIsFollowedToo() {
        BitrixRestClient client = installed.client();
        installed.portal.rename();

        BatchResult result = client.batch(Map.of("a", "crm.deal.get?id=1", "b", "crm.deal.get?id=2"));

        assertEquals(2, result.results().size());
    }
}
