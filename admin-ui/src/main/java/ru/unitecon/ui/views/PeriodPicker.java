package ru.unitecon.ui.views;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.ui.data.PeriodChoices;
import ru.unitecon.ui.format.Figures;

import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Month, quarter or a custom run of months, then which one; tells its owner each time the chosen period changes. A
 * custom period that would end before it starts is refused with a message, and the figures shown stay as they were.
 */
public class PeriodPicker extends Composite<HorizontalLayout> {
    private final RadioButtonGroup<PeriodChoices.Kind> kind = new RadioButtonGroup<>();
    private final Select<Period> period = new Select<>();
    private final Select<YearMonth> from = new Select<>();
    private final Select<YearMonth> to = new Select<>();
    private final Consumer<Period> onChange;
    private YearMonth current;
    /** Set while the picker fills the custom selects itself, so that choosing "custom" shows figures once. */
    private boolean filling;
    /** Set while {@link #start} chooses a period other than the current month. */
    private Period firstPeriod;

    public PeriodPicker(Consumer<Period> onChange) {
        this.onChange = onChange;
        kind.setId("period-kind");
        kind.setItems(PeriodChoices.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation(switch (k) {
            case MONTH -> "period.month";
            case QUARTER -> "period.quarter";
            case CUSTOM -> "period.custom";
        }));
        period.setId("period");
        period.setLabel(getTranslation("period.label"));
        from.setId("period-from");
        from.setLabel(getTranslation("period.from"));
        to.setId("period-to");
        to.setLabel(getTranslation("period.to"));
        to.setErrorMessage(getTranslation("period.endBeforeStart"));
        kind.addValueChangeListener(event -> {
            if (event.getValue() != null && current != null) {
                choose(event.getValue());
            }
        });
        period.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                onChange.accept(event.getValue());
            }
        });
        from.addValueChangeListener(event -> customChanged());
        to.addValueChangeListener(event -> customChanged());
        getContent().setAlignItems(HorizontalLayout.Alignment.BASELINE);
        getContent().add(kind, period, from, to);
    }

    /** Offers the periods up to the portal's current month and chooses that month. */
    public void start(YearMonth currentMonth, Figures figures) {
        start(currentMonth, figures, Period.month(currentMonth));
    }

    /**
     * Offers the periods up to the portal's current month and chooses {@code first}: as a month or a quarter when it
     * is one, else as a custom run of months.
     */
    public void start(YearMonth currentMonth, Figures figures, Period first) {
        current = currentMonth;
        period.setItemLabelGenerator(chosen -> label(chosen, figures));
        from.setItemLabelGenerator(month -> label(Period.month(month), figures));
        to.setItemLabelGenerator(month -> label(Period.month(month), figures));
        PeriodChoices.Kind firstKind = first.length() == 1 ? PeriodChoices.Kind.MONTH
                : first.equals(PeriodChoices.quarterOf(first.from())) ? PeriodChoices.Kind.QUARTER
                : PeriodChoices.Kind.CUSTOM;
        kind.clear();
        firstPeriod = first;
        kind.setValue(firstKind);
        firstPeriod = null;
    }

    /** The current month reads as unfinished, so that its few days are not taken for a month's figures. */
    private String label(Period shown, Figures figures) {
        return shown.equals(Period.month(current))
                ? figures.period(shown) + " " + getTranslation("period.thisMonthSoFar") : figures.period(shown);
    }

    private void choose(PeriodChoices.Kind chosen) {
        boolean custom = chosen == PeriodChoices.Kind.CUSTOM;
        period.setVisible(!custom);
        from.setVisible(custom);
        to.setVisible(custom);
        if (custom) {
            Period first = firstPeriod != null ? firstPeriod : PeriodChoices.defaultCustom(current);
            filling = true;
            from.setItems(PeriodChoices.months(current));
            to.setItems(PeriodChoices.months(current));
            from.setValue(first.from());
            to.setValue(first.to());
            filling = false;
            customChanged();
        } else {
            period.setItems(PeriodChoices.of(chosen, current));
            period.setValue(firstPeriod != null ? firstPeriod
                    : chosen == PeriodChoices.Kind.MONTH ? Period.month(current) : PeriodChoices.quarterOf(current));
        }
    }

    private void customChanged() {
        if (filling || kind.getValue() != PeriodChoices.Kind.CUSTOM || from.getValue() == null || to.getValue() == null) {
            return;
        }
        Optional<Period> chosen = PeriodChoices.custom(from.getValue(), to.getValue());
        to.setInvalid(chosen.isEmpty());
        chosen.ifPresent(onChange);
    }
}
