package ru.unitecon.core.bitrix.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.SimulatedInstallation;
import ru.unitecon.core.bitrix.crm.AppointmentFieldMapping;
import ru.unitecon.core.bitrix.crm.CrmEntity;
import ru.unitecon.core.bitrix.crm.CrmRecords;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.simulator.RecordedCall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestClientPagingTest {
    private final SimulatedInstallation installed = SimulatedInstallation.start();
    private final CrmRecords records = new CrmRecords(AppointmentFieldMapping.NONE, AppointmentFieldMapping.NONE);

    @AfterEach
    void portalSawOnlyWellFormedCalls() {
        installed.closeAfterCheckingCalls();
    }

    @Test
    void listAllReadsMoreThanOnePageByIdWithoutCounting() {
        List<JsonNode> deals = new ArrayList<>();

        long count = new CrmReads(installed.client()).listAll("crm.deal.list", Map.of(), records.dealSelect(),
                page -> page.records().forEach(deals::add));

        assertEquals(installed.portal.deals().size(), count);
        assertTrue(count > BitrixRestClient.PAGE_SIZE);
        List<Long> ids = deals.stream().map(deal -> deal.path("ID").asLong()).toList();
        assertEquals(ids.stream().sorted().distinct().toList(), ids);
        List<RecordedCall> calls = installed.portal.calls().all();
        assertEquals(2, calls.size());
        calls.forEach(call -> assertEquals("-1", String.valueOf(call.params().get("start"))));
        assertEquals("0", String.valueOf(filter(calls.get(0)).get(">ID")));
        String lastIdOfFirstPage = String.valueOf(ids.get(BitrixRestClient.PAGE_SIZE - 1));
        assertEquals(lastIdOfFirstPage, String.valueOf(filter(calls.get(1)).get(">ID")));
    }

    @Test
    void aScanResumesAfterTheLastIdOfTheFirstPageAndEndsOnAShortPage() {
        ScanPage first = new CrmReads(installed.client()).scanPage("crm.deal.list", Map.of(), records.dealSelect(), 0);
        ScanPage second = new CrmReads(installed.client()).scanPage("crm.deal.list", Map.of(), records.dealSelect(),
                first.lastId());

        assertEquals(BitrixRestClient.PAGE_SIZE, first.records().size());
        assertFalse(first.last());
        assertEquals(first.records().get(BitrixRestClient.PAGE_SIZE - 1).path("ID").asLong(), first.lastId());
        assertTrue(second.last());
        assertEquals(installed.portal.deals().size(), first.records().size() + second.records().size());
        assertTrue(second.records().get(0).path("ID").asLong() > first.lastId());
    }

    @Test
    void chainedPagesReadTheWholeListInOneBatchRequestEachPageAfterTheLastIdOfTheOneBefore() {
        List<ScanPage> pages = new CrmReads(installed.client()).scanPages("crm.deal.list", Map.of(),
                records.dealSelect(), 0, BitrixRestClient.BATCH_LIMIT);

        assertEquals(1, installed.portal.calls().count());
        assertEquals(2, pages.size());
        assertFalse(pages.get(0).last());
        assertTrue(pages.get(1).last());
        List<Long> ids = new ArrayList<>();
        pages.forEach(page -> page.records().forEach(deal -> ids.add(deal.path("ID").asLong())));
        assertEquals(installed.portal.deals().size(), ids.size());
        assertEquals(ids.stream().sorted().distinct().toList(), ids);
        List<RecordedCall> lists = installed.portal.calls().all().stream()
                .filter(call -> call.method().equals("crm.deal.list")).toList();
        assertEquals("0", String.valueOf(filter(lists.get(0)).get(">ID")));
        assertEquals(String.valueOf(pages.get(0).lastId()), String.valueOf(filter(lists.get(1)).get(">ID")));
        pages.forEach(page -> assertTrue(page.servedAt() != null, "the portal says when it read each page"));
    }

    @Test
    void aChainThatIsNotThroughEndsOnAFullPageWhoseLastIdIsTheCursor() {
        List<ScanPage> pages = new CrmReads(installed.client()).scanPages("crm.deal.list", Map.of(),
                records.dealSelect(), 0, 1);

        assertEquals(1, pages.size());
        assertFalse(pages.getFirst().last());
        assertEquals(BitrixRestClient.PAGE_SIZE, pages.getFirst().records().size());
    }

    @Test
    void aChainAsksForThePagesTheExpectedRecordsNeedAndOneToSeeTheEnd() {
        assertEquals(1, CrmReads.pagesFor(0, 20));
        assertEquals(1, CrmReads.pagesFor(49, 20));
        assertEquals(2, CrmReads.pagesFor(50, 20));
        assertEquals(3, CrmReads.pagesFor(120, 20));
        assertEquals(20, CrmReads.pagesFor(100_000, 20));
        assertEquals(20, CrmReads.pagesFor(Long.MAX_VALUE, 20));
    }

    @Test
    void theCountIsThePortalsTotal() {
        assertEquals(installed.portal.deals().size(), new CrmReads(installed.client()).count("crm.deal.list", Map.of()));
    }

    @Test
    void listedDealsCarryNoPersonalFieldsAndMapToSnapshots() {
        List<DealSnapshot> snapshots = new ArrayList<>();

        new CrmReads(installed.client()).listAll("crm.deal.list", Map.of(), records.dealSelect(),
                page -> page.records().forEach(deal -> {
                    assertFalse(deal.has("TITLE"));
                    assertFalse(deal.has("COMMENTS"));
                    snapshots.add(records.deal(deal));
                }));

        assertEquals(installed.portal.deals().size(), snapshots.size());
    }

    @Test
    void listAllKeepsTheCallersFilter() {
        List<JsonNode> won = new ArrayList<>();

        new CrmReads(installed.client()).listAll("crm.deal.list", Map.of("STAGE_SEMANTIC_ID", "S"), records.dealSelect(),
                page -> page.records().forEach(won::add));

        assertFalse(won.isEmpty());
        won.forEach(deal -> assertEquals("S", deal.path("STAGE_SEMANTIC_ID").asText()));
    }

    @Test
    void fiftyDealsComeInOneBatchRequest() {
        List<Long> ids = LongStream.rangeClosed(1, 50).boxed().toList();

        FetchedRecords fetched = new CrmReads(installed.client()).getMany(CrmEntity.DEAL, ids);

        assertEquals(50, fetched.found().size());
        assertEquals(1, installed.portal.calls().count());
        assertEquals(50, installed.portal.calls().count("crm.deal.get"));
        fetched.found().forEach((id, deal) -> assertEquals(id, deal.path("ID").asLong()));
    }

    @Test
    void moreThanFiftyIdsTakeOneBatchPerFifty() {
        List<Long> ids = LongStream.rangeClosed(1, 60).boxed().toList();

        FetchedRecords fetched = new CrmReads(installed.client()).getMany(CrmEntity.DEAL, ids);

        assertEquals(60, fetched.found().size());
        assertEquals(2, installed.portal.calls().count());
    }

    @Test
    void deletedRecordIsReportedNotThrown() {
        FetchedRecords fetched = new CrmReads(installed.client()).getMany(CrmEntity.DEAL, List.of(1L, 999_999L));

        assertEquals(List.of(1L), List.copyOf(fetched.found().keySet()));
        assertEquals("NOT_FOUND", fetched.failed().get(999_999L).errorCode());
    }

    @Test
    void batchWhoseCommandsAllFailHasNoResults() {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("a", "crm.deal.get?id=999998");
        commands.put("b", "crm.deal.get?id=999999");

        BatchResult result = installed.client().batch(commands);

        assertTrue(result.results().isEmpty());
        assertEquals(2, result.errors().size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> filter(RecordedCall call) {
        return (Map<String, Object>) call.params().get("filter");
    }
}
