package ru.unitecon.ui.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

/**
 * The up, down and remove buttons of one row of an ordered rule list (channel rules, campaign rules): the order of
 * the rules is their meaning, so both editors move and drop rows alike.
 */
final class RuleRowButtons {
    private final Button up = new Button("↑");
    private final Button down = new Button("↓");
    private final Button remove = new Button("✕");

    RuleRowButtons(Component editor, Runnable moveUp, Runnable moveDown, Runnable removeRow) {
        up.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        down.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        up.setAriaLabel(editor.getTranslation("settings.rules.up"));
        down.setAriaLabel(editor.getTranslation("settings.rules.down"));
        remove.setAriaLabel(editor.getTranslation("settings.rules.remove"));
        up.addClickListener(event -> moveUp.run());
        down.addClickListener(event -> moveDown.run());
        remove.addClickListener(event -> removeRow.run());
    }

    Component[] buttons() {
        return new Component[] {up, down, remove};
    }

    /** Ids {@code {rowId}-up}, {@code -down}, {@code -remove}; hidden when read-only, the ends unable to move out. */
    void place(String rowId, int index, int count, boolean readOnly) {
        up.setId(rowId + "-up");
        down.setId(rowId + "-down");
        remove.setId(rowId + "-remove");
        up.setVisible(!readOnly);
        down.setVisible(!readOnly);
        remove.setVisible(!readOnly);
        up.setEnabled(index > 0);
        down.setEnabled(index < count - 1);
    }
}
