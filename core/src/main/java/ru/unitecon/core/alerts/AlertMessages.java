package ru.unitecon.core.alerts;

import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.metrics.ResponseRow;
import ru.unitecon.core.metrics.WeeklyDigest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The alerts' and the digest's texts in the portal's language (Russian unless it is English), with the sums in the
 * reporting currency and the app's view to open named at the end. They carry channels and counts, never a client.
 */
final class AlertMessages {
    private static final List<String> MONTHS_IN = List.of("январе", "феврале", "марте", "апреле", "мае", "июне",
            "июле", "августе", "сентябре", "октябре", "ноябре", "декабре");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM.yyyy");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final boolean english;
    private final String currency;
    private final String domain;
    private final String appCode;

    /** @param appCode the app's code on the portal ({@code app.info}'s CODE), which its view links are made of */
    AlertMessages(boolean english, String currency, String domain, String appCode) {
        this.english = english;
        this.currency = currency;
        this.domain = domain;
        this.appCode = appCode;
    }

    String channelLosingMoney(PeriodMetrics channel, YearMonth month) {
        String name = channel.channel().orElseThrow();
        if (!channel.cac().isDefined()) {
            return english
                    ? "Channel «" + name + "» is losing money in " + monthEn(month) + ": " + money(channel.spend())
                    + " spent and no new client." + view("channels", "Channels", "Каналы")
                    : "Канал «" + name + "» в убытке в " + monthRu(month) + ": потрачено " + money(channel.spend())
                    + ", новых клиентов нет." + view("channels", "Channels", "Каналы");
        }
        BigDecimal cac = channel.cac().value();
        BigDecimal margin = channel.contributionPerVisit().plus(channel.cac()).orElse(BigDecimal.ZERO);
        return english
                ? "Channel «" + name + "» is losing money in " + monthEn(month) + ": CAC " + money(cac)
                + " against an order margin of " + money(margin) + "." + view("channels", "Channels", "Каналы")
                : "Канал «" + name + "» в убытке в " + monthRu(month) + ": CAC " + money(cac) + " при марже заказа "
                + money(margin) + "." + view("channels", "Channels", "Каналы");
    }

    String ltvToCacBelowTarget(String channel, PeriodMetrics older, PeriodMetrics newer) {
        String ratios = ratio(older.ltvToCac()) + " (" + monthName(older.period().to()) + ") → "
                + ratio(newer.ltvToCac()) + " (" + monthName(newer.period().to()) + ")";
        return english
                ? "Channel «" + channel + "»: LTV:CAC below 3 for two months running, " + ratios + "."
                + view("trends", "Trends", "Тренды")
                : "Канал «" + channel + "»: LTV:CAC ниже 3 два месяца подряд, " + ratios + "."
                + view("trends", "Trends", "Тренды");
    }

    String noShowRate(PeriodMetrics month, BigDecimal thresholdPercent) {
        String rate = percent(month.noShowRate().value());
        String lost = month.revenueLostToNoShows().isDefined() ? money(month.revenueLostToNoShows().value()) : "—";
        return english
                ? "No-show rate in " + monthEn(month.period().to()) + " is " + rate + " (threshold "
                + plain(thresholdPercent) + " %): " + month.noShows() + " no-shows, revenue lost " + lost + "."
                + view("appointments", "Appointments", "Записи")
                : "Неявки в " + monthRu(month.period().to()) + ": " + rate + " (порог " + plain(thresholdPercent)
                + " %), " + month.noShows() + " неявок, потеряно выручки " + lost + "."
                + view("appointments", "Appointments", "Записи");
    }

    String noShowSpike(long noShows, BigDecimal weekRate, BigDecimal previousRate) {
        return english
                ? "No-shows spiked: " + percent(weekRate) + " over the last 7 days (" + noShows
                + " no-shows) against " + percent(previousRate) + " over the 4 weeks before."
                + view("appointments", "Appointments", "Записи")
                : "Всплеск неявок: " + percent(weekRate) + " за последние 7 дней (" + noShows + " неявок) против "
                + percent(previousRate) + " за 4 недели до того." + view("appointments", "Appointments", "Записи");
    }

    String unknownSources(PeriodMetrics month, BigDecimal thresholdPercent) {
        return english
                ? percent(month.unknownSourceShareOfLeads().value()) + " of the leads in "
                + monthEn(month.period().to()) + " came without a source (threshold " + plain(thresholdPercent)
                + " %, " + month.leads() + " leads): their money cannot be put on a channel."
                + view("settings", "Settings → channel rules", "Настройки → правила каналов")
                : percent(month.unknownSourceShareOfLeads().value()) + " лидов в " + monthRu(month.period().to())
                + " без источника (порог " + plain(thresholdPercent) + " %, всего лидов " + month.leads()
                + "): их деньги не отнести ни к одному каналу." + view("settings",
                "Settings → channel rules", "Настройки → правила каналов");
    }

    String spendWithoutLeads(String channel, BigDecimal spend, int days, YearMonth month) {
        return english
                ? "Channel «" + channel + "»: " + money(spend) + " spent in " + monthEn(month) + " and no lead for "
                + days + " days." + view("spend", "Spend", "Расходы")
                : "Канал «" + channel + "»: в " + monthRu(month) + " потрачено " + money(spend) + ", а лидов нет уже "
                + days + " дн." + view("spend", "Spend", "Расходы");
    }

    String slowResponse(ResponseRow month, YearMonth which, BigDecimal thresholdPercent) {
        String share = percent(month.within15Share().value());
        return english
                ? "Only " + share + " of the leads in " + monthEn(which) + " were answered within 15 minutes (threshold "
                + plain(thresholdPercent) + " %, " + month.leads() + " leads, " + month.unanswered() + " unanswered)."
                + view("retention", "Retention", "Удержание")
                : "В " + monthRu(which) + " за 15 минут ответили только " + share + " лидов (порог "
                + plain(thresholdPercent) + " %, всего лидов " + month.leads() + ", без ответа "
                + month.unanswered() + ")." + view("retention", "Retention", "Удержание");
    }

    String digest(WeeklyDigest digest) {
        LocalDate from = digest.lastWeekStart();
        String week = DAY.format(from) + "–" + DAY.format(from.plusDays(6));
        WeeklyDigest.Week last = digest.lastWeek();
        WeeklyDigest.Week before = digest.weekBefore();
        StringBuilder text = new StringBuilder();
        if (english) {
            text.append("[B]Week ").append(week).append("[/B] (against the week before)[BR]")
                    .append("Leads: ").append(last.leads()).append(" (").append(before.leads()).append(")[BR]")
                    .append("New clients: ").append(last.newClients()).append(" (").append(before.newClients())
                    .append(")[BR]")
                    .append("Orders: ").append(last.orders()).append(" (").append(before.orders()).append(")[BR]")
                    .append("Revenue: ").append(money(last.revenue())).append(" (").append(money(before.revenue()))
                    .append(")[BR]");
            digest.best().ifPresent(best -> text.append("Best channel: «").append(best.channel()).append("», ")
                    .append(money(best.contribution())).append(" after spend[BR]"));
            digest.worst().ifPresent(worst -> text.append("Worst channel: «").append(worst.channel()).append("», ")
                    .append(money(worst.contribution())).append(" after spend[BR]"));
            text.append("No-shows: ").append(digest.noShows()).append(", costing ").append(cost(digest))
                    .append("[BR]Visits not marked yet: ").append(digest.unmarked()).append("[BR]")
                    .append("Leads of ").append(monthEn(digest.reference().to())).append(" answered within 15 min: ")
                    .append(share(digest.response().within15Share())).append(", unanswered: ")
                    .append(digest.response().unanswered()).append("[BR]")
                    .append("Active clients: ").append(digest.retention().activeAtEnd())
                    .append(", lost this month: ").append(digest.retention().becameLost())
                    .append(view("overview", "Overview", "Обзор"));
        } else {
            text.append("[B]Неделя ").append(week).append("[/B] (в скобках — неделя до неё)[BR]")
                    .append("Лиды: ").append(last.leads()).append(" (").append(before.leads()).append(")[BR]")
                    .append("Новые клиенты: ").append(last.newClients()).append(" (").append(before.newClients())
                    .append(")[BR]")
                    .append("Заказы: ").append(last.orders()).append(" (").append(before.orders()).append(")[BR]")
                    .append("Выручка: ").append(money(last.revenue())).append(" (").append(money(before.revenue()))
                    .append(")[BR]");
            digest.best().ifPresent(best -> text.append("Лучший канал: «").append(best.channel()).append("», ")
                    .append(money(best.contribution())).append(" за вычетом расходов[BR]"));
            digest.worst().ifPresent(worst -> text.append("Худший канал: «").append(worst.channel()).append("», ")
                    .append(money(worst.contribution())).append(" за вычетом расходов[BR]"));
            text.append("Неявки: ").append(digest.noShows()).append(", потеряно ").append(cost(digest))
                    .append("[BR]Не отмечены визиты: ").append(digest.unmarked()).append("[BR]")
                    .append("Лидам в ").append(monthRu(digest.reference().to())).append(" ответили за 15 мин: ")
                    .append(share(digest.response().within15Share())).append(", без ответа: ")
                    .append(digest.response().unanswered()).append("[BR]")
                    .append("Активных клиентов: ").append(digest.retention().activeAtEnd())
                    .append(", потеряно в этом месяце: ").append(digest.retention().becameLost())
                    .append(view("overview", "Overview", "Обзор"));
        }
        return text.toString();
    }

    private String cost(WeeklyDigest digest) {
        return digest.noShowCost().isDefined() ? money(digest.noShowCost().value()) : "—";
    }

    /**
     * Where to look: a link that opens the app's view ({@code REST_APP_URI}: the params reach the app as
     * PLACEMENT_OPTIONS; the brackets are percent-encoded so the BB-code's own brackets stay whole). Without the
     * app's code the view is only named.
     */
    private String view(String route, String en, String ru) {
        String title = english ? "«Unit economics» → " + en : "«Юнит-экономика» → " + ru;
        String open = english ? " Open " : " Откройте ";
        if (appCode.isBlank()) {
            return open + title + ".";
        }
        return open + "[URL=https://" + domain + "/marketplace/view/" + appCode + "/?params%5Bview%5D=" + route + "]"
                + title + "[/URL].";
    }

    /** Whole units with thin grouping, kopecks only when there are any: 12 400 ₽, 1 234,50 ₽. */
    String money(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_EVEN);
        boolean whole = rounded.stripTrailingZeros().scale() <= 0;
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(english ? Locale.US : Locale.forLanguageTag("ru"));
        symbols.setGroupingSeparator(english ? ',' : ' ');
        symbols.setDecimalSeparator(english ? '.' : ',');
        DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols);
        String symbol = currency.equals("RUB") ? "₽" : currency;
        return format.format(rounded) + " " + symbol;
    }

    private String percent(BigDecimal fraction) {
        return plain(fraction.multiply(HUNDRED).setScale(1, RoundingMode.HALF_EVEN)) + " %";
    }

    private String share(MetricValue fraction) {
        return fraction.isDefined() ? percent(fraction.value()) : "—";
    }

    private String ratio(MetricValue value) {
        return value.isDefined() ? plain(value.value().setScale(1, RoundingMode.HALF_EVEN)) : "—";
    }

    private String plain(BigDecimal value) {
        String text = value.stripTrailingZeros().toPlainString();
        return english ? text : text.replace('.', ',');
    }

    private static String monthName(YearMonth month) {
        return MONTH.format(month);
    }

    private static String monthRu(YearMonth month) {
        return MONTHS_IN.get(month.getMonthValue() - 1);
    }

    private static String monthEn(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
