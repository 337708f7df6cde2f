package ru.unitecon.ui.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of an ordered rule list on screen (channel rules, campaign rules): the first rule that matches wins, so
 * rows are moved and removed alike, and after every change each row is placed again (its ids, its buttons) and the
 * editor told, to refresh its preview.
 */
final class RuleList<T extends RuleList.Row> {
    /** One rule's row: its layout, and how it shows at a position of the list. */
    interface Row {
        HorizontalLayout layout();

        void place(int index, int count, boolean readOnly);
    }

    private final List<T> rows = new ArrayList<>();
    private final VerticalLayout list = new VerticalLayout();
    private final Component editor;
    private final Runnable onChange;
    private boolean readOnly;

    RuleList(Component editor, String id, Runnable onChange) {
        this.editor = editor;
        this.onChange = onChange;
        list.setPadding(false);
        list.setSpacing(false);
        list.setId(id);
    }

    VerticalLayout layout() {
        return list;
    }

    List<T> rows() {
        return Collections.unmodifiableList(rows);
    }

    void show(List<T> shown) {
        rows.clear();
        rows.addAll(shown);
        render();
    }

    void add(T row) {
        rows.add(row);
        render();
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        render();
    }

    /** The buttons that move this row up and down and remove it. */
    RuleRowButtons buttonsFor(T row) {
        return new RuleRowButtons(editor, () -> move(row, -1), () -> move(row, 1), () -> {
            rows.remove(row);
            render();
        });
    }

    private void move(T row, int by) {
        int from = rows.indexOf(row);
        rows.remove(from);
        rows.add(from + by, row);
        render();
    }

    private void render() {
        list.removeAll();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).place(i, rows.size(), readOnly);
            list.add(rows.get(i).layout());
        }
        onChange.run();
    }
}
