package ru.unitecon.ui.views;

import com.vaadin.flow.component.Component;

import java.util.Optional;

/** A channel's name in the viewer's language; the whole portal reads "all channels". */
final class ChannelNames {
    private ChannelNames() {
    }

    static String of(Component view, String code) {
        if (code == null) {
            return "";
        }
        String key = "channel." + code;
        String name = view.getTranslation(key);
        // A portal's own channel has no translation: its code is its name.
        return name.contains(key) ? code : name;
    }

    static String of(Component view, Optional<String> channel) {
        return channel.map(code -> of(view, code)).orElseGet(() -> view.getTranslation("channel.all"));
    }
}
