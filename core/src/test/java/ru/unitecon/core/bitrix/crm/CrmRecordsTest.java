package ru.unitecon.core.bitrix.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.bitrix.Fixtures;
import ru.unitecon.core.crm.DealSnapshot;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrmRecordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PERSONAL_FIELDS = List.of("NAME", "LAST_NAME", "SECOND_NAME", "TITLE",
            "COMPANY_TITLE", "COMMENTS", "ADDITIONAL_INFO", "PHONE", "EMAIL");

    private final CrmRecords withoutAppointments = new CrmRecords(AppointmentFieldMapping.NONE,
            AppointmentFieldMapping.NONE);
    private final CrmRecords withAppointments = new CrmRecords(
            AppointmentFieldMapping.fromUserFields(Fixtures.json("lead-userfields.json")),
            AppointmentFieldMapping.NONE);

    @Test
    void datasetLeadIsReducedToIdsSourceTimesAndAmount() {
        JsonNode lead = Fixtures.json("leads.json").get(0);

        LeadSnapshot snapshot = withoutAppointments.lead(lead);

        assertEquals(1L, snapshot.id());
        assertEquals(Instant.parse("2026-03-10T05:11:00Z"), snapshot.created());
        assertEquals(Instant.parse("2026-08-11T13:11:00Z"), snapshot.modified());
        assertEquals("CALL", snapshot.source().sourceId());
        assertEquals(Semantic.IN_PROGRESS, snapshot.status());
        assertEquals(new BigDecimal("561000.00"), snapshot.amount());
        assertEquals(6L, snapshot.responsibleId());
        assertNull(snapshot.contactId());
        assertNull(snapshot.appointment());
    }

    @Test
    void noDatasetLeadKeepsAnyPersonalValue() {
        for (JsonNode lead : Fixtures.json("leads.json")) {
            String snapshot = withAppointments.lead(lead).toString();

            personalValues(lead).forEach(value -> assertFalse(snapshot.contains(value),
                    () -> "lead " + lead.path("ID").asText() + " kept a personal value"));
        }
    }

    @Test
    void noDatasetDealKeepsAnyPersonalValue() {
        for (JsonNode deal : Fixtures.json("deals.json")) {
            String snapshot = withoutAppointments.deal(deal).toString();

            personalValues(deal).forEach(value -> assertFalse(snapshot.contains(value),
                    () -> "deal " + deal.path("ID").asText() + " kept a personal value"));
        }
    }

    @Test
    void wonDealClosesOnItsCloseDate() {
        DealSnapshot deal = withoutAppointments.deal(dealWithId("3"));

        assertTrue(deal.isWon());
        assertEquals(LocalDate.of(2026, 4, 16), deal.closeDate());
        assertEquals("RUB", deal.currency());
        assertEquals(18L, deal.contactId());
        assertEquals("EMAIL", deal.source().sourceId());
    }

    @Test
    void closeDateIsTheDateAsTheEasternPortalWroteIt() {
        ObjectNode won = dealWithId("3").deepCopy();
        won.put("CLOSEDATE", "2026-09-01T00:00:00+05:00");

        assertEquals(LocalDate.of(2026, 9, 1), withoutAppointments.deal(won).closeDate(),
                "midnight of the 1st at UTC+5 is still 31 August in Moscow, but the deal closed on the 1st");
    }

    @Test
    void closeDateIsTheDateAsTheWesternPortalWroteIt() {
        ObjectNode won = dealWithId("3").deepCopy();
        won.put("CLOSEDATE", "2026-09-01T00:00:00-03:00");

        assertEquals(LocalDate.of(2026, 9, 1), withoutAppointments.deal(won).closeDate());
    }

    @Test
    void closeDateMayComeAsAPlainDate() {
        ObjectNode won = dealWithId("3").deepCopy();
        won.put("CLOSEDATE", "2026-09-01");

        assertEquals(LocalDate.of(2026, 9, 1), withoutAppointments.deal(won).closeDate());
    }

    @Test
    void closeDateThatIsNoDateMakesTheDealUnreadable() {
        ObjectNode won = dealWithId("3").deepCopy();
        won.put("CLOSEDATE", "1 сентября");

        assertThrows(UnreadableRecord.class, () -> withoutAppointments.deal(won));
    }

    @Test
    void wonDealWithoutCloseDateCarriesWhenItMovedToItsStage() {
        ObjectNode won = dealWithId("3").deepCopy();
        won.put("CLOSEDATE", "");
        won.put("MOVED_TIME", "2026-05-02T10:00:00+03:00");

        DealSnapshot deal = withoutAppointments.deal(won);

        assertNull(deal.closeDate());
        assertEquals(Instant.parse("2026-05-02T07:00:00Z"), deal.movedAt());
    }

    @Test
    void amountsCarryTheirCurrency() {
        ObjectNode dollars = dealWithId("3").deepCopy();
        dollars.put("CURRENCY_ID", "USD");
        ObjectNode lead = Fixtures.json("leads.json").get(0).deepCopy();
        lead.put("CURRENCY_ID", "KZT");

        assertEquals("USD", withoutAppointments.deal(dollars).currency());
        assertEquals("KZT", withoutAppointments.lead(lead).currency());
    }

    @Test
    void aCurrencyThatIsNoCodeMakesTheRecordUnreadable() {
        ObjectNode deal = dealWithId("3").deepCopy();
        deal.put("CURRENCY_ID", "рубли");

        assertThrows(UnreadableRecord.class, () -> withoutAppointments.deal(deal));
    }

    @Test
    void theSelectsAskForCurrencyAndStageMoveTime() {
        assertTrue(CrmRecords.LEAD_FIELDS.contains("CURRENCY_ID"));
        assertTrue(CrmRecords.DEAL_FIELDS.containsAll(List.of("CURRENCY_ID", "MOVED_TIME", "CLOSEDATE")));
    }

    @Test
    void openDealHasNoCloseDateEvenWhenOneIsPlanned() {
        DealSnapshot deal = withoutAppointments.deal(dealWithId("5"));

        assertEquals(Semantic.IN_PROGRESS, deal.stage());
        assertNull(deal.closeDate());
        assertEquals(16L, deal.leadId());
    }

    @Test
    void lostDealIsAFailure() {
        assertEquals(Semantic.FAILURE, withoutAppointments.deal(dealWithId("1")).stage());
    }

    @Test
    void appointmentIsReadFromTheAppsUserFields() {
        LeadSnapshot lead = withAppointments.lead(Fixtures.json("lead-with-appointment.json"));

        assertEquals(Instant.parse("2026-03-12T12:30:00Z"), lead.appointment().time());
        assertEquals(AppointmentState.NO_SHOW, lead.appointment().state());
        assertEquals("yandex", lead.source().utmSource());
        assertEquals("cpc", lead.source().utmMedium());
        assertEquals("spring", lead.source().utmCampaign());
        assertNull(lead.source().utmContent());
        assertNull(lead.contactId());
    }

    @Test
    void numbersMayComeAsJsonNumbersAndDatesMayBeNull() {
        ObjectNode lead = JSON.createObjectNode();
        lead.put("ID", 42);
        lead.put("DATE_CREATE", "2026-01-05T10:00:00+02:00");
        lead.putNull("DATE_MODIFY");
        lead.put("OPPORTUNITY", 1500.5);
        lead.put("CONTACT_ID", 7);
        lead.put("STATUS_SEMANTIC_ID", "S");

        LeadSnapshot snapshot = withoutAppointments.lead(lead);

        assertEquals(42L, snapshot.id());
        assertEquals(snapshot.created(), snapshot.modified());
        assertEquals(0, new BigDecimal("1500.5").compareTo(snapshot.amount()));
        assertEquals(7L, snapshot.contactId());
        assertEquals(Semantic.SUCCESS, snapshot.status());
    }

    @Test
    void recordWithoutCreationDateIsUnreadable() {
        ObjectNode lead = JSON.createObjectNode().put("ID", "9").put("DATE_CREATE", "");

        UnreadableRecord error = assertThrows(UnreadableRecord.class, () -> withoutAppointments.lead(lead));
        assertEquals("lead 9: DATE_CREATE is missing", error.getMessage());
    }

    @Test
    void dateWithoutOffsetIsUnreadable() {
        ObjectNode lead = JSON.createObjectNode().put("ID", "9").put("DATE_CREATE", "2026-01-05 10:00:00");

        assertThrows(UnreadableRecord.class, () -> withoutAppointments.lead(lead));
    }

    @Test
    void selectNamesNoPersonalFieldAndAddsTheAppointmentFields() {
        List<String> select = withAppointments.leadSelect();

        PERSONAL_FIELDS.forEach(field -> assertFalse(select.contains(field), field));
        assertTrue(select.containsAll(List.of("UF_CRM_UE_APPT_AT", "UF_CRM_UE_APPT_STATE")));
        assertTrue(withAppointments.dealSelect().containsAll(List.of("LEAD_ID", "CLOSEDATE", "STAGE_SEMANTIC_ID")));
    }

    private static JsonNode dealWithId(String id) {
        for (JsonNode deal : Fixtures.json("deals.json")) {
            if (deal.path("ID").asText().equals(id)) {
                return deal;
            }
        }
        throw new IllegalArgumentException("no deal " + id);
    }

    /** Every non-trivial value of the record's personal fields, including multi-field values. */
    private static List<String> personalValues(JsonNode record) {
        List<String> values = new ArrayList<>();
        for (String field : PERSONAL_FIELDS) {
            JsonNode value = record.path(field);
            if (value.isArray()) {
                value.forEach(item -> values.add(item.path("VALUE").asText()));
            } else if (value.isTextual() && value.asText().length() > 2) {
                values.add(value.asText());
            }
        }
        return values;
    }
}
