package ru.unitecon.ui.views;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.attribution.CampaignPreview;
import ru.unitecon.core.attribution.CampaignRule;
import ru.unitecon.core.attribution.CampaignRules;
import ru.unitecon.core.attribution.MatchKind;
import ru.unitecon.core.attribution.SourcedLead;
import ru.unitecon.ui.data.CampaignsData;
import ru.unitecon.ui.format.Figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ordered UTM_CAMPAIGN rules, editable row by row like the channel rules, with a live preview of which rule takes
 * each of the portal's newest leads that carry a value, and a save button for administrators.
 */
class CampaignRulesEditor extends Composite<VerticalLayout> {
    private final RuleList<RuleRow> rows = new RuleList<>(this, "campaign-rules", this::refreshPreview);
    private final Button add = new Button();
    private final Button save = new Button();
    private final Paragraph previewSummary = new Paragraph();
    private final Grid<CampaignPreview.Row> preview = new Grid<>();
    private Map<CampaignKey, String> campaigns = Map.of();
    private List<SourcedLead> leads = List.of();

    CampaignRulesEditor(Consumer<CampaignRules> onSave) {
        add.setText(getTranslation("settings.rules.add"));
        add.setId("campaign-rule-add");
        add.addClickListener(event ->
                rows.add(new RuleRow(MatchKind.EQUALS, "", campaigns.keySet().stream().findFirst().orElse(null))));
        save.setText(getTranslation("campaigns.saveRules"));
        save.setId("campaign-rules-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> read(new FieldChecks()).ifPresent(onSave));
        previewSummary.setId("campaign-rules-preview-summary");
        preview.setId("campaign-rules-preview");
        preview.setAllRowsVisible(true);
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        getContent().setPadding(false);
        getContent().add(new H3(getTranslation("campaigns.rules")), new Paragraph(getTranslation("campaigns.rulesHelp")),
                rows.layout(), new HorizontalLayout(add, save), new H3(getTranslation("campaigns.preview")), previewSummary,
                preview);
    }

    void show(CampaignRules rules, Map<CampaignKey, String> known, List<SourcedLead> recentLeads, Figures figures) {
        campaigns = known;
        leads = recentLeads;
        if (preview.getColumns().isEmpty()) {
            preview.addColumn(row -> row.lead().id()).setKey("lead").setHeader(getTranslation("settings.rules.lead"))
                    .setAutoWidth(true).setFlexGrow(0);
            preview.addColumn(row -> figures.dateTime(row.lead().created())).setKey("created")
                    .setHeader(getTranslation("settings.rules.created")).setAutoWidth(true).setFlexGrow(0);
            preview.addColumn(CampaignPreview.Row::utmCampaign).setKey("value").setHeader("utm_campaign");
            preview.addColumn(row -> row.ruleNumber() == 0 ? "—" : String.valueOf(row.ruleNumber())).setKey("rule")
                    .setHeader(getTranslation("campaigns.ruleNumber")).setAutoWidth(true).setFlexGrow(0);
            preview.addColumn(row -> row.campaign().map(this::label).orElse(getTranslation("campaigns.noCampaign")))
                    .setKey("campaign").setHeader(getTranslation("campaigns.campaign"));
        }
        rows.show(rules.rules().stream().map(rule -> new RuleRow(rule.match(), rule.pattern(), rule.campaign()))
                .toList());
    }

    /** The rules on screen, or empty after marking the rows that are wrong. */
    Optional<CampaignRules> read(FieldChecks checks) {
        List<CampaignRule> rules = rows.rows().stream().map(row -> row.read(checks)).toList();
        return rules.contains(null) ? Optional.empty() : Optional.of(new CampaignRules(rules));
    }

    void setReadOnly(boolean readOnly) {
        add.setVisible(!readOnly);
        save.setVisible(!readOnly);
        rows.setReadOnly(readOnly);
    }

    private String label(CampaignKey campaign) {
        String name = campaigns.getOrDefault(campaign, "");
        return (name.isBlank() ? campaign.campaignId() : name) + " ("
                + getTranslation("campaigns.platform." + campaign.platform().name()) + ")";
    }

    private void refreshPreview() {
        Optional<CampaignRules> rules = read(new FieldChecks());
        if (rules.isEmpty()) {
            previewSummary.setText(getTranslation("settings.rules.previewInvalid"));
            preview.setItems(List.of());
            return;
        }
        CampaignPreview matched = CampaignsData.preview(rules.get(), leads);
        preview.setItems(matched.rows());
        previewSummary.setText(matched.rows().isEmpty() ? getTranslation("campaigns.previewEmpty")
                : getTranslation("campaigns.previewSummary", matched.rows().size(), matched.unmatchedCount()));
    }

    /** One rule: how it matches, the value, the campaign; and the buttons that move it. */
    private final class RuleRow implements RuleList.Row {
        private final Select<MatchKind> match = new Select<>();
        private final TextField pattern = new TextField();
        private final Select<CampaignKey> campaign = new Select<>();
        private final RuleRowButtons buttons;
        private final HorizontalLayout layout;

        RuleRow(MatchKind matchKind, String patternText, CampaignKey campaignKey) {
            match.setItems(MatchKind.values());
            match.setItemLabelGenerator(kind -> getTranslation("settings.rules.match." + kind.name()));
            match.setValue(matchKind);
            match.setAriaLabel(getTranslation("settings.rules.matchLabel"));
            pattern.setValue(patternText);
            pattern.setValueChangeMode(ValueChangeMode.LAZY);
            pattern.setAriaLabel(getTranslation("settings.rules.pattern"));
            List<CampaignKey> choices = new ArrayList<>(campaigns.keySet());
            if (campaignKey != null && !choices.contains(campaignKey)) {
                choices.add(campaignKey);
            }
            campaign.setItems(choices);
            campaign.setItemLabelGenerator(CampaignRulesEditor.this::label);
            campaign.setValue(campaignKey);
            campaign.setAriaLabel(getTranslation("campaigns.campaign"));
            buttons = rows.buttonsFor(this);
            layout = new HorizontalLayout(match, pattern, campaign);
            layout.add(buttons.buttons());
            match.addValueChangeListener(event -> refreshPreview());
            pattern.addValueChangeListener(event -> refreshPreview());
            campaign.addValueChangeListener(event -> refreshPreview());
            layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        }

        @Override
        public HorizontalLayout layout() {
            return layout;
        }

        @Override
        public void place(int index, int count, boolean readOnly) {
            layout.setId("campaign-rule-" + index);
            match.setId("campaign-rule-" + index + "-match");
            pattern.setId("campaign-rule-" + index + "-pattern");
            campaign.setId("campaign-rule-" + index + "-campaign");
            buttons.place("campaign-rule-" + index, index, count, readOnly);
            match.setReadOnly(readOnly);
            pattern.setReadOnly(readOnly);
            campaign.setReadOnly(readOnly);
        }

        /** Pattern and campaign are checked one at a time, so each error lands on its own field. */
        CampaignRule read(FieldChecks checks) {
            CampaignKey checkedCampaign = checks.check(campaign, getTranslation("campaigns.error.ruleCampaign"),
                    () -> FieldChecks.required(campaign.getValue()));
            String checkedPattern = checks.check(pattern, getTranslation("campaigns.error.rulePattern"),
                    () -> CampaignRule.checkedPattern(pattern.getValue()));
            return checkedPattern == null || checkedCampaign == null ? null
                    : new CampaignRule(match.getValue(), checkedPattern, checkedCampaign);
        }
    }
}
