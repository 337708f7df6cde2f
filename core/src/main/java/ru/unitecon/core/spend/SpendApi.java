package ru.unitecon.core.spend;

import ru.unitecon.core.access.BearerCredential;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.bitrix.inbound.MalformedRequest;
import ru.unitecon.core.portal.InstallationStatus;
import ru.unitecon.core.store.SecretStore;
import ru.unitecon.core.store.InstallationStore;
import ru.unitecon.core.store.SettingsStore;
import ru.unitecon.core.store.SpendStore;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Takes spend posted with a portal's Spend API token. The unit that is replaced is a month × channel: each month
 * and channel a request names gets exactly the request's amount for it (its month row, or the sum of its day rows),
 * and every other month and channel keeps its spend. A request is stored whole or not at all.
 */
public final class SpendApi {
    /** Far above a year of daily rows for a dozen channels (≈ 4 400 rows, ≈ 200 KiB as CSV). */
    public static final int MAX_BODY_BYTES = 512 * 1024;

    private final SecretStore secrets;
    private final InstallationStore portals;
    private final SettingsStore settings;
    private final SpendStore spend;

    public SpendApi(SecretStore secrets, InstallationStore portals, SettingsStore settings, SpendStore spend) {
        this.secrets = secrets;
        this.portals = portals;
        this.settings = settings;
        this.spend = spend;
    }

    public SpendPostOutcome post(String authorization, String contentType, String body) {
        if (body.length() > MAX_BODY_BYTES || body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            return new SpendPostOutcome.TooLarge(MAX_BODY_BYTES);
        }
        Optional<String> memberId = BearerCredential.parse(authorization)
                .filter(credential -> secrets.verify(credential.memberId(), SecretKind.SPEND_API, credential.secret()))
                .map(BearerCredential::memberId)
                .filter(member -> portals.find(member).filter(p -> p.status() != InstallationStatus.UNINSTALLED).isPresent());
        if (memberId.isEmpty()) {
            return new SpendPostOutcome.Unauthorized();
        }
        String currency = settings.load(memberId.get()).currency();
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        SpendRows.Parsed parsed;
        try {
            parsed = switch (type) {
                case "text/csv", "application/csv" -> SpendRows.csv(body, currency);
                case "application/json" -> SpendRows.json(body, currency);
                default -> null;
            };
        } catch (MalformedRequest e) {
            return new SpendPostOutcome.Malformed(e.getMessage());
        }
        if (parsed == null) {
            return new SpendPostOutcome.UnsupportedType();
        }
        if (!parsed.isValid()) {
            return new SpendPostOutcome.Rejected(parsed.errors());
        }
        if (parsed.amounts().size() > SpendStore.maxCellsPerChange()) {
            return new SpendPostOutcome.Rejected(List.of(new RowError(0, SpendProblem.TOO_MANY,
                    parsed.amounts().size() + " > " + SpendStore.maxCellsPerChange())));
        }
        spend.replaceCells(memberId.get(), parsed.amounts());
        return new SpendPostOutcome.Stored(List.copyOf(parsed.amounts().keySet()));
    }

    /** The header a script sends, for the UI's example. */
    public static String authorization(String memberId, String token) {
        return new BearerCredential(memberId, token).header();
    }
}
