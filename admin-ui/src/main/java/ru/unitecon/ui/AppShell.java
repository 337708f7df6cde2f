package ru.unitecon.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;

/** Vaadin 25 applies no theme by itself; Lumo is a static stylesheet from its jar, so no frontend build. */
@StyleSheet(Lumo.STYLESHEET)
public class AppShell implements AppShellConfigurator {
}
