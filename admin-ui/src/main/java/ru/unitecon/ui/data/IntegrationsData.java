package ru.unitecon.ui.data;

import org.springframework.stereotype.Service;
import ru.unitecon.core.store.SecretStore;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.spend.SpendApi;

import java.time.Instant;
import java.util.Optional;

/** One portal's BI export secret and Spend API token, as the integrations view shows, creates and revokes them. */
@Service
public class IntegrationsData {
    private final SecretStore secrets;

    public IntegrationsData(SecretStore secrets) {
        this.secrets = secrets;
    }

    /** When the portal's secret of this kind was created, or empty when it has none. */
    public Optional<Instant> createdAt(String memberId, SecretKind kind) {
        return secrets.createdAt(memberId, kind);
    }

    /** A new secret in place of any earlier one, to be shown once: only its hash is kept. */
    public String create(String memberId, SecretKind kind) {
        return secrets.create(memberId, kind);
    }

    public void revoke(String memberId, SecretKind kind) {
        secrets.revoke(memberId, kind);
    }

    /** The Authorization header a script sends to the Spend API with this token, for the view's example. */
    public String spendApiAuthorization(String memberId, String token) {
        return SpendApi.authorization(memberId, token);
    }
}
