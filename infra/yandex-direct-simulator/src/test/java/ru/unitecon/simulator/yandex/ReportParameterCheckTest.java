package ru.unitecon.simulator.yandex;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportParameterCheckTest {
    @AutoClose
    private final YandexFixture fixture = new YandexFixture();
    private final String token = fixture.tokenOf(DirectDataset.SALON_LOGIN);

    @Test
    void theImportersRequestLeavesNoViolations() {
        fixture.report(token, DirectHttp.spendDefinition("ok", "2026-08-01", "2026-08-02"), "processingMode", "auto",
                "returnMoneyInMicros", "false", "skipReportHeader", "true", "skipReportSummary", "true", "Accept-Language", "ru");

        assertEquals(List.of(), fixture.simulator.violations());
    }

    @Test
    void anUnknownParameterIsAnInvalidRequest() {
        String body = DirectHttp.spendDefinition("x", "2026-08-01", "2026-08-02").replace("\"Format\"", "\"Currency\": \"RUB\", \"Format\"");

        DirectHttp.Reply reply = fixture.report(token, body);

        assertEquals(8000, reply.errorCode());
        assertEquals(List.of(new ReportViolation("Currency", ReportViolation.Kind.UNKNOWN_PARAMETER, "not a documented parameter")),
                fixture.simulator.violations());
    }

    @Test
    void aMissingRequiredParameterIsAnInvalidRequest() {
        String body = DirectHttp.spendDefinition("x", "2026-08-01", "2026-08-02").replace(", \"IncludeVAT\": \"YES\"", "");

        DirectHttp.Reply reply = fixture.report(token, body);

        assertEquals(8000, reply.errorCode());
        assertEquals(ReportViolation.Kind.MISSING_PARAMETER, fixture.simulator.violations().getFirst().kind());
        assertEquals("IncludeVAT", fixture.simulator.violations().getFirst().parameter());
    }

    @Test
    void anUndocumentedValueIsInvalidParameters() {
        String body = DirectHttp.spendDefinition("x", "2026-08-01", "2026-08-02").replace("\"TSV\"", "\"CSV\"");

        DirectHttp.Reply reply = fixture.report(token, body);

        assertEquals(4000, reply.errorCode());
        assertEquals(ReportViolation.Kind.WRONG_VALUE, fixture.simulator.violations().getFirst().kind());
    }

    @Test
    void anUndocumentedFieldNameIsInvalidParameters() {
        DirectHttp.Reply reply = fixture.report(token, DirectHttp.definition("x", "CUSTOM_REPORT", "2026-08-01", "2026-08-02",
                List.of("Date", "Spend"), "YES"));

        assertEquals(4000, reply.errorCode());
        assertEquals("FieldNames[1]", fixture.simulator.violations().getFirst().parameter());
    }

    @Test
    void aWrongTypeIsAnInvalidRequest() {
        String body = DirectHttp.spendDefinition("x", "2026-08-01", "2026-08-02")
                .replace("\"FieldNames\": [\"Date\", \"CampaignId\", \"CampaignName\", \"Cost\"]", "\"FieldNames\": \"Date\"");

        assertEquals(8000, fixture.report(token, body).errorCode());
        assertEquals(ReportViolation.Kind.WRONG_TYPE, fixture.simulator.violations().getFirst().kind());
    }

    @Test
    void customDateNeedsBothDatesInOrder() {
        DirectHttp.Reply reversed = fixture.report(token, DirectHttp.spendDefinition("x", "2026-08-05", "2026-08-01"));
        DirectHttp.Reply missing = fixture.report(token, DirectHttp.spendDefinition("y", "2026-08-01", "2026-08-02")
                .replace(", \"DateTo\": \"2026-08-02\"", ""));
        DirectHttp.Reply badDate = fixture.report(token, DirectHttp.spendDefinition("z", "2026-08-01", "02.08.2026"));

        assertEquals(4000, reversed.errorCode());
        assertEquals(4000, missing.errorCode());
        assertEquals(4000, badDate.errorCode());
    }

    @Test
    void datesAreRefusedWithARelativePeriod() {
        String body = DirectHttp.spendDefinition("x", "2026-08-01", "2026-08-02").replace("CUSTOM_DATE", "LAST_7_DAYS");

        assertEquals(4000, fixture.report(token, body).errorCode());
    }

    @Test
    void anUndocumentedHeaderValueIsAnInvalidRequest() {
        DirectHttp.Reply reply = fixture.report(token, DirectHttp.spendDefinition("x", "2026-08-01", "2026-08-02"),
                "processingMode", "fast");

        assertEquals(8000, reply.errorCode());
        assertEquals("processingMode", fixture.simulator.violations().getFirst().parameter());
    }

    @Test
    void aBodyThatIsNotAReportDefinitionIsAnInvalidRequest() {
        assertEquals(8000, fixture.report(token, "ReportName=x").errorCode());
        assertEquals(8000, fixture.report(token, "{\"ReportName\": \"x\"}").errorCode());
    }

    @Test
    void aDocumentedReportTypeTheSimulatorDoesNotBuildIsNotAViolation() {
        DirectHttp.Reply reply = fixture.report(token, DirectHttp.definition("x", "SEARCH_QUERY_PERFORMANCE_REPORT",
                "2026-08-01", "2026-08-02", List.of("Date", "Query", "Cost"), "YES"));

        assertEquals(501, reply.status());
        assertEquals(List.of(), fixture.simulator.violations());
    }
}
