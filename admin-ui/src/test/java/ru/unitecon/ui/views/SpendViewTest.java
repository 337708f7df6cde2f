package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.spend.RowError;
import ru.unitecon.core.spend.SpendCsv;
import ru.unitecon.core.store.SpendStore;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.entry.PortalSession;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.unitecon.ui.views.SeededPortal.FEBRUARY;
import static ru.unitecon.ui.views.SeededPortal.MARCH;

@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class SpendViewTest extends SpringBrowserlessTest {
    private final SpendStore spend = LocalDynamo.app().spend();

    private SeededPortal salonWithSpend() {
        SeededPortal salon = new SeededPortal(InstallationStatus.INSTALLED)
                .spend(FEBRUARY, Map.of("instagram", new BigDecimal("9000")))
                .spend(MARCH, Map.of("instagram", new BigDecimal("12000.50"), "vk", new BigDecimal("3000")));
        salon.openInThisSession(PortalSession.RUSSIAN);
        return salon;
    }

    private Map<AggregateKey, BigDecimal> stored(SeededPortal salon) {
        return spend.load(salon.memberId, YearMonth.of(2025, 1), YearMonth.of(2026, 12));
    }

    private BigDecimalField cell(YearMonth month, String channel) {
        return $(BigDecimalField.class).id(SpendView.cellId(month, channel));
    }

    private void upload(String csv) {
        test($(Upload.class).id("spend-upload")).upload("spend.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        roundTrip();
    }

    @Test
    void theTableShowsTheStoredSpendOfTheLastTwelveMonths() {
        SeededPortal salon = salonWithSpend();

        navigate(SpendView.class);

        stored(salon).forEach((key, amount) ->
                assertEquals(0, amount.compareTo(cell(key.month(), key.channel()).getValue()), key.toString()));
        assertNull(cell(FEBRUARY, "vk").getValue());
        assertEquals(12 * 2, $(BigDecimalField.class).all().size());
    }

    @Test
    void typedSpendIsSavedAndOtherMonthsStayAsTheyWere() {
        SeededPortal salon = salonWithSpend();
        navigate(SpendView.class);

        test(cell(MARCH, "vk")).setValue(new BigDecimal("4500.25"));
        test(cell(MARCH, "instagram")).setValue(null);
        test($(Button.class).id("save-spend")).click();

        assertEquals(Map.of(new AggregateKey(FEBRUARY, "instagram"), new BigDecimal("9000"),
                new AggregateKey(MARCH, "vk"), new BigDecimal("4500.25")), stored(salon));
        assertEquals("Сохранено, изменено месяцев: 1", $(Span.class).id("spend-status").getText());
    }

    @Test
    void spendPostedForAnotherChannelWhileTheTableWasOpenSurvivesASave() {
        SeededPortal salon = salonWithSpend();
        navigate(SpendView.class);
        spend.replaceCells(salon.memberId, Map.of(new AggregateKey(MARCH, "avito"), new BigDecimal("700")));

        test(cell(MARCH, "vk")).setValue(new BigDecimal("3500"));
        test($(Button.class).id("save-spend")).click();

        assertEquals(new BigDecimal("700"), stored(salon).get(new AggregateKey(MARCH, "avito")));
        assertEquals(new BigDecimal("3500"), stored(salon).get(new AggregateKey(MARCH, "vk")));
    }

    @Test
    void aCellTheImportFillsIsReadOnlyAndNamesTheTypedFigureItKeeps() {
        SeededPortal salon = salonWithSpend();
        spend.replaceImportedMonths(salon.memberId, Map.of(MARCH, Map.of("vk", new BigDecimal("3456.78"))));
        navigate(SpendView.class);

        assertEquals(0, new BigDecimal("3456.78").compareTo(cell(MARCH, "vk").getValue()));
        assertTrue(cell(MARCH, "vk").isReadOnly());
        assertTrue(cell(MARCH, "vk").getHelperText().contains("3"), cell(MARCH, "vk").getHelperText());
        test(cell(MARCH, "instagram")).setValue(new BigDecimal("13000"));
        test($(Button.class).id("save-spend")).click();

        assertEquals(new BigDecimal("3000"), spend.sources(salon.memberId, MARCH, MARCH)
                .get(new AggregateKey(MARCH, "vk")).typed(), "the typed figure is kept, not lost");
        assertEquals(new BigDecimal("3456.78"), stored(salon).get(new AggregateKey(MARCH, "vk")));
    }

    @Test
    void aNegativeAmountIsMarkedAndNothingIsSaved() {
        SeededPortal salon = salonWithSpend();
        navigate(SpendView.class);
        Map<AggregateKey, BigDecimal> before = stored(salon);

        test(cell(FEBRUARY, "vk")).setValue(new BigDecimal("100"));
        test(cell(MARCH, "vk")).setValue(new BigDecimal("-1"));
        test($(Button.class).id("save-spend")).click();

        assertTrue(cell(MARCH, "vk").isInvalid());
        assertEquals(before, stored(salon));
    }

    @Test
    void anAddedChannelGetsAColumnAndABadCodeIsRefused() {
        SeededPortal salon = salonWithSpend();
        navigate(SpendView.class);

        test($(TextField.class).id("new-channel")).setValue("Яндекс Карты");
        test($(Button.class).id("add-channel")).click();
        assertTrue($(TextField.class).id("new-channel").isInvalid());

        test($(TextField.class).id("new-channel")).setValue("Yandex_Maps");
        test($(Button.class).id("add-channel")).click();
        test(cell(MARCH, "yandex_maps")).setValue(new BigDecimal("800"));
        test($(Button.class).id("save-spend")).click();

        assertEquals(new BigDecimal("800"), stored(salon).get(new AggregateKey(MARCH, "yandex_maps")));
    }

    @Test
    void theUploadSpeaksThePortalsLanguage() {
        salonWithSpend();
        navigate(SpendView.class);

        assertEquals("Выбрать файл…", $(Upload.class).id("spend-upload").getI18n().getAddFiles().getOne());
    }

    @Test
    void aFileWithBadRowsShowsEachRowAndStoresNothing() {
        SeededPortal salon = salonWithSpend();
        navigate(SpendView.class);
        Map<AggregateKey, BigDecimal> before = stored(salon);

        upload("\uFEFFМесяц;Канал;Сумма\r\n03.2026;avito;700\r\nмарт;vk;1\r\n2026-03;vk;-5\r\n");

        @SuppressWarnings("unchecked")
        GridTester<Grid<RowError>, RowError> errors = test($(Grid.class).id("import-errors"));
        assertEquals(2, errors.size());
        assertEquals("3", errors.getCellText(0, 0));
        assertEquals("Месяц в виде 2026-03 или 03.2026", errors.getCellText(0, 1));
        assertEquals("4", errors.getCellText(1, 0));
        assertEquals("Сумма — ноль или больше, не более двух знаков после запятой", errors.getCellText(1, 1));
        assertFalse($(Button.class).withId("import-confirm").exists());
        assertEquals(before, stored(salon));
    }

    @Test
    void aGoodFileIsStoredOnlyAfterConfirmingAndReplacesItsMonths() {
        SeededPortal salon = salonWithSpend();
        navigate(SpendView.class);

        upload("\uFEFFМесяц;Канал;Сумма\r\n03.2026;avito;12 700,50\r\n");
        assertEquals(3, stored(salon).size(), "nothing changes before the confirmation");
        test($(Button.class).id("import-confirm")).click();

        assertEquals(Map.of(new AggregateKey(FEBRUARY, "instagram"), new BigDecimal("9000"),
                new AggregateKey(MARCH, "avito"), new BigDecimal("12700.5")), stored(salon));
        assertEquals(0, new BigDecimal("12700.50").compareTo(cell(MARCH, "avito").getValue()));
    }

    @Test
    void theExportReadsBackAsTheStoredSpend() {
        SeededPortal salon = salonWithSpend();
        navigate(SpendView.class);
        ByteArrayOutputStream file = new ByteArrayOutputStream();

        test($(Anchor.class).id("spend-export")).download(file);

        SpendCsv.Parsed parsed = SpendCsv.parse(file.toByteArray());
        assertEquals(List.of(), parsed.errors());
        Map<AggregateKey, BigDecimal> read = new HashMap<>();
        parsed.spend().forEach((month, amounts) -> amounts.forEach((channel, amount) ->
                read.put(new AggregateKey(month, channel), amount)));
        assertEquals(stored(salon), read);
    }
}
