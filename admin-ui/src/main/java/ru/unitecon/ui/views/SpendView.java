package ru.unitecon.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import ru.unitecon.core.attribution.Channel;
import ru.unitecon.core.currency.SpendAmount;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.spend.RowError;
import ru.unitecon.core.spend.SpendCsv;
import ru.unitecon.ui.data.DashboardData;
import ru.unitecon.ui.data.SpendData;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Acquisition spend per month and channel: typed into a month × channel table, imported from a spreadsheet's CSV
 * (shown first, stored only when the user confirms a file without errors), exported as CSV.
 */
@Route(value = "spend", layout = MainLayout.class)
public class SpendView extends DashboardView {
    /** A year of spend for a few dozen channels is a few KiB; anything this big is not a spend file. */
    private static final int MAX_FILE_BYTES = 1024 * 1024;

    private final SpendData spend;
    private final Select<Period> range = new Select<>();
    private final Div table = new Div();
    private final TextField newChannel = new TextField();
    private final Span status = new Span();
    private final Div importResult = new Div();
    private final Map<String, BigDecimalField> cells = new LinkedHashMap<>();
    private final List<String> addedChannels = new ArrayList<>();
    private final List<String> shownChannels = new ArrayList<>();
    private SpendData.SpendSheet sheet;

    public SpendView(DashboardData dashboards, SpendData spend) {
        super(dashboards, "spend.title");
        this.spend = spend;
        range.setId("spend-range");
        range.setLabel(getTranslation("spend.range"));
        range.setWidth("16rem");
        range.addValueChangeListener(event -> {
            if (event.getValue() != null) {
                show(event.getValue());
            }
        });
        table.setId("spend-table");
        newChannel.setId("new-channel");
        newChannel.setLabel(getTranslation("spend.newChannel"));
        newChannel.setHelperText(getTranslation("spend.newChannelHelp"));
        Button addChannel = new Button(getTranslation("spend.addChannel"), click -> addChannel());
        addChannel.setId("add-channel");
        Button save = new Button(getTranslation("spend.save"), click -> save());
        save.setId("save-spend");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        status.setId("spend-status");
        Anchor export = new Anchor(DownloadHandler.fromInputStream(download -> exportFile()),
                getTranslation("spend.export"));
        export.setId("spend-export");
        HorizontalLayout controls = new HorizontalLayout(range, newChannel, addChannel);
        controls.setAlignItems(Alignment.BASELINE);
        HorizontalLayout actions = new HorizontalLayout(save, export, status);
        actions.setAlignItems(Alignment.BASELINE);
        importResult.setId("import-result");
        importResult.setWidthFull();
        add(new H2(getTranslation("spend.title")), new Paragraph(getTranslation("spend.intro")), controls, table,
                actions, new H3(getTranslation("spend.import")), new Paragraph(getTranslation("spend.importHelp")),
                upload(), importResult);
    }

    @Override
    protected void entered(BeforeEnterEvent event) {
        YearMonth current = currentMonth();
        Period lastTwelve = Period.endingWith(current, 12);
        List<Period> choices = new ArrayList<>(List.of(lastTwelve));
        for (int year = current.getYear(); year > current.getYear() - 3; year--) {
            choices.add(new Period(YearMonth.of(year, 1), YearMonth.of(year, 12)));
        }
        range.setItems(choices);
        range.setItemLabelGenerator(period -> period.equals(lastTwelve) ? getTranslation("spend.lastTwelve")
                : Integer.toString(period.from().getYear()));
        range.setValue(lastTwelve);
    }

    private void show(Period period) {
        sheet = spend.load(memberId(), period);
        List<String> channels = new ArrayList<>(sheet.channels());
        addedChannels.stream().filter(code -> !channels.contains(code)).forEach(channels::add);
        table.removeAll();
        cells.clear();
        shownChannels.clear();
        shownChannels.addAll(channels);
        table.getStyle().set("display", "grid").set("gap", "var(--lumo-space-xs)").set("overflow-x", "auto")
                .set("grid-template-columns", "max-content repeat(" + channels.size() + ", minmax(7rem, 10rem))")
                .set("align-items", "baseline").set("width", "100%");
        table.add(new Span(getTranslation("spend.month")));
        channels.forEach(code -> table.add(new Span(channelName(code))));
        // The newest month first: it is the one being filled in.
        for (YearMonth month : period.months().reversed()) {
            table.add(new Span(figures().period(Period.month(month))));
            for (String code : channels) {
                BigDecimalField field = new BigDecimalField();
                field.setId(cellId(month, code));
                field.setWidthFull();
                field.addThemeVariants(TextFieldVariant.LUMO_ALIGN_RIGHT);
                field.setAriaLabel(figures().period(Period.month(month)) + ", " + channelName(code));
                field.setValue(sheet.amount(month, code));
                if (sheet.imported(month, code)) {
                    // The ad accounts' import fills this cell; a typed figure it overrides is kept and named.
                    field.setReadOnly(true);
                    BigDecimal typed = sheet.overriddenTyped(month, code);
                    field.setHelperText(typed == null ? getTranslation("spend.imported")
                            : getTranslation("spend.importedOverrides", figures().money(typed)));
                }
                cells.put(cellId(month, code), field);
                table.add(field);
            }
        }
        status.setText("");
    }

    static String cellId(YearMonth month, String channel) {
        return "spend-" + month + "-" + channel;
    }

    private void addChannel() {
        String code = newChannel.getValue().strip().toLowerCase(Locale.ROOT);
        if (!Channel.isValidCode(code)) {
            newChannel.setInvalid(true);
            newChannel.setErrorMessage(getTranslation("spend.badChannel"));
            return;
        }
        newChannel.setInvalid(false);
        newChannel.clear();
        if (!addedChannels.contains(code)) {
            addedChannels.add(code);
        }
        show(range.getValue());
    }

    /** Stores the months whose figures changed, all in one atomic change; a bad figure stores nothing. */
    private void save() {
        Map<YearMonth, Map<String, BigDecimal>> typed = new TreeMap<>();
        boolean valid = true;
        for (YearMonth month : sheet.period().months()) {
            Map<String, BigDecimal> amounts = new HashMap<>();
            String prefix = cellId(month, "");
            for (Map.Entry<String, BigDecimalField> cell : cells.entrySet()) {
                if (!cell.getKey().startsWith(prefix)) {
                    continue;
                }
                BigDecimalField field = cell.getValue();
                BigDecimal amount = field.getValue();
                boolean bad = amount != null && !SpendAmount.isValid(amount);
                field.setInvalid(bad);
                field.setErrorMessage(bad ? getTranslation("spend.badAmount") : null);
                valid &= !bad;
                if (amount != null && !bad) {
                    amounts.put(cell.getKey().substring(prefix.length()), amount);
                }
            }
            typed.put(month, amounts);
        }
        if (!valid) {
            status.setText(getTranslation("spend.notSaved"));
            return;
        }
        Set<YearMonth> saved;
        try {
            saved = spend.save(memberId(), sheet, typed, shownChannels);
        } catch (IllegalArgumentException tooManyForOneChange) {
            status.setText(getTranslation("spend.saveTooBig"));
            return;
        }
        show(sheet.period());
        status.setText(getTranslation("spend.saved", saved.size()));
    }

    private Upload upload() {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> preview(SpendCsv.parse(bytes))));
        upload.setId("spend-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("spend.upload.add"))
                        .setMany(getTranslation("spend.upload.add")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("spend.upload.drop"))
                        .setMany(getTranslation("spend.upload.drop")))
                .setError(new UploadI18N.Error().setTooManyFiles(getTranslation("spend.upload.tooMany"))
                        .setFileIsTooBig(getTranslation("spend.upload.tooBig"))
                        .setIncorrectFileType(getTranslation("spend.upload.notCsv"))));
        return upload;
    }

    /** Shows what the file would store, or every bad row; nothing is stored until the user confirms. */
    private void preview(SpendCsv.Parsed parsed) {
        importResult.removeAll();
        if (!parsed.isValid()) {
            Paragraph refused = new Paragraph(getTranslation("spend.importRefused", parsed.errors().size()));
            refused.setId("import-refused");
            Grid<RowError> errors = new Grid<>();
            errors.setId("import-errors");
            errors.setAllRowsVisible(true);
            errors.addColumn(RowError::row).setKey("line").setHeader(getTranslation("spend.line")).setAutoWidth(true)
                    .setFlexGrow(0);
            errors.addColumn(error -> getTranslation("spend.problem." + error.problem().name()))
                    .setKey("problem").setHeader(getTranslation("spend.problem"));
            errors.addColumn(RowError::value).setKey("value").setHeader(getTranslation("spend.value"));
            errors.setItems(parsed.errors());
            importResult.add(refused, errors);
            return;
        }
        record PreviewRow(YearMonth month, String channel, BigDecimal amount) {
        }
        List<PreviewRow> rows = new ArrayList<>();
        parsed.spend().forEach((month, amounts) -> new TreeMap<>(amounts)
                .forEach((code, amount) -> rows.add(new PreviewRow(month, code, amount))));
        Grid<PreviewRow> preview = new Grid<>();
        preview.setId("import-preview");
        preview.setAllRowsVisible(true);
        preview.addColumn(row -> figures().period(Period.month(row.month()))).setKey("month")
                .setHeader(getTranslation("spend.month"));
        preview.addColumn(row -> channelName(row.channel())).setKey("channel").setHeader(getTranslation("spend.channel"));
        preview.addColumn(row -> figures().money(row.amount())).setKey("amount")
                .setHeader(getTranslation("spend.amount"))
                .setTextAlign(ColumnTextAlign.END);
        preview.setItems(rows);
        Button confirm = new Button(getTranslation("spend.importConfirm", parsed.spend().size()),
                click -> importMonths(parsed.spend()));
        confirm.setId("import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("spend.importCancel"), click -> importResult.removeAll());
        cancel.setId("import-cancel");
        importResult.add(new Paragraph(getTranslation("spend.importPreview", parsed.spend().size())), preview,
                new HorizontalLayout(confirm, cancel));
    }

    private void importMonths(SortedMap<YearMonth, Map<String, BigDecimal>> months) {
        try {
            spend.replaceMonths(memberId(), months);
        } catch (IllegalArgumentException tooManyForOneChange) {
            importResult.removeAll();
            importResult.add(new Paragraph(getTranslation("spend.importTooBig")));
            return;
        }
        importResult.removeAll();
        months.keySet().forEach(month -> months.get(month).keySet().stream()
                .filter(code -> !sheet.channels().contains(code) && !addedChannels.contains(code))
                .forEach(addedChannels::add));
        show(range.getValue());
        status.setText(getTranslation("spend.imported", months.size()));
    }

    /** The shown months' stored spend in the Russian Excel format, which the import reads back. */
    private DownloadResponse exportFile() {
        SpendData.SpendSheet stored = spend.load(memberId(), sheet.period());
        byte[] csv = SpendCsv.write(stored.spend()).getBytes(StandardCharsets.UTF_8);
        String name = "spend-" + stored.period().from() + "-" + stored.period().to() + ".csv";
        return new DownloadResponse(new ByteArrayInputStream(csv), name, "text/csv; charset=utf-8", csv.length);
    }

    private String channelName(String code) {
        String key = "channel." + code;
        String name = getTranslation(key);
        // A portal's own channel has no translation: its code is its name.
        return Objects.requireNonNull(name).contains(key) ? code : name;
    }
}
