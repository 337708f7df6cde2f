package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.sync.Recounts;

/** Whether the portal's figures are being recounted after a settings change. */
@Service
public class RecountData {
    private final Recounts recounts;

    public RecountData(Recounts recounts) {
        this.recounts = recounts;
    }

    /** True while a recount waits for the sync or runs: until it is through, the figures follow the old settings. */
    public boolean running(String memberId) {
        return recounts.pending(memberId).isPresent();
    }
}
