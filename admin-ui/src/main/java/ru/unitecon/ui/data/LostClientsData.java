package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.bitrix.BitrixException;
import ru.unitecon.core.clients.LostClient;
import ru.unitecon.core.clients.LostClients;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the retention view's lost clients section reads and does: the list from the stored clients, the masters'
 * names live, and the win-back to-do. Admins and managers alike may press "win back": it only adds a to-do to the
 * CRM, once per client and lost month, which any manager could add by hand.
 */
@Service
public class LostClientsData {
    private final LostClients lost;
    private final MasterDirectory masters;

    public LostClientsData(LostClients lost, MasterDirectory masters) {
        this.lost = lost;
        this.masters = masters;
    }

    /** The clients who became lost in a month up to the current one and are still lost. */
    public List<LostClient> lostIn(String memberId, YearMonth month) {
        return lost.lostIn(memberId, month);
    }

    /** The portal's current month: the latest one whose lost clients can be listed. */
    public YearMonth currentMonth(String memberId) {
        return lost.currentMonth(memberId);
    }

    /** The names of these clients' masters, read from the portal now; a master it cannot name is left out. */
    public Map<Long, String> masterNames(String memberId, List<LostClient> clients) {
        return masters.names(memberId, clients.stream().map(LostClient::master).filter(Objects::nonNull)
                .distinct().toList());
    }

    /** What the press did; empty when the portal refused or could not be reached (a refusal may be retried). */
    public Optional<LostClients.WinBack> winBack(String memberId, String clientKey, YearMonth month) {
        try {
            return Optional.of(lost.winBack(memberId, clientKey, month));
        } catch (BitrixException portalDidNotTakeIt) {
            return Optional.empty();
        }
    }
}
