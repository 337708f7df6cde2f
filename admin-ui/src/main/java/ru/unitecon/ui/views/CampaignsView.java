package ru.unitecon.ui.views;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import ru.unitecon.core.ads.CampaignKey;
import ru.unitecon.core.attribution.CampaignRules;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.metrics.CampaignMetrics;
import ru.unitecon.core.metrics.MetricValue;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.metrics.PeriodMetrics;
import ru.unitecon.ui.data.CampaignsData;
import ru.unitecon.ui.data.DashboardData;
import ru.unitecon.ui.data.PeriodChoices;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One row per advertising campaign: its spend from the ad accounts' import and the leads and clients of the
 * UTM_CAMPAIGN values its rules take, with the channels' definitions and flags; then the values no rule takes,
 * each campaign's channel and the rules with their preview (docs/campaigns.md). Administrators may edit the last two.
 */
@Route(value = "campaigns", layout = MainLayout.class)
public class CampaignsView extends DashboardView {
    private final CampaignsData campaigns;
    private final Grid<CampaignMetrics.Row> grid = new Grid<>();
    private final Grid<CampaignMetrics.Unmatched> unmatched = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final Paragraph allMatched = new Paragraph();
    private final VerticalLayout channels = new VerticalLayout();
    private final CampaignRulesEditor rules = new CampaignRulesEditor(this::saveRules);
    private final PeriodPicker picker = new PeriodPicker(this::show);
    private Period period;

    public CampaignsView(DashboardData dashboards, CampaignsData campaigns) {
        super(dashboards, "campaigns.title");
        this.campaigns = campaigns;
        grid.setId("campaigns");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        unmatched.setId("campaigns-unmatched");
        unmatched.setAllRowsVisible(true);
        unmatched.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        empty.setId("campaigns-empty");
        empty.setText(getTranslation("campaigns.empty"));
        allMatched.setId("campaigns-all-matched");
        allMatched.setText(getTranslation("campaigns.allMatched"));
        channels.setId("campaign-channels");
        channels.setPadding(false);
        channels.setSpacing(false);
        Paragraph macro = new Paragraph(getTranslation("campaigns.macro"));
        macro.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2(getTranslation("campaigns.title")), picker, macro, grid, empty,
                new H3(getTranslation("campaigns.unmatched")), new Paragraph(getTranslation("campaigns.unmatchedHelp")),
                unmatched, allMatched, new H3(getTranslation("campaigns.channels")), channels, rules);
    }

    @Override
    protected void entered(BeforeEnterEvent event) {
        if (grid.getColumns().isEmpty()) {
            addColumns();
        }
        Map<CampaignKey, String> known = campaigns.known(portal());
        rules.show(campaigns.rules(portal(), known), known, campaigns.leadSources(portal()), figures());
        rules.setReadOnly(!portal().admin());
        picker.start(currentMonth(), figures(), PeriodChoices.fromQuery(
                event.getLocation().getQueryParameters().getParameters(), currentMonth())
                .orElse(Period.month(currentMonth())));
    }

    private void addColumns() {
        grid.addColumn(row -> name(row)).setKey("campaign").setHeader(getTranslation("campaigns.campaign"))
                .setWidth("12rem").setFlexGrow(0).setFrozen(true);
        grid.addColumn(row -> ChannelNames.of(this, row.channel())).setKey("channel")
                .setHeader(getTranslation("channels.channel")).setWidth("9rem").setFlexGrow(0);
        grid.addColumn(this::flags).setKey("flags").setHeader(getTranslation("channels.flags")).setWidth("11rem")
                .setFlexGrow(0);
        numeric("spend", row -> figures().money(row.metrics().spend()));
        numeric("leads", row -> figures().count(row.metrics().leads()));
        numeric("newClients", row -> figures().count(row.metrics().newClients()));
        metric("cac", PeriodMetrics::cac, figures()::money);
        metric("cpo", PeriodMetrics::cpo, figures()::money);
        metric("ltv", PeriodMetrics::ltv, figures()::money);
        metric("ltvToCac", PeriodMetrics::ltvToCac, figures()::decimal);
        unmatched.addColumn(CampaignMetrics.Unmatched::utmCampaign).setKey("value")
                .setHeader("utm_campaign");
        unmatched.addColumn(value -> figures().count(value.leads())).setKey("leads")
                .setHeader(getTranslation("channels.leads")).setTextAlign(ColumnTextAlign.END);
        unmatched.addColumn(value -> figures().count(value.newClients())).setKey("newClients")
                .setHeader(getTranslation("channels.newClients")).setTextAlign(ColumnTextAlign.END);
        unmatched.addColumn(value -> figures().money(value.revenue())).setKey("revenue")
                .setHeader(getTranslation("metric.revenue")).setTextAlign(ColumnTextAlign.END);
    }

    private void show(Period shown) {
        period = shown;
        CampaignMetrics.Report report = campaigns.report(portal(), shown);
        grid.setItems(report.campaigns());
        grid.setVisible(!report.campaigns().isEmpty());
        empty.setVisible(report.campaigns().isEmpty());
        unmatched.setItems(report.unmatched());
        unmatched.setVisible(!report.unmatched().isEmpty());
        allMatched.setVisible(report.unmatched().isEmpty());
        showChannels(report.campaigns());
    }

    /** A channel per campaign; changing it moves the campaign's spend to that channel's month figures. */
    private void showChannels(List<CampaignMetrics.Row> rows) {
        channels.removeAll();
        List<String> codes = Channel.DEFAULTS.stream().filter(code -> !Channel.UNKNOWN.equals(code)).toList();
        for (int i = 0; i < rows.size(); i++) {
            CampaignMetrics.Row row = rows.get(i);
            Select<String> channel = new Select<>();
            channel.setId("campaign-channel-" + i);
            List<String> items = new ArrayList<>(codes);
            if (!items.contains(row.channel())) {
                items.add(row.channel());
            }
            channel.setItems(items);
            channel.setItemLabelGenerator(code -> ChannelNames.of(this, code));
            channel.setValue(row.channel());
            channel.setAriaLabel(getTranslation("campaigns.channelOf", name(row)));
            channel.setReadOnly(!portal().admin());
            channel.addValueChangeListener(change -> {
                if (change.getValue() != null && !change.getValue().equals(row.channel())) {
                    campaigns.setChannel(portal(), row.campaign(), change.getValue());
                    Notification.show(getTranslation("campaigns.channelSaved"));
                    show(period);
                }
            });
            Paragraph label = new Paragraph(name(row));
            label.setWidth("16rem");
            HorizontalLayout line = new HorizontalLayout(label, channel);
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            channels.add(line);
        }
    }

    private void saveRules(CampaignRules changed) {
        campaigns.saveRules(portal(), changed);
        Notification.show(getTranslation("campaigns.rulesSaved"));
        show(period);
    }

    private String name(CampaignMetrics.Row row) {
        String platform = getTranslation("campaigns.platform." + row.campaign().platform().name());
        String title = row.name().isBlank() ? row.campaign().campaignId() : row.name();
        return title + " (" + platform + ")";
    }

    private String flags(CampaignMetrics.Row row) {
        List<String> flags = new ArrayList<>();
        row.metrics().losingMoneyReason().ifPresent(reason ->
                flags.add("⚠ " + getTranslation("campaigns.losingMoney." + reason.name())));
        if (row.metrics().ltvToCacBelowTarget()) {
            flags.add("⚠ " + getTranslation("channels.belowTarget"));
        }
        if (row.withoutLeads()) {
            flags.add(getTranslation("campaigns.withoutLeads"));
        }
        return String.join("; ", flags);
    }

    private void metric(String key, Function<PeriodMetrics, MetricValue> value, Function<MetricValue, String> shown) {
        numeric(key, row -> shown.apply(value.apply(row.metrics())));
    }

    private void numeric(String key, Function<CampaignMetrics.Row, String> text) {
        grid.addColumn(text::apply).setKey(key).setHeader(getTranslation("campaigns." + key)).setWidth("7rem")
                .setFlexGrow(1).setTextAlign(ColumnTextAlign.END);
    }
}
