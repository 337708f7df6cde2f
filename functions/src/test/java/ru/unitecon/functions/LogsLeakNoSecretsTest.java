package ru.unitecon.functions;

import org.junit.jupiter.api.Test;
import ru.unitecon.simulator.DatasetGenerator;
import ru.unitecon.simulator.FramePost;
import ru.unitecon.simulator.IssuedTokens;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Captures everything the app writes (stdout, stderr where slf4j-simple logs, and java.util.logging) over a full
 * life: install, install event, backfill, lead events, refused forgeries, an employee's refused install, an app
 * update that renews the application token, a sync that refreshes an expired token,
 * the scheduler's reconciliation and its keep-alive refresh, a refused refresh. No token or secret may appear.
 */
class LogsLeakNoSecretsTest {

    @Test
    void noTokenOrSecretAppearsInTheLogsOfAFullRun() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        PrintStream err = System.err;
        Handler julCapture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                capture.println(record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage()
                        + " " + (record.getParameters() == null ? "" : List.of(record.getParameters())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger julRoot = Logger.getLogger("");
        Set<String> secrets = new LinkedHashSet<>();
        System.setOut(capture);
        System.setErr(capture);
        julRoot.addHandler(julCapture);
        try (AppOnSimulatedPortal app = AppOnSimulatedPortal.start(DatasetGenerator.generate(31, 60))) {
            secrets.add(app.portal.seed().clientSecret());
            app.installAndBackfill();
            secrets.add(app.portal.applicationToken());
            app.portal.records().biSources().forEach(source -> secrets.add(source.settings().get("token")));
            app.portal.biBuilder().data("monthly_metrics", List.of(), null, null, 5);
            remember(secrets, app);

            app.editEveryLead(20);
            app.portal.deliverEvent("ONCRMDEALUPDATE", 1, true);
            app.post("/events", forgedEvent(app, app.portal.applicationToken() + "0"));
            app.post("/install?DOMAIN=" + app.portal.domain(), forgedInstall(app, secrets));
            FramePost employee = app.portal.framePost("DEFAULT", app.gateway.url("/install"), "ru",
                    app.portal.employeeUserId(), Map.of());
            secrets.add(employee.form().get("AUTH_ID"));
            secrets.add(employee.form().get("REFRESH_ID"));
            app.post("/install?" + employee.url().getRawQuery(), employee.body());
            app.portal.updateApp();
            secrets.add(app.portal.applicationToken());
            remember(secrets, app);
            app.sync();
            remember(secrets, app);

            app.simulator.expireAllAccessTokens();
            app.editEveryLead(5);
            app.sync();
            remember(secrets, app);

            app.clock.advance(Duration.ofDays(151));
            app.schedulerHandler.handleRequest(null, null);
            remember(secrets, app);

            app.portal.revokeRefreshTokens();
            app.simulator.expireAllAccessTokens();
            app.editEveryLead(2);
            app.sync();
        } finally {
            julRoot.removeHandler(julCapture);
            System.setOut(out);
            System.setErr(err);
        }

        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("installed"), "the run was logged at all");
        assertTrue(logs.contains("dropped"), "the forged event was dropped and logged");
        assertTrue(secrets.size() >= 6, "secrets collected: " + secrets.size());
        assertEquals(List.of(), secrets.stream().filter(logs::contains).toList());
    }

    /** The pair stored right now, so every pair the run went through is looked for. */
    private static void remember(Set<String> secrets, AppOnSimulatedPortal app) {
        app.portals.load(app.memberId()).ifPresent(tokens -> {
            secrets.add(tokens.accessToken());
            secrets.add(tokens.refreshToken());
        });
    }

    private static String forgedEvent(AppOnSimulatedPortal app, String applicationToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", "ONCRMLEADUPDATE");
        form.put("data[FIELDS][ID]", "1");
        form.put("ts", Long.toString(app.clock.instant().getEpochSecond()));
        form.put("auth[domain]", app.portal.domain());
        form.put("auth[member_id]", app.memberId());
        form.put("auth[application_token]", applicationToken);
        return AppOnSimulatedPortal.formBody(form);
    }

    /** A genuine live token of the portal's admin, posted with another member_id: refused, and logged as such. */
    private static String forgedInstall(AppOnSimulatedPortal app, Set<String> secrets) {
        String admin = app.portal.seed().dataset().adminUserId();
        IssuedTokens tokens = app.portal.issueTokens(admin);
        secrets.add(tokens.accessToken());
        secrets.add(tokens.refreshToken());
        FramePost frame = app.portal.framePost("DEFAULT", app.gateway.url("/install"), "ru", admin, Map.of());
        Map<String, String> form = new HashMap<>(frame.form());
        form.put("AUTH_ID", tokens.accessToken());
        form.put("REFRESH_ID", tokens.refreshToken());
        form.put("member_id", "0123456789abcdef0123456789abcdef");
        return new FramePost(frame.url(), form).body();
    }
}
