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
        current = currentMonth;
        period.setItemLabelGenerator(figures::period);
        from.setItemLabelGenerator(month -> figures.period(Period.month(month)));
        to.setItemLabelGenerator(month -> figures.period(Period.month(month)));
        kind.clear();
        kind.setValue(PeriodChoices.Kind.MONTH);
    }

    private void choose(PeriodChoices.Kind chosen) {
        boolean custom = chosen == PeriodChoices.Kind.CUSTOM;
        period.setVisible(!custom);
        from.setVisible(custom);
        to.setVisible(custom);
        if (custom) {
            Period first = PeriodChoices.defaultCustom(current);
            filling = true;
            from.setItems(PeriodChoices.months(current));
            to.setItems(PeriodChoices.months(current));
            from.setValue(first.from());
            to.setValue(first.to());
            filling = false;
            customChanged();
        } else {
            period.setItems(PeriodChoices.of(chosen, current));
            period.setValue(chosen == PeriodChoices.Kind.MONTH ? Period.month(current)
                    : PeriodChoices.quarterOf(current));
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
