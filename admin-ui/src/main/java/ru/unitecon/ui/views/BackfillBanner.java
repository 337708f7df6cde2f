package ru.unitecon.ui.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import ru.unitecon.ui.data.BackfillData;
import ru.unitecon.ui.data.RecountData;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Optional;

/**
 * While the portal's leads and deals are first loaded, says how many of them are in and about how long the rest
 * takes; while its figures are recounted after a settings change, says so. It looks again every few seconds until
 * both are through; then it hides, and the figures are whole.
 */
class BackfillBanner extends Div {
    /** How often an open page looks at the progress while the backfill runs. */
    static final int POLL_MILLIS = 5_000;

    private final BackfillData backfill;
    private final RecountData recount;
    private final Div loading = new Div();
    private final Paragraph recountLine = new Paragraph();
    private final Span done = new Span();
    private final Span timeLeft = new Span();
    private final ProgressBar bar = new ProgressBar(0, 1);
    private String memberId;
    private Registration polling;

    BackfillBanner(BackfillData backfill, RecountData recount) {
        this.backfill = backfill;
        this.recount = recount;
        setId("backfill-progress");
        H2 heading = new H2(getTranslation("backfill.title"));
        heading.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        done.setId("backfill-done");
        timeLeft.setId("backfill-time-left");
        loading.add(heading, new Paragraph(getTranslation("backfill.text")),
                new Paragraph(done, new Span(" · "), timeLeft), bar);
        recountLine.setId("recount-progress");
        recountLine.setText(getTranslation("recount.running"));
        recountLine.getStyle().set("margin", "0");
        add(loading, recountLine);
        getStyle().set("background", "var(--lumo-primary-color-10pct)")
                .set("border-left", "4px solid var(--lumo-primary-color)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("width", "100%")
                .set("box-sizing", "border-box");
        setVisible(false);
    }

    /** Shows the portal's backfill and recount as they are now. */
    void show(String portal) {
        this.memberId = portal;
        refresh();
    }

    private void refresh() {
        Optional<BackfillData.Running> running = memberId == null ? Optional.empty() : backfill.running(memberId);
        boolean recounting = memberId != null && recount.running(memberId);
        boolean busy = running.isPresent() || recounting;
        setVisible(busy);
        loading.setVisible(running.isPresent());
        running.ifPresent(this::fill);
        recountLine.setVisible(recounting);
        getUI().ifPresent(ui -> ui.setPollInterval(busy ? POLL_MILLIS : -1));
    }

    private void fill(BackfillData.Running running) {
        NumberFormat count = NumberFormat.getIntegerInstance(getLocale());
        done.setText(getTranslation("backfill.done", count.format(running.done()), count.format(running.total())));
        timeLeft.setText(running.timeLeft().map(this::left).orElse(getTranslation("backfill.left.unknown")));
        bar.setValue(running.share());
    }

    private String left(Duration duration) {
        long minutes = (duration.toSeconds() + 59) / 60;
        if (minutes <= 1) {
            return getTranslation("backfill.left.minute");
        }
        if (minutes < 60) {
            return getTranslation("backfill.left.minutes", minutes);
        }
        return getTranslation("backfill.left.hours", minutes / 60, minutes % 60);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        polling = ui.addPollListener(poll -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        detachEvent.getUI().setPollInterval(-1);
    }
}
