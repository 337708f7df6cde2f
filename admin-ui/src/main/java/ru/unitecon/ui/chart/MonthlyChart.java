package ru.unitecon.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import ru.unitecon.core.metrics.MetricValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A line or bar chart of monthly values drawn in the browser by Chart.js. An undefined month is sent as null and
 * drawn as a gap, never as zero. The chart is a picture for the eye: the views put the same numbers in a table.
 */
@Tag("monthly-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./monthly-chart.js")
public class MonthlyChart extends Component implements HasSize {

    public enum Kind {
        LINE("line"), BAR("bar");

        private final String chartJsType;

        Kind(String chartJsType) {
            this.chartJsType = chartJsType;
        }
    }

    /** How the axis and the tooltips write values: as money in a currency, as a percentage, or as a number. */
    public sealed interface ValueFormat {
        Map<String, Object> intlOptions();

        record Money(String currencyCode) implements ValueFormat {
            @Override
            public Map<String, Object> intlOptions() {
                return Map.of("style", "currency", "currency", currencyCode, "maximumFractionDigits", 0);
            }
        }

        record Percent() implements ValueFormat {
            @Override
            public Map<String, Object> intlOptions() {
                return Map.of("style", "percent", "maximumFractionDigits", 1);
            }
        }

        record Decimal() implements ValueFormat {
            @Override
            public Map<String, Object> intlOptions() {
                return Map.of("maximumFractionDigits", 1);
            }
        }
    }

    /**
     * One line or set of bars: a value per label, undefined where the metric has no value that month.
     *
     * @param kind how this series is drawn, which may differ from the chart's (a CAC line over LTV bars)
     */
    public record Series(String label, Kind kind, List<MetricValue> values) {
        public Series {
            values = List.copyOf(values);
        }

        private List<BigDecimal> valuesOrNull() {
            List<BigDecimal> shown = new ArrayList<>(values.size());
            values.forEach(value -> shown.add(value.isDefined() ? value.value() : null));
            return shown;
        }
    }

    /** What the browser receives; null values are the gaps. */
    record Config(String kind, String title, String locale, Map<String, Object> format, List<String> labels,
                  List<SeriesValues> series) {
    }

    record SeriesValues(String label, String kind, List<BigDecimal> values) {
    }

    private List<String> labels = List.of();
    private List<Series> series = List.of();

    public MonthlyChart() {
        setWidthFull();
        setHeight("20rem");
    }

    /**
     * @param title  read out by screen readers in place of the picture
     * @param labels one per month, in the viewer's language
     */
    public void show(Kind kind, String title, Locale locale, ValueFormat format, List<String> labels,
                     List<Series> series) {
        for (Series one : series) {
            if (one.values().size() != labels.size()) {
                throw new IllegalArgumentException(
                        "series " + one.label() + " has " + one.values().size() + " values for " + labels.size() + " months");
            }
        }
        this.labels = List.copyOf(labels);
        this.series = List.copyOf(series);
        getElement().setPropertyBean("config", new Config(kind.chartJsType, title, locale.toLanguageTag(),
                format.intlOptions(), this.labels, series.stream()
                .map(one -> new SeriesValues(one.label(), one.kind().chartJsType, one.valuesOrNull())).toList()));
    }

    /**
     * One metric of each row (a month's figures, a cohort) as a series, labelled in the viewer's language.
     *
     * @param labelKey the translation key of the series' label
     */
    public <T> Series series(String labelKey, Kind kind, List<T> rows, Function<T, MetricValue> metric) {
        return new Series(getTranslation(labelKey), kind, rows.stream().map(metric).toList());
    }

    /** The month labels last drawn. */
    public List<String> labels() {
        return labels;
    }

    /** The series last drawn, so that a test can hold the picture against the table. */
    public List<Series> series() {
        return series;
    }
}
