package ru.unitecon.ui.views;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.attribution.ChannelRule;
import ru.unitecon.core.attribution.ChannelRules;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.attribution.MatchKind;
import ru.unitecon.core.attribution.RulePreview;
import ru.unitecon.core.attribution.SourceField;
import ru.unitecon.core.attribution.SourcedLead;
import ru.unitecon.ui.data.SettingsEditor;
import ru.unitecon.ui.format.Figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ordered channel rules, editable row by row (add, remove, move up and down), with a live preview of how the
 * portal's newest leads would be classified by the rules as they stand on screen.
 */
class ChannelRulesEditor extends Composite<VerticalLayout> {
    private final RuleList<RuleRow> rows = new RuleList<>(this, "channel-rules", this::refreshPreview);
    private final Button add = new Button();
    private final Paragraph previewSummary = new Paragraph();
    private final Grid<RulePreview.Row> preview = new Grid<>();
    private List<SourcedLead> leads = List.of();

    ChannelRulesEditor() {
        add.setText(getTranslation("settings.rules.add"));
        add.setId("rule-add");
        add.addClickListener(event -> rows.add(new RuleRow(SourceField.UTM_SOURCE, MatchKind.EQUALS, "",
                Channel.OTHER)));
        previewSummary.setId("rules-preview-summary");
        preview.setId("rules-preview");
        preview.setAllRowsVisible(true);
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        getContent().setPadding(false);
        getContent().add(new H3(getTranslation("settings.rules.title")),
                new Paragraph(getTranslation("settings.rules.help")), rows.layout(), add,
                new H3(getTranslation("settings.rules.preview")), previewSummary, preview);
    }

    void show(ChannelRules rules, List<SourcedLead> recentLeads, Figures figures) {
        leads = recentLeads;
        if (preview.getColumns().isEmpty()) {
            preview.addColumn(row -> row.lead().id()).setKey("lead").setHeader(getTranslation("settings.rules.lead"))
                    .setAutoWidth(true).setFlexGrow(0);
            preview.addColumn(row -> figures.dateTime(row.lead().created())).setKey("created")
                    .setHeader(getTranslation("settings.rules.created")).setAutoWidth(true).setFlexGrow(0);
            preview.addColumn(row -> sourceText(row.lead().source())).setKey("source")
                    .setHeader(getTranslation("settings.rules.source"));
            preview.addColumn(row -> ChannelNames.of(this, row.lead().channel())).setKey("current")
                    .setHeader(getTranslation("settings.rules.current")).setAutoWidth(true);
            preview.addColumn(row -> (row.changes() ? "→ " : "") + ChannelNames.of(this, row.proposedChannel()))
                    .setKey("proposed").setHeader(getTranslation("settings.rules.proposed")).setAutoWidth(true);
        }
        rows.show(rules.rules().stream()
                .map(rule -> new RuleRow(rule.field(), rule.match(), rule.pattern(), rule.channel())).toList());
    }

    /** The rules on screen, or empty after marking the rows that are wrong. */
    Optional<ChannelRules> read(FieldChecks checks) {
        List<ChannelRule> rules = rows.rows().stream().map(row -> row.read(checks)).toList();
        return rules.contains(null) ? Optional.empty() : Optional.of(new ChannelRules(rules));
    }

    void setReadOnly(boolean readOnly) {
        add.setVisible(!readOnly);
        rows.setReadOnly(readOnly);
    }

    private void refreshPreview() {
        FieldChecks checks = new FieldChecks();
        Optional<ChannelRules> rules = read(checks);
        if (rules.isEmpty()) {
            previewSummary.setText(getTranslation("settings.rules.previewInvalid"));
            preview.setItems(List.of());
            return;
        }
        RulePreview classified = SettingsEditor.preview(rules.get(), leads);
        preview.setItems(classified.rows());
        previewSummary.setText(classified.rows().isEmpty() ? getTranslation("settings.rules.previewEmpty")
                : getTranslation("settings.rules.previewSummary", classified.rows().size(),
                classified.changedCount()));
    }

    private static String sourceText(LeadSource source) {
        return String.join(" · ", Stream.of(
                        part("utm_source", source.utmSource()), part("utm_medium", source.utmMedium()),
                        part("utm_campaign", source.utmCampaign()), part("SOURCE_ID", source.sourceId()))
                .filter(part -> !part.isEmpty()).toList());
    }

    private static String part(String name, String value) {
        return value == null ? "" : name + "=" + value;
    }

    /** One rule: which field, how it matches, the pattern, the channel; and the buttons that move it. */
    private final class RuleRow implements RuleList.Row {
        private final Select<SourceField> field = new Select<>();
        private final Select<MatchKind> match = new Select<>();
        private final TextField pattern = new TextField();
        private final ComboBox<String> channel = new ComboBox<>();
        private final RuleRowButtons buttons;
        private final HorizontalLayout layout;

        RuleRow(SourceField sourceField, MatchKind matchKind, String patternText, String channelCode) {
            field.setItems(SourceField.values());
            field.setItemLabelGenerator(value -> value == SourceField.SOURCE_ID ? "SOURCE_ID"
                    : value.name().toLowerCase(Locale.ROOT));
            field.setValue(sourceField);
            field.setAriaLabel(getTranslation("settings.rules.field"));
            match.setItems(MatchKind.values());
            match.setItemLabelGenerator(kind -> getTranslation("settings.rules.match." + kind.name()));
            match.setValue(matchKind);
            match.setAriaLabel(getTranslation("settings.rules.matchLabel"));
            pattern.setValue(patternText);
            pattern.setValueChangeMode(ValueChangeMode.LAZY);
            pattern.setAriaLabel(getTranslation("settings.rules.pattern"));
            List<String> channels = new ArrayList<>(Channel.DEFAULTS.stream()
                    .filter(code -> !Channel.UNKNOWN.equals(code)).toList());
            if (!channels.contains(channelCode)) {
                channels.add(channelCode);
            }
            channel.setItems(channels);
            channel.setItemLabelGenerator(code -> ChannelNames.of(ChannelRulesEditor.this, code));
            channel.setAllowCustomValue(true);
            channel.addCustomValueSetListener(event -> {
                channels.add(event.getDetail());
                channel.setItems(channels);
                channel.setValue(event.getDetail());
            });
            channel.setValue(channelCode);
            channel.setAriaLabel(getTranslation("settings.rules.channel"));
            buttons = rows.buttonsFor(this);
            layout = new HorizontalLayout(field, match, pattern, channel);
            layout.add(buttons.buttons());
            field.addValueChangeListener(event -> refreshPreview());
            match.addValueChangeListener(event -> refreshPreview());
            pattern.addValueChangeListener(event -> refreshPreview());
            channel.addValueChangeListener(event -> refreshPreview());
            layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        }

        @Override
        public HorizontalLayout layout() {
            return layout;
        }

        @Override
        public void place(int index, int count, boolean readOnly) {
            layout.setId("rule-" + index);
            field.setId("rule-" + index + "-field");
            match.setId("rule-" + index + "-match");
            pattern.setId("rule-" + index + "-pattern");
            channel.setId("rule-" + index + "-channel");
            buttons.place("rule-" + index, index, count, readOnly);
            field.setReadOnly(readOnly);
            match.setReadOnly(readOnly);
            pattern.setReadOnly(readOnly);
            channel.setReadOnly(readOnly);
        }

        /** Pattern and channel are checked one at a time, so each error lands on its own field. */
        ChannelRule read(FieldChecks checks) {
            String checkedPattern = checks.check(pattern, getTranslation("settings.error.rulePattern"),
                    () -> new ChannelRule(field.getValue(), match.getValue(), pattern.getValue(), Channel.OTHER)
                            .pattern());
            String checkedChannel = checks.check(channel, getTranslation("settings.error.ruleChannel"),
                    () -> new ChannelRule(field.getValue(), match.getValue(), "-", channel.getValue()).channel());
            return checkedPattern == null || checkedChannel == null ? null
                    : new ChannelRule(field.getValue(), match.getValue(), checkedPattern, checkedChannel);
        }
    }
}
