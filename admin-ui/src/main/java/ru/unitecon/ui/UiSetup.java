package ru.unitecon.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;
import ru.unitecon.ui.entry.PortalSession;
import ru.unitecon.ui.views.ReopenFromPortalView;

/**
 * Every UI speaks its portal's language before any component is built, and shows nothing but the "reopen from
 * Bitrix24" page to a session that did not come in through the verified entry.
 */
@Component
public class UiSetup implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            init.getUI().setLocale(PortalSession.current().map(PortalSession::locale).orElse(PortalSession.RUSSIAN));
            init.getUI().addBeforeEnterListener(enter -> {
                if (PortalSession.current().isEmpty()
                        && !ReopenFromPortalView.class.equals(enter.getNavigationTarget())) {
                    enter.rerouteTo(ReopenFromPortalView.class);
                }
            });
        });
    }
}
