package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.RetentionEngine;
import ru.unitecon.core.metrics.RetentionRow;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.store.AggregateReader;
import ru.unitecon.core.store.SettingsStore;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What the retention view reads: the retention counters up to the period's end, and the masters' names, live. */
@Service
public class RetentionData {
    private final SettingsStore settings;
    private final AggregateReader aggregates;
    private final MasterDirectory masters;

    public RetentionData(SettingsStore settings, AggregateReader aggregates, MasterDirectory masters) {
        this.settings = settings;
        this.aggregates = aggregates;
        this.masters = masters;
    }

    /**
     * The retention figures of a portal for periods ending by {@code to}, and the names of its masters. Lost clients
     * are those acquired by a month less the active ones, so every month up to {@code to} is read.
     */
    public Retention load(String memberId, YearMonth to) {
        PortalSettings portalSettings = settings.load(memberId);
        RetentionEngine engine = new RetentionEngine(portalSettings, aggregates.cohortsUpTo(memberId, to));
        return new Retention(portalSettings, engine, memberId);
    }

    /** The figures and, asked once per view, the masters' names. */
    public final class Retention {
        private final PortalSettings settings;
        private final RetentionEngine engine;
        private final String memberId;

        private Retention(PortalSettings settings, RetentionEngine engine, String memberId) {
            this.settings = settings;
            this.engine = engine;
            this.memberId = memberId;
        }

        public PortalSettings settings() {
            return settings;
        }

        public RetentionEngine engine() {
            return engine;
        }

        /** The names of the masters in these rows, read from the portal now; a master it cannot name is left out. */
        public Map<Long, String> masterNames(List<RetentionRow> rows) {
            return masters.names(memberId, rows.stream().map(RetentionRow::master).flatMap(Optional::stream)
                    .filter(id -> id != RetentionRow.NO_MASTER).filter(Objects::nonNull).distinct().toList());
        }
    }
}
