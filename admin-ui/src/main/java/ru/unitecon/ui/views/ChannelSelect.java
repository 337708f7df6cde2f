package ru.unitecon.ui.views;

import com.vaadin.flow.component.select.Select;
import ru.unitecon.core.metrics.PeriodMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole portal or one of its channels, named in the viewer's language. Offering new choices does not count as
 * the user's choice, so a view that refills it shows its figures once.
 */
final class ChannelSelect extends Select<Optional<String>> {
    private boolean offering;

    ChannelSelect(String id, Runnable onChoice) {
        setId(id);
        setLabel(getTranslation("trends.channel"));
        setItemLabelGenerator(code -> ChannelNames.of(this, code));
        addValueChangeListener(event -> {
            if (!offering && event.getValue() != null) {
                onChoice.run();
            }
        });
    }

    /** Offers the whole portal, the channels of {@code rows} and {@code chosen}, with {@code chosen} selected. */
    void offer(List<PeriodMetrics> rows, Optional<String> chosen) {
        List<Optional<String>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        rows.forEach(row -> choices.add(row.channel()));
        if (!choices.contains(chosen)) {
            choices.add(chosen);
        }
        offering = true;
        setItems(choices);
        setValue(chosen);
        offering = false;
    }
}
