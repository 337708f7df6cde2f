package ru.unitecon.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import org.springframework.beans.factory.annotation.Value;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.ui.data.DashboardData;
import ru.unitecon.ui.data.AdAccountsData;
import ru.unitecon.ui.data.IntegrationsData;

/**
 * The BI export URL, the Spend API token and the ad accounts: their state for everyone, creating, revoking,
 * connecting and disconnecting for portal administrators only. A new secret is shown once, in full, to copy; the table keeps only its hash.
 */
@Route(value = "integrations", layout = MainLayout.class)
public class IntegrationsView extends DashboardView {
    private static final String CSV_EXAMPLE = "2026-03-01;yandex_direct;1 200,50;RUB";

    private final IntegrationsData secrets;
    private final AdAccountsData ads;
    private final String apiUrl;
    private final Div bi = new Div();
    private final Div spendApi = new Div();

    /** @param apiUrl the functions' public base URL ({@code unitecon.api-url}, env {@code API_URL}) */
    public IntegrationsView(DashboardData dashboards, IntegrationsData secrets, AdAccountsData ads,
                            @Value("${unitecon.api-url}") String apiUrl) {
        super(dashboards, "integrations.title");
        this.secrets = secrets;
        this.ads = ads;
        this.apiUrl = apiUrl.strip().replaceAll("/+$", "");
        bi.setId("bi-section");
        bi.setWidthFull();
        spendApi.setId("spend-api-section");
        spendApi.setWidthFull();
    }

    @Override
    protected void entered(BeforeEnterEvent event) {
        removeAll();
        add(new H2(getTranslation("integrations.title")));
        if (apiUrl.isEmpty()) {
            Paragraph missing = new Paragraph(getTranslation("integrations.noApiUrl"));
            missing.setId("integrations-no-api-url");
            add(missing);
        }
        if (!portal().admin()) {
            Paragraph adminOnly = new Paragraph(getTranslation("integrations.adminOnly"));
            adminOnly.setId("integrations-admin-only");
            add(adminOnly);
        }
        add(bi, spendApi, new AdAccountsSection(ads, portal(), figures()));
        showBi(null);
        showSpendApi(null);
    }

    private String base() {
        return apiUrl.isEmpty() ? "https://API_URL" : apiUrl;
    }

    /** @param secret the secret just created, shown this once; null otherwise */
    private void showBi(String secret) {
        bi.removeAll();
        bi.add(new H3(getTranslation("integrations.bi.title")), new Paragraph(getTranslation("integrations.bi.text")),
                state("bi", SecretKind.BI_EXPORT));
        String csvUrl = base() + "/bi/" + memberId() + "/" + (secret == null ? "SECRET" : secret) + ".csv";
        if (secret != null) {
            bi.add(shownOnce("bi-url", csvUrl),
                    shownOnce("bi-json-url", csvUrl.substring(0, csvUrl.length() - ".csv".length()) + ".json"));
        }
        bi.add(new Paragraph(getTranslation("integrations.bi.examples")),
                example("bi-example", "=IMPORTDATA(\"" + csvUrl + "\")\n"
                        + "curl '" + csvUrl + "?from=2025-04&to=2026-03'"),
                buttons("bi", SecretKind.BI_EXPORT));
    }

    private void showSpendApi(String token) {
        spendApi.removeAll();
        spendApi.add(new H3(getTranslation("integrations.spend.title")),
                new Paragraph(getTranslation("integrations.spend.text")), state("spend", SecretKind.SPEND_API));
        String authorization = secrets.spendApiAuthorization(memberId(), token == null ? "TOKEN" : token);
        if (token != null) {
            spendApi.add(shownOnce("spend-token", authorization.substring("Bearer ".length())));
        }
        String url = base() + "/spend";
        spendApi.add(new Paragraph(getTranslation("integrations.spend.examples")),
                example("spend-example", "curl -X POST '" + url + "' \\\n"
                        + "  -H 'Authorization: " + authorization + "' \\\n"
                        + "  -H 'Content-Type: text/csv; charset=utf-8' \\\n"
                        + "  --data-binary $'date;channel;amount;currency\\n" + CSV_EXAMPLE + "\\n'\n\n"
                        + "curl -X POST '" + url + "' \\\n"
                        + "  -H 'Authorization: " + authorization + "' \\\n"
                        + "  -H 'Content-Type: application/json' \\\n"
                        + "  -d '[{\"month\": \"2026-03\", \"channel\": \"vk\", \"amount\": 15000, \"currency\": \"RUB\"}]'"),
                buttons("spend", SecretKind.SPEND_API));
    }

    private Span state(String prefix, SecretKind kind) {
        Span state = new Span(secrets.createdAt(memberId(), kind)
                .map(created -> getTranslation("integrations.active", figures().dateTime(created)))
                .orElseGet(() -> getTranslation("integrations.none")));
        state.setId(prefix + "-state");
        return state;
    }

    private HorizontalLayout buttons(String prefix, SecretKind kind) {
        boolean exists = secrets.createdAt(memberId(), kind).isPresent();
        Button create = new Button(getTranslation(exists ? "integrations.replace" : "integrations.create"),
                click -> create(kind));
        create.setId(prefix + "-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button revoke = new Button(getTranslation("integrations.revoke"), click -> revoke(kind));
        revoke.setId(prefix + "-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.setVisible(exists);
        create.setEnabled(portal().admin());
        revoke.setEnabled(portal().admin());
        return new HorizontalLayout(create, revoke);
    }

    /** Checked here as well as by the disabled buttons: a click forged by the client changes nothing. */
    private void create(SecretKind kind) {
        if (!portal().admin()) {
            return;
        }
        String secret = secrets.create(memberId(), kind);
        if (kind == SecretKind.BI_EXPORT) {
            showBi(secret);
        } else {
            showSpendApi(secret);
        }
    }

    private void revoke(SecretKind kind) {
        if (!portal().admin()) {
            return;
        }
        secrets.revoke(memberId(), kind);
        if (kind == SecretKind.BI_EXPORT) {
            showBi(null);
        } else {
            showSpendApi(null);
        }
    }

    private HorizontalLayout shownOnce(String id, String value) {
        TextField field = new TextField(getTranslation("integrations.shownOnce"));
        field.setId(id);
        field.setValue(value);
        field.setReadOnly(true);
        field.setWidthFull();
        Button copy = new Button(getTranslation("integrations.copy"),
                click -> field.getElement().executeJs("navigator.clipboard.writeText($0)", value));
        copy.setId(id + "-copy");
        HorizontalLayout row = new HorizontalLayout(field, copy);
        row.setWidthFull();
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private static Pre example(String id, String text) {
        Pre pre = new Pre(text);
        pre.setId(id);
        pre.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all")
                .set("font-size", "var(--lumo-font-size-s)");
        return pre;
    }
}
