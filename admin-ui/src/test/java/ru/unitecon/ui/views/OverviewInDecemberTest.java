package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.metrics.Period;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.entry.PortalSession;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The case: an owner opens the app on 5 December. The overview shows November, a whole month, and offers
 * December's five days labelled as such.
 */
@SpringBootTest(properties = "unitecon.test.now=2026-12-05T09:00:00Z")
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class OverviewInDecemberTest extends SpringBrowserlessTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @Test
    void onTheFifthOfDecemberTheOverviewOpensOnNovember() {
        new SeededPortal(InstallationStatus.INSTALLED)
                .lead(1, NOVEMBER, 3, LeadSource.ofUtm("instagram", null, null), 101L)
                .lead(2, NOVEMBER, 20, LeadSource.ofUtm("vk", null, null), null)
                .lead(3, DECEMBER, 2, LeadSource.ofUtm("vk", null, null), null)
                .openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);

        @SuppressWarnings("unchecked")
        Select<Period> period = $(Select.class).id("period");
        assertEquals(Period.month(NOVEMBER), period.getValue());
        assertEquals("2", $(Span.class).id("metric-leads").getText());
        assertEquals("декабрь 2026 (текущий месяц, пока неполный)",
                period.getItemLabelGenerator().apply(Period.month(DECEMBER)));

        period.setValue(Period.month(DECEMBER));
        assertEquals("1", $(Span.class).id("metric-leads").getText());
    }
}
