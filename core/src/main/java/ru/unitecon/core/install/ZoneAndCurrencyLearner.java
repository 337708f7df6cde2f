package ru.unitecon.core.install;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.bitrix.crm.CrmCurrencies;
import ru.unitecon.core.bitrix.rest.BatchResult;
import ru.unitecon.core.bitrix.rest.BitrixRestClient;
import ru.unitecon.core.bitrix.tokens.PortalNeedsReconnect;
import ru.unitecon.core.currency.CurrencyRates;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.portal.SettingSource;
import ru.unitecon.core.store.RecordsRecount;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.sync.Recounts;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Learns from the portal what the app must not assume: its time zone ({@link LearnedZone}), its base currency and
 * its currency rates, in one batch request with the stored (administrator's) tokens. Runs at install and reconnect
 * and, through {@link ZoneAndCurrencyRefresh}, at least daily. A zone or currency an administrator chose in Settings is
 * never overridden. When what was learned changes how records count (another zone, another base currency, a currency
 * the portal rates for the first time), a recount is queued, as a settings save queues one: the sync function runs
 * it under its one worker per portal, never the install page or the scheduler (docs/settings.md).
 */
public final class ZoneAndCurrencyLearner {
    static final Map<String, String> COMMANDS = commands();
    private static final Logger LOG = LoggerFactory.getLogger(ZoneAndCurrencyLearner.class);

    private final SettingsStore settings;
    private final Recounts recounts;
    private final InstantSource clock;

    public ZoneAndCurrencyLearner(SettingsStore settings, Recounts recounts, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.recounts = Objects.requireNonNull(recounts, "recounts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static Map<String, String> commands() {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("time", "server.time");
        commands.put("profile", "profile");
        commands.put("base", "crm.currency.base.get");
        commands.put("currencies", "crm.currency.list");
        return Map.copyOf(commands);
    }

    /**
     * Asks the portal and stores what it said. A portal that is busy or down leaves everything as it was (the next
     * refresh asks again); one that refuses a part (no currency module, say) leaves that part as it was until the
     * next daily refresh.
     *
     * @throws PortalNeedsReconnect when the portal's tokens are gone
     * @return the settings as they now are
     */
    public PortalSettings learn(String memberId, BitrixRestClient client) {
        PortalSettings before = settings.load(memberId);
        BatchResult answers;
        try {
            answers = client.batch(new LinkedHashMap<>(COMMANDS));
        } catch (PortalNeedsReconnect e) {
            throw e;
        } catch (BitrixException e) {
            LOG.warn("portal {}: zone and currencies not learned now: {}", memberId, e.getMessage());
            return before;
        }
        Instant now = clock.instant();
        PortalSettings after = before;
        Optional<ZoneId> zone = answers.result("time")
                .flatMap(time -> LearnedZone.of(time, answers.result("profile").orElse(null), before.zone()));
        if (zone.isPresent() && !before.zoneSource().isAdmin()
                && (!zone.get().equals(before.zone()) || before.zoneSource().kind() != SettingSource.Kind.PORTAL)) {
            after = after.withZone(zone.get(), SettingSource.portal(now));
        }
        Optional<CurrencyRates> learned = answers.result("base").flatMap(base -> answers.result("currencies")
                .flatMap(list -> CrmCurrencies.read(base, list, now)));
        CurrencyRates rates = learned.orElse(before.rates().checkedAt(now));
        if (learned.isPresent() && !before.currencySource().isAdmin() && (!rates.base().equals(before.currency())
                || before.currencySource().kind() != SettingSource.Kind.PORTAL)) {
            after = after.withCurrency(rates.base(), SettingSource.portal(now));
        }
        settings.saveRates(memberId, rates);
        after = after.withRates(rates);
        if (!after.zone().equals(before.zone()) || !after.zoneSource().equals(before.zoneSource())
                || !after.currency().equals(before.currency())
                || !after.currencySource().equals(before.currencySource())) {
            settings.save(memberId, after);
        }
        if (RecordsRecount.isNeeded(before, after) || ratesNewCurrency(before.rates(), rates)) {
            recounts.request(memberId);
        }
        LOG.info("portal {}: zone {} ({}), reporting currency {} ({}), {} rates", memberId, after.zone(),
                after.zoneSource().kind(), after.currency(), after.currencySource().kind(), rates.rates().size());
        return after;
    }

    /** Amounts in a currency the portal did not rate before were left out; now they can count. */
    private static boolean ratesNewCurrency(CurrencyRates before, CurrencyRates after) {
        return !before.rates().keySet().containsAll(after.rates().keySet());
    }
}
