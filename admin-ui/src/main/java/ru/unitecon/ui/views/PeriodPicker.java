package ru.unitecon.ui.views;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.ui.data.PeriodChoices;
import ru.unitecon.ui.format.Figures;

import java.time.YearMonth;
import java.util.function.Consumer;

/** Month or quarter, then which one; tells its owner each time the chosen period changes. */
public class PeriodPicker extends Composite<HorizontalLayout> {
    private final RadioButtonGroup<PeriodChoices.Kind> kind = new RadioButtonGroup<>();
    private final Select<Period> period = new Select<>();
    private YearMonth current;

    public PeriodPicker(Consumer<Period> onChange) {
        kind.setId("period-kind");
        kind.setItems(PeriodChoices.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k == PeriodChoices.Kind.MONTH ? "period.month" : "period.quarter"));
        period.setId("period");
        period.setLabel(getTranslation("period.label"));
        kind.addValueChangeListener(event -> {
            if (event.getValue() != null && current != null) {
                period.setItems(PeriodChoices.of(event.getValue(), current));
                period.setValue(event.getValue() == PeriodChoices.Kind.MONTH ? Period.month(current)
                        : PeriodChoices.quarterOf(current));
            }
        });
        period.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                onChange.accept(event.getValue());
            }
        });
        getContent().setAlignItems(HorizontalLayout.Alignment.BASELINE);
        getContent().add(kind, period);
    }

    /** Offers the periods up to the portal's current month and chooses that month. */
    public void start(YearMonth currentMonth, Figures figures) {
        current = currentMonth;
        period.setItemLabelGenerator(figures::period);
        kind.clear();
        kind.setValue(PeriodChoices.Kind.MONTH);
    }
}
