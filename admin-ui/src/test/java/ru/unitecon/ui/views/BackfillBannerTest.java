package ru.unitecon.ui.views;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.BackfillStore;
import ru.unitecon.core.sync.Recounts;
import ru.unitecon.testsupport.LocalDynamo;
import ru.unitecon.ui.TestInfrastructure;
import ru.unitecon.ui.entry.PortalSession;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first load of a portal's leads and deals, as a manager who opens the app meanwhile sees it. */
@SpringBootTest
@Import(TestInfrastructure.class)
@ViewPackages(packages = "ru.unitecon.ui.views")
class BackfillBannerTest extends SpringBrowserlessTest {
    /** The backfill started a minute before the test's stopped clock. */
    private static final Instant STARTED = TestInfrastructure.NOW.minus(Duration.ofMinutes(1));

    private final BackfillStore backfills = LocalDynamo.app().backfills();
    @Autowired
    private Recounts recounts;

    /** 4 000 records counted, 1 200 done in the first minute: 2 800 more at that pace take 140 s. */
    private SeededPortal portalInTheMiddleOfItsBackfill() {
        SeededPortal portal = new SeededPortal(InstallationStatus.INSTALLED);
        backfills.start(portal.memberId, "LEAD", 3_000, STARTED);
        backfills.start(portal.memberId, "DEAL", 1_000, STARTED);
        backfills.advance(portal.memberId, "LEAD", 0, 1_000, 1_000, false, STARTED.plusSeconds(40));
        backfills.advance(portal.memberId, "DEAL", 0, 200, 200, false, STARTED.plusSeconds(50));
        return portal;
    }

    private static String count(Locale locale, long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    private String shown(String id) {
        return $(Span.class).id(id).getText();
    }

    @Test
    void aManagerSeesRecordsDoneOfTotalAndTheTimeLeft() {
        portalInTheMiddleOfItsBackfill().openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);

        Div banner = $(Div.class).id("backfill-progress");
        assertTrue(banner.getElement().getTextRecursively().contains("Загружаем лиды и сделки из Битрикс24"));
        assertEquals("Загружено " + count(PortalSession.RUSSIAN, 1_200) + " из " + count(PortalSession.RUSSIAN, 4_000),
                shown("backfill-done"));
        assertEquals("осталось около 3 мин", shown("backfill-time-left"));
        assertEquals(0.3, $(ProgressBar.class).first().getValue(), 1e-9);
        assertEquals(BackfillBanner.POLL_MILLIS, UI.getCurrent().getPollInterval(), "the open page keeps looking");
    }

    @Test
    void inEnglishToo() {
        portalInTheMiddleOfItsBackfill().openInThisSession(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        navigate(ChannelsView.class);

        assertEquals("1,200 of 4,000 loaded", shown("backfill-done"));
        assertEquals("about 3 min left", shown("backfill-time-left"));
    }

    @Test
    void beforeTheFirstRecordTheTimeLeftIsBeingWorkedOut() {
        SeededPortal portal = new SeededPortal(InstallationStatus.INSTALLED);
        backfills.start(portal.memberId, "LEAD", 250_000, STARTED);
        portal.openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);

        assertEquals("Загружено 0 из " + count(PortalSession.RUSSIAN, 250_000), shown("backfill-done"));
        assertEquals("считаем, сколько осталось", shown("backfill-time-left"));
    }

    @Test
    void theBannerLeavesAtTheFirstLookAfterTheBackfillIsThrough() {
        SeededPortal portal = portalInTheMiddleOfItsBackfill();
        portal.openInThisSession(PortalSession.RUSSIAN);
        navigate(OverviewView.class);
        assertTrue($(Div.class).id("backfill-progress").isVisible());

        backfills.advance(portal.memberId, "LEAD", 1_000, 3_000, 2_000, true, STARTED.plusSeconds(55));
        backfills.advance(portal.memberId, "DEAL", 200, 1_000, 800, true, STARTED.plusSeconds(58));
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));

        assertTrue($(Div.class).withId("backfill-progress").all().isEmpty());
        assertEquals(-1, UI.getCurrent().getPollInterval(), "no more looking once it is through");
    }

    @Test
    void aPortalWithoutABackfillRunningShowsNoBannerEvenWhileAnotherPortalsRuns() {
        portalInTheMiddleOfItsBackfill();
        new SeededPortal(InstallationStatus.INSTALLED).openInThisSession(PortalSession.RUSSIAN);

        navigate(OverviewView.class);

        assertTrue($(Div.class).withId("backfill-progress").all().isEmpty());
        assertEquals(-1, UI.getCurrent().getPollInterval());
    }

    @Test
    void aRecountAskedForShowsUntilTheSyncHasRunIt() {
        SeededPortal portal = new SeededPortal(InstallationStatus.INSTALLED);
        LocalDynamo.app().syncState().requestRecount(portal.memberId, TestInfrastructure.NOW);
        portal.openInThisSession(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);

        navigate(OverviewView.class);

        assertTrue($(Paragraph.class).id("recount-progress").getText().startsWith("The figures are being recounted"));
        assertEquals(BackfillBanner.POLL_MILLIS, UI.getCurrent().getPollInterval(), "the open page keeps looking");

        assertTrue(recounts.run(portal.memberId), "the sync's recount");
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));

        assertTrue($(Div.class).withId("backfill-progress").all().isEmpty());
        assertEquals(-1, UI.getCurrent().getPollInterval(), "no more looking once it is through");
    }
}
