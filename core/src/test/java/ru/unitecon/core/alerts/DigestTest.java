package ru.unitecon.core.alerts;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.portal.AlertKind;
import ru.unitecon.simulator.PortalRecords;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Monday digest of a salon in Moscow (UTC+3) and of the same salon in Yekaterinburg (UTC+5): it goes out at the
 * first pass at or after 09:00 on Monday in the portal's zone, once a week, and its week is the portal's Monday to
 * Sunday, so a lead or a visit near midnight UTC falls into the week its zone says.
 */
class DigestTest {
    private static final LeadSource VK = LeadSource.ofUtm("vk", null, null);
    private static final LeadSource INSTAGRAM = LeadSource.ofUtm("instagram", null, null);
    private static final String TAG = "UE|WEEKLY_DIGEST|-|2026-W51";

    /**
     * The digest of Monday 14 December 2026: last week 7–13 December, the week before 30 November – 6 December.
     * <ul>
     * <li>lead 1 (vk): 6 December 20:30 UTC, Sunday 23:30 in Moscow, Monday 01:30 in Yekaterinburg;</li>
     * <li>lead 2 (vk, contact 9002): 8 December, won deal of 6 000 ₽ closed 9 December, her first order;</li>
     * <li>lead 3 (instagram, contact 9003): 1 December, won deals of 5 000 ₽ on 2 December (her first order) and
     * 4 000 ₽ on 10 December;</li>
     * <li>lead 4 (vk): 7 December, no-show on 10 December; lead 5 (vk): 7 December, a visit on 11 December nobody
     * marked; lead 6 (instagram): 13 December 18:30 UTC, no-show at 19:30 UTC, 22:30 Sunday in Moscow but 00:30
     * Monday (this week) in Yekaterinburg;</li>
     * <li>spend in December: vk 8 000 ₽, instagram 3 000 ₽;</li>
     * <li>lead 2 answered 10 minutes after it came, lead 3 after 20 minutes, the others never.</li>
     * </ul>
     * All six leads came in December: 1 of 6 answered within 15 minutes (16,7 %), 4 unanswered. Contacts 9002 and
     * 9003 ordered in December: 2 active clients, none became lost.
     * Orders in November and December: 6 000 + 5 000 + 4 000 = 15 000 ₽ over 3 orders, AOV 5 000 ₽. Contribution
     * (revenue − spend, no variable cost): instagram 9 000 − 3 000 = 6 000 ₽, vk 6 000 − 8 000 = −2 000 ₽.
     */
    private static AlertWorld salon(ZoneId zone) {
        AlertWorld world = new AlertWorld(zone);
        return world.lead(1, "2026-12-06T20:30:00Z", VK, null)
                .lead(2, "2026-12-08T09:00:00Z", VK, 9002L).wonDeal(12, 9002, 2, "6000", "2026-12-09")
                .lead(3, "2026-12-01T09:00:00Z", INSTAGRAM, 9003L).wonDeal(13, 9003, 3, "5000", "2026-12-02")
                .wonDeal(14, 9003, 3, "4000", "2026-12-10")
                .leadWithVisit(4, "2026-12-07T09:00:00Z", VK, null, "2026-12-10T09:00:00Z", AppointmentState.NO_SHOW)
                .leadWithVisit(5, "2026-12-07T10:00:00Z", VK, null, "2026-12-11T09:00:00Z", AppointmentState.BOOKED)
                .leadWithVisit(6, "2026-12-13T18:30:00Z", INSTAGRAM, null, "2026-12-13T19:30:00Z",
                        AppointmentState.NO_SHOW)
                .spend(YearMonth.of(2026, 12), "vk", "8000").spend(YearMonth.of(2026, 12), "instagram", "3000")
                .answered(2, "2026-12-08T09:10:00Z").answered(3, "2026-12-01T09:20:00Z")
                .receiving(Map.of(AlertKind.WEEKLY_DIGEST, List.of(1L, 12L)), "ru");
    }

    @Test
    void inMoscowTheDigestGoesOutAtNineOnMondayOnce() {
        try (AlertWorld world = salon(ZoneId.of("Europe/Moscow"))) {
            world.at("2026-12-13T15:00:00Z").pass();
            world.at("2026-12-14T05:59:00Z").pass();
            assertTrue(world.notifications().isEmpty(), "Sunday, and Monday 08:59, are before the digest");

            world.at("2026-12-14T06:00:00Z").pass();
            world.at("2026-12-14T06:05:00Z").pass();
            world.at("2026-12-14T15:00:00Z").pass();

            List<PortalRecords.Notification> sent = world.tagged(TAG);
            assertEquals(List.of("1", "12"), sent.stream().map(PortalRecords.Notification::toUserId).sorted().toList());
            assertEquals(2, world.notifications().size());
            // Leads 2, 4, 5, 6 last week; 1 (Sunday 23:30) and 3 the week before. Two no-shows: 10 and 13 December.
            assertEquals("[B]Неделя 07.12–13.12[/B] (в скобках — неделя до неё)[BR]"
                    + "Лиды: 4 (2)[BR]Новые клиенты: 1 (1)[BR]Заказы: 2 (1)[BR]Выручка: 10 000 ₽ (5 000 ₽)[BR]"
                    + "Лучший канал: «instagram», 6 000 ₽ за вычетом расходов[BR]"
                    + "Худший канал: «vk», -2 000 ₽ за вычетом расходов[BR]"
                    + "Неявки: 2, потеряно 10 000 ₽[BR]Не отмечены визиты: 1[BR]"
                    + "Лидам в декабре ответили за 15 мин: 16,7 %, без ответа: 4[BR]"
                    + "Активных клиентов: 2, потеряно в этом месяце: 0 Откройте "
                    + world.link("overview", "«Юнит-экономика» → Обзор") + ".",
                    sent.getFirst().message());
        }
    }

    @Test
    void inYekaterinburgTheSameRecordsMakeItsOwnWeekAndItsOwnNine() {
        try (AlertWorld world = salon(ZoneId.of("Asia/Yekaterinburg"))) {
            world.at("2026-12-14T03:59:00Z").pass();
            assertTrue(world.notifications().isEmpty(), "08:59 in Yekaterinburg");

            world.at("2026-12-14T04:00:00Z").pass();
            world.at("2026-12-14T04:05:00Z").pass();

            assertEquals(2, world.notifications().size());
            // Lead 1 came on Monday 01:30 here: 5 leads last week, 1 the week before. The no-show of 00:30 on
            // 14 December is this week's: one no-show, 5 000 ₽.
            assertEquals("[B]Неделя 07.12–13.12[/B] (в скобках — неделя до неё)[BR]"
                    + "Лиды: 5 (1)[BR]Новые клиенты: 1 (1)[BR]Заказы: 2 (1)[BR]Выручка: 10 000 ₽ (5 000 ₽)[BR]"
                    + "Лучший канал: «instagram», 6 000 ₽ за вычетом расходов[BR]"
                    + "Худший канал: «vk», -2 000 ₽ за вычетом расходов[BR]"
                    + "Неявки: 1, потеряно 5 000 ₽[BR]Не отмечены визиты: 1[BR]"
                    + "Лидам в декабре ответили за 15 мин: 16,7 %, без ответа: 4[BR]"
                    + "Активных клиентов: 2, потеряно в этом месяце: 0 Откройте "
                    + world.link("overview", "«Юнит-экономика» → Обзор") + ".",
                    world.tagged(TAG).getFirst().message());
        }
    }

    @Test
    void theNextMondayBringsTheNextWeek() {
        try (AlertWorld world = salon(ZoneId.of("Europe/Moscow"))) {
            world.at("2026-12-14T06:00:00Z").pass();
            world.at("2026-12-21T06:00:00Z").pass();

            assertEquals(2, world.tagged(TAG).size());
            assertEquals(2, world.tagged("UE|WEEKLY_DIGEST|-|2026-W52").size());
            assertTrue(world.tagged("UE|WEEKLY_DIGEST|-|2026-W52").getFirst().message()
                    .startsWith("[B]Неделя 14.12–20.12[/B]"));
        }
    }
}
