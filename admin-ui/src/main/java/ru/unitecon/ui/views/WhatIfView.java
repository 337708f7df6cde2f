package ru.unitecon.ui.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.MetricsEngine;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.core.metrics.WhatIf;
import ru.unitecon.core.metrics.WhatIfOutcome;
import ru.unitecon.ui.data.DashboardData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The seeds' arithmetic made interactive: for the whole portal or one channel, a lower no-show rate or CAC and
 * what it does to revenue, contribution per visit and LTV:CAC, next to the actual figures().
 */
@Route(value = "what-if", layout = MainLayout.class)
public class WhatIfView extends DashboardView {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PeriodPicker picker = new PeriodPicker(this::load);
    private final Select<Optional<String>> channel = new Select<>();
    private final BigDecimalField targetNoShowPercent = new BigDecimalField();
    private final BigDecimalField targetCac = new BigDecimalField();
    private final Paragraph actual = new Paragraph();
    private final Div results = new Div();
    private MetricsEngine engine;
    private Period period;

    public WhatIfView(DashboardData dashboards) {
        super(dashboards, "whatif.title");
        channel.setId("whatif-channel");
        channel.setLabel(t("channel"));
        channel.setItemLabelGenerator(code -> code.map(c -> ChannelNames.of(this, c)).orElse(t("total")));
        channel.addValueChangeListener(event -> recalculate());
        targetNoShowPercent.setId("whatif-no-show");
        targetNoShowPercent.setLabel(t("targetNoShow"));
        targetNoShowPercent.setValueChangeMode(ValueChangeMode.LAZY);
        targetNoShowPercent.addValueChangeListener(event -> recalculate());
        targetCac.setId("whatif-cac");
        targetCac.setLabel(t("targetCac"));
        targetCac.setValueChangeMode(ValueChangeMode.LAZY);
        targetCac.addValueChangeListener(event -> recalculate());
        actual.setId("whatif-actual");
        results.setId("whatif-results");
        Paragraph help = new Paragraph(t("help"));
        help.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout inputs = new HorizontalLayout(channel, targetNoShowPercent, targetCac);
        inputs.setAlignItems(Alignment.BASELINE);
        add(new H2(t("title")), help, picker, inputs, actual, results);
    }

    @Override
    protected void entered(BeforeEnterEvent event) {
        picker.start(currentMonth(), figures());
    }

    private void load(Period chosen) {
        period = chosen;
        engine = dashboards.load(memberId(), chosen).engine();
        Optional<String> kept = channel.getValue();
        List<Optional<String>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        engine.byChannel(chosen).forEach(row -> choices.add(row.channel()));
        channel.setItems(choices);
        channel.setValue(kept != null && choices.contains(kept) ? kept : Optional.empty());
        recalculate();
    }

    private void recalculate() {
        if (engine == null || channel.getValue() == null) {
            return;
        }
        PeriodMetrics current = engine.metrics(period, channel.getValue());
        actual.setText(getTranslation("whatif.actual", figures().percent(current.noShowRate()),
                figures().money(current.cac()), figures().count(current.unmarkedPastVisits())));
        FieldChecks checks = new FieldChecks();
        Optional<BigDecimal> noShow = Optional.ofNullable(checks.check(targetNoShowPercent, t("error.noShow"),
                () -> Optional.ofNullable(targetNoShowPercent.getValue())
                        .map(percent -> WhatIf.noShowRate(percent.divide(HUNDRED)).targetNoShowRate().orElseThrow())
                        .orElse(null)));
        Optional<BigDecimal> cac = Optional.ofNullable(checks.check(targetCac, t("error.cac"),
                () -> Optional.ofNullable(targetCac.getValue())
                        .map(amount -> WhatIf.cac(amount).targetCac().orElseThrow()).orElse(null)));
        results.removeAll();
        if (!checks.valid()) {
            return;
        }
        WhatIfOutcome outcome = engine.whatIf(period, channel.getValue(), new WhatIf(noShow, cac));
        results.add(row("revenue", outcome, WhatIfOutcome.Scenario::revenue, figures()::money),
                row("contribution", outcome, WhatIfOutcome.Scenario::contributionPerVisit, figures()::money),
                row("ltvToCac", outcome, WhatIfOutcome.Scenario::ltvToCac, figures()::decimal));
        Span uplift = new Span(getTranslation("whatif.uplift", figures().percent(outcome.revenueUplift())));
        uplift.setId("whatif-uplift");
        results.add(new Div(uplift));
    }

    private Div row(String metric, WhatIfOutcome outcome, Function<WhatIfOutcome.Scenario, MetricValue> value,
                    Function<MetricValue, String> shown) {
        Span label = new Span(t(metric));
        label.getStyle().set("min-width", "14rem").set("display", "inline-block");
        Span before = new Span(shown.apply(value.apply(outcome.actual())));
        before.setId("whatif-" + metric + "-actual");
        Span after = new Span(shown.apply(value.apply(outcome.projected())));
        after.setId("whatif-" + metric + "-projected");
        after.getStyle().set("font-weight", "600");
        Div row = new Div(label, before, new Span(" → "), after);
        row.getStyle().set("padding", "var(--lumo-space-xs) 0");
        return row;
    }

    private String t(String key) {
        return getTranslation("whatif." + key);
    }
}
