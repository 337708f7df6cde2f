package ru.unitecon.ui.views;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import ru.unitecon.ui.entry.PortalSession;

import java.util.Locale;

/** Shown, in Russian and English, to whoever reaches the app without coming from a portal. */
@Route("reopen")
@PageTitle("Юнит-экономика / Unit Economics")
public class ReopenFromPortalView extends VerticalLayout {

    public ReopenFromPortalView() {
        for (Locale locale : new Locale[]{PortalSession.RUSSIAN, Locale.ENGLISH}) {
            H2 title = new H2(getTranslation(locale, "reopen.title"));
            title.setId("reopen-" + locale.getLanguage());
            add(title, new Paragraph(getTranslation(locale, "reopen.text")));
        }
    }
}
