package ru.unitecon.ui.views;

import com.vaadin.flow.component.Component;

/** A channel's display name in the viewer's language; a portal's own channel is called by its code. */
final class ChannelNames {
    private ChannelNames() {
    }

    static String of(Component component, String code) {
        if (code == null) {
            return "";
        }
        String key = "channel." + code;
        String name = component.getTranslation(key);
        return name.contains(key) ? code : name;
    }
}
