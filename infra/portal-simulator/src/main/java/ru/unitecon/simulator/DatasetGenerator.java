package ru.unitecon.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates portals of any size for a service business (salons, clinics, studios): leads from Russian
 * marketing channels, deals converted from them with won/lost/no-show outcomes, repeat deals of existing clients.
 * The same seed always gives the same dataset. A {@linkplain #generateVaried varied} portal also has what real
 * portals have and a plain one leaves out: deals in several currencies (one of them not rated by the portal),
 * deals closed on the 1st of a month (CLOSEDATE at midnight of the 1st in the portal's zone) and won deals whose
 * CLOSEDATE is empty.
 */
public final class DatasetGenerator {
    /** Generated leads are spread over the year before this moment unless told otherwise. */
    public static final Instant DEFAULT_UNTIL = Instant.parse("2026-08-14T15:00:00Z");
    static final String REPEAT_SALE = "REPEAT_SALE";
    /** A currency some deals of a varied portal are in but the portal's currency list lacks (deleted since). */
    public static final String UNRATED_CURRENCY = "BYN";
    /** A varied portal's rates against the rouble: AMOUNT roubles for AMOUNT_CNT units. */
    private static final Map<String, String[]> RATES = Map.of(
            "USD", new String[]{"92.4500", "1"}, "KZT", new String[]{"18.3100", "100"});

    private static final List<Service> SERVICES = List.of(
            new Service("Стрижка", 1500, 3500), new Service("Окрашивание", 4000, 12000),
            new Service("Маникюр", 1800, 3500), new Service("Консультация косметолога", 2000, 4500),
            new Service("Чистка зубов", 3500, 7000), new Service("Лечение кариеса", 5000, 14000),
            new Service("Массаж спины", 2500, 5000), new Service("Пробная тренировка", 0, 1000),
            new Service("Абонемент на месяц", 4500, 9000));
    private static final List<String> UTM_FIELDS = List.of("UTM_SOURCE", "UTM_MEDIUM", "UTM_CAMPAIGN", "UTM_CONTENT", "UTM_TERM");
    private static final int USERS = 5;
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private record Service(String name, int minPrice, int maxPrice) {
    }

    private final Random random;
    private final ZoneId zone;
    private final Instant until;
    private final Duration span;
    private final boolean varied;
    private final List<Map<String, Object>> statuses = PortalDictionaries.statuses();
    private final List<Map<String, Object>> contacts = new ArrayList<>();
    private final List<Map<String, Object>> leads = new ArrayList<>();
    private final List<Map<String, Object>> deals = new ArrayList<>();

    private DatasetGenerator(long seed, ZoneId zone, Instant until, Duration span, boolean varied) {
        this.random = new Random(seed);
        this.zone = zone;
        this.until = until;
        this.span = span;
        this.varied = varied;
    }

    /** A Moscow-time portal with {@code leadCount} leads created in the year before {@link #DEFAULT_UNTIL}. */
    public static Dataset generate(long seed, int leadCount) {
        return generate(seed, leadCount, ZoneId.of("Europe/Moscow"), DEFAULT_UNTIL);
    }

    public static Dataset generate(long seed, int leadCount, ZoneId zone, Instant until) {
        return generate(seed, leadCount, zone, until, Duration.ofDays(365));
    }

    /** Leads created within {@code span} before {@code until}. */
    public static Dataset generate(long seed, int leadCount, ZoneId zone, Instant until, Duration span) {
        if (leadCount < 0) {
            throw new IllegalArgumentException("leadCount must not be negative");
        }
        if (span.toMinutes() < 1) {
            throw new IllegalArgumentException("span must be at least a minute");
        }
        return new DatasetGenerator(seed, zone, until, span, false).build(leadCount);
    }

    /**
     * A portal in roubles with deals also in dollars, tenge (both rated) and {@link #UNRATED_CURRENCY}, about a
     * fifth of the closed deals visited and closed on the 1st of a month, and an eighth of the won deals without a
     * CLOSEDATE; leads created in the year before {@code until}.
     */
    public static Dataset generateVaried(long seed, int leadCount, ZoneId zone, Instant until) {
        if (leadCount < 0) {
            throw new IllegalArgumentException("leadCount must not be negative");
        }
        return new DatasetGenerator(seed, zone, until, Duration.ofDays(365), true).build(leadCount);
    }

    private Dataset build(int leadCount) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (int id = 1; id <= USERS; id++) {
            users.add(user(id));
        }
        for (int id = 1; id <= leadCount; id++) {
            addLead(id);
        }
        int repeatDeals = leadCount / 8;
        for (int i = 0; i < repeatDeals && !contacts.isEmpty(); i++) {
            addRepeatDeal(contacts.get(random.nextInt(contacts.size())));
        }
        return new Dataset(users, PortalDictionaries.categories(), statuses, contacts, leads, deals,
                PortalDictionaries.currencies("RUB", varied ? RATES : Map.of(),
                        date(until.minus(Duration.ofDays(1)))));
    }

    private Map<String, Object> user(int id) {
        PeopleNames.Person person = PeopleNames.next(random);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("ID", String.valueOf(id));
        user.put("ACTIVE", true);
        user.put("NAME", person.first());
        user.put("LAST_NAME", person.last());
        user.put("SECOND_NAME", "");
        user.put("EMAIL", "user" + id + "@example.com");
        user.put("LAST_LOGIN", date(until.minus(Duration.ofHours(id * 7L))));
        user.put("DATE_REGISTER", date(until.minus(Duration.ofDays(400 + id * 30L))));
        user.put("IS_ONLINE", "N");
        user.put("TIME_ZONE", "");
        user.put("PERSONAL_GENDER", person.gender());
        user.put("PERSONAL_CITY", "Москва");
        user.put("WORK_POSITION", id == 1 ? "Директор" : "Администратор");
        user.put("UF_DEPARTMENT", List.of(1));
        user.put("USER_TYPE", "employee");
        return user;
    }

    private void addLead(int id) {
        LeadChannel channel = LeadChannel.pick(random.nextInt(LeadChannel.TOTAL_WEIGHT));
        Service service = SERVICES.get(random.nextInt(SERVICES.size()));
        PeopleNames.Person person = PeopleNames.next(random);
        Instant created = until.minus(Duration.ofMinutes(random.nextLong(span.toMinutes())));
        Instant modified = min(created.plus(Duration.ofMinutes(random.nextLong(14L * 24 * 60))), until);
        String status = leadStatus(created);
        boolean converted = status.equals("CONVERTED");
        String assigned = String.valueOf(2 + random.nextInt(USERS - 1));

        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("ID", String.valueOf(id));
        lead.put("TITLE", service.name() + (channel.sourceName() == null ? "" : " — " + channel.sourceName()));
        lead.put("STATUS_ID", status);
        lead.put("STATUS_SEMANTIC_ID", CrmEntityType.LEAD.semanticOf(status, statuses));
        lead.put("STATUS_DESCRIPTION", null);
        lead.put("NAME", person.first());
        lead.put("SECOND_NAME", person.middle());
        lead.put("LAST_NAME", person.last());
        lead.put("SOURCE_ID", channel.sourceId());
        lead.put("SOURCE_DESCRIPTION", null);
        lead.put("OPPORTUNITY", price(service));
        lead.put("CURRENCY_ID", "RUB");
        lead.put("OPENED", "Y");
        lead.put("ASSIGNED_BY_ID", assigned);
        lead.put("CREATED_BY_ID", "1");
        lead.put("MODIFY_BY_ID", assigned);
        lead.put("DATE_CREATE", date(created));
        lead.put("DATE_MODIFY", date(modified));
        lead.put("DATE_CLOSED", converted || status.equals("JUNK") ? date(modified) : "");
        lead.put("IS_RETURN_CUSTOMER", "N");
        lead.put("HAS_PHONE", "Y");
        lead.put("HAS_EMAIL", random.nextInt(3) == 0 ? "Y" : "N");
        lead.put("UTM_SOURCE", channel.utmSource());
        lead.put("UTM_MEDIUM", channel.utmMedium());
        lead.put("UTM_CAMPAIGN", channel.campaigns().isEmpty() ? null : channel.campaigns().get(random.nextInt(channel.campaigns().size())));
        lead.put("UTM_CONTENT", null);
        lead.put("UTM_TERM", channel.utmSource() != null && channel.utmSource().equals("yandex") ? service.name().toLowerCase(RUSSIAN) : null);
        lead.put("PHONE", List.of(multiField(5_000_000 + id, PeopleNames.phone(id), "MOBILE", "PHONE")));
        lead.put("EMAIL", "Y".equals(lead.get("HAS_EMAIL"))
                ? List.of(multiField(6_000_000 + id, "lead" + id + "@example.com", "HOME", "EMAIL")) : List.of());
        if (converted) {
            Map<String, Object> contact = contact(person, id, lead);
            lead.put("CONTACT_ID", contact.get("ID"));
            addConvertedDeal(lead, contact, service, modified);
        } else {
            lead.put("CONTACT_ID", null);
        }
        leads.add(lead);
    }

    /** Older leads are mostly decided; fresh ones still in progress. */
    private String leadStatus(Instant created) {
        boolean fresh = Duration.between(created, until).toDays() < 14;
        int roll = random.nextInt(100);
        if (fresh && roll < 50) {
            return roll < 20 ? "NEW" : roll < 35 ? "IN_PROCESS" : "UC_APPOINTMENT";
        }
        if (roll < 55) {
            return "CONVERTED";
        }
        if (roll < 75) {
            return "JUNK";
        }
        return roll < 85 ? "PROCESSED" : "IN_PROCESS";
    }

    private Map<String, Object> contact(PeopleNames.Person person, int leadId, Map<String, Object> lead) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("ID", String.valueOf(contacts.size() + 1));
        contact.put("NAME", person.first());
        contact.put("SECOND_NAME", person.middle());
        contact.put("LAST_NAME", person.last());
        contact.put("TYPE_ID", "CLIENT");
        contact.put("SOURCE_ID", lead.get("SOURCE_ID"));
        contact.put("OPENED", "Y");
        contact.put("ASSIGNED_BY_ID", lead.get("ASSIGNED_BY_ID"));
        contact.put("CREATED_BY_ID", "1");
        contact.put("LEAD_ID", lead.get("ID"));
        contact.put("DATE_CREATE", lead.get("DATE_MODIFY"));
        contact.put("DATE_MODIFY", lead.get("DATE_MODIFY"));
        contact.put("HAS_PHONE", "Y");
        contact.put("HAS_EMAIL", lead.get("HAS_EMAIL"));
        contact.put("PHONE", List.of(multiField(3_000_000 + leadId, PeopleNames.phone(leadId), "MOBILE", "PHONE")));
        contact.put("EMAIL", lead.get("EMAIL"));
        contacts.add(contact);
        return contact;
    }

    private void addConvertedDeal(Map<String, Object> lead, Map<String, Object> contact, Service service, Instant converted) {
        Map<String, Object> deal = deal(contact, service, converted, false);
        deal.put("LEAD_ID", lead.get("ID"));
        deal.put("SOURCE_ID", lead.get("SOURCE_ID"));
        for (String utm : UTM_FIELDS) {
            deal.put(utm, lead.get(utm));
        }
        deals.add(deal);
    }

    private void addRepeatDeal(Map<String, Object> contact) {
        Instant after = OffsetDateTime.parse((String) contact.get("DATE_CREATE")).toInstant();
        Instant created = min(after.plus(Duration.ofDays(7 + random.nextInt(120))), until);
        Map<String, Object> deal = deal(contact, SERVICES.get(random.nextInt(SERVICES.size())), created, true);
        deal.put("LEAD_ID", null);
        deal.put("SOURCE_ID", REPEAT_SALE);
        for (String utm : UTM_FIELDS) {
            deal.put(utm, null);
        }
        deals.add(deal);
    }

    private Map<String, Object> deal(Map<String, Object> contact, Service service, Instant created, boolean repeat) {
        boolean subscription = service.name().startsWith("Абонемент");
        String stage = dealStage(subscription, created);
        String semantic = CrmEntityType.DEAL.semanticOf(stage, statuses);
        boolean closed = !semantic.equals("P");
        Instant visit = created.plus(Duration.ofDays(1 + random.nextInt(10)));
        if (varied && closed && random.nextInt(5) == 0) {
            visit = onTheFirst(visit);
        }
        Instant modified = min(closed ? visit.plus(Duration.ofHours(2)) : created.plus(Duration.ofHours(1)), until);
        String currency = varied ? currency() : "RUB";
        boolean withoutCloseDate = varied && semantic.equals("S") && random.nextInt(8) == 0;

        Map<String, Object> deal = new LinkedHashMap<>();
        deal.put("ID", String.valueOf(deals.size() + 1));
        deal.put("TITLE", service.name() + " — " + contact.get("NAME") + " " + contact.get("LAST_NAME"));
        deal.put("TYPE_ID", "SERVICE");
        deal.put("CATEGORY_ID", subscription ? "1" : "0");
        deal.put("STAGE_ID", stage);
        deal.put("STAGE_SEMANTIC_ID", semantic);
        deal.put("IS_NEW", stage.endsWith("NEW") ? "Y" : "N");
        deal.put("IS_RECURRING", "N");
        deal.put("IS_RETURN_CUSTOMER", repeat ? "Y" : "N");
        deal.put("IS_REPEATED_APPROACH", "N");
        deal.put("PROBABILITY", null);
        deal.put("CURRENCY_ID", currency);
        deal.put("OPPORTUNITY", price(service, currency));
        deal.put("IS_MANUAL_OPPORTUNITY", "Y");
        deal.put("TAX_VALUE", "0.00");
        deal.put("COMPANY_ID", "0");
        deal.put("CONTACT_ID", contact.get("ID"));
        deal.put("BEGINDATE", day(created));
        deal.put("CLOSEDATE", withoutCloseDate ? "" : day(closed ? visit : visit.plus(Duration.ofDays(7))));
        deal.put("OPENED", "Y");
        deal.put("CLOSED", closed ? "Y" : "N");
        deal.put("COMMENTS", "");
        deal.put("ASSIGNED_BY_ID", contact.get("ASSIGNED_BY_ID"));
        deal.put("CREATED_BY_ID", contact.get("ASSIGNED_BY_ID"));
        deal.put("MODIFY_BY_ID", contact.get("ASSIGNED_BY_ID"));
        deal.put("DATE_CREATE", date(created));
        deal.put("DATE_MODIFY", date(modified));
        deal.put("MOVED_TIME", date(modified));
        deal.put("SOURCE_DESCRIPTION", "");
        return deal;
    }

    private String dealStage(boolean subscription, Instant created) {
        int roll = random.nextInt(100);
        if (Duration.between(created, until).toDays() < 10 && roll < 60) {
            return subscription ? "C1:NEW" : roll < 30 ? "NEW" : "PREPARATION";
        }
        if (subscription) {
            return roll < 70 ? "C1:WON" : "C1:LOSE";
        }
        if (roll < 62) {
            return "WON";
        }
        return roll < 82 ? PortalDictionaries.NO_SHOW_STAGE : "LOSE";
    }

    private String price(Service service) {
        int rubles = service.minPrice() + random.nextInt(service.maxPrice() - service.minPrice() + 1);
        return BigDecimal.valueOf(rubles / 100 * 100L).setScale(2).toPlainString();
    }

    /** The service's price in the deal's currency, roughly at the portal's rates, in whole units. */
    private String price(Service service, String currency) {
        BigDecimal rubles = new BigDecimal(price(service));
        BigDecimal inCurrency = switch (currency) {
            case "USD" -> rubles.divide(BigDecimal.valueOf(90), 0, RoundingMode.HALF_UP);
            case "KZT" -> rubles.multiply(BigDecimal.valueOf(5));
            case UNRATED_CURRENCY -> rubles.divide(BigDecimal.valueOf(30), 0, RoundingMode.HALF_UP);
            default -> rubles;
        };
        return inCurrency.setScale(2).toPlainString();
    }

    private String currency() {
        int roll = random.nextInt(100);
        return roll < 80 ? "RUB" : roll < 90 ? "USD" : roll < 96 ? "KZT" : UNRATED_CURRENCY;
    }

    /** The visit moved to 11:00 on the 1st of the next month, unless that is not over by {@code until}. */
    private Instant onTheFirst(Instant visit) {
        LocalDate first = visit.atZone(zone).toLocalDate().withDayOfMonth(1).plusMonths(1);
        Instant moved = first.atTime(11, 0).atZone(zone).toInstant();
        return moved.plus(Duration.ofHours(2)).isBefore(until) ? moved : visit;
    }

    private static Map<String, Object> multiField(int id, String value, String valueType, String typeId) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("ID", String.valueOf(id));
        field.put("VALUE", value);
        field.put("VALUE_TYPE", valueType);
        field.put("TYPE_ID", typeId);
        return field;
    }

    private String date(Instant instant) {
        return FieldValues.dateTime(instant.truncatedTo(ChronoUnit.MINUTES), zone);
    }

    /** Date-only fields come as midnight in the portal's zone (bitrix24.md §7.3). */
    private String day(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        return FieldValues.dateTime(date.atStartOfDay(zone).toInstant(), zone);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
