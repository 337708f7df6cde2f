package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import ru.unitecon.core.bitrix.inbound.FormBody;
import ru.unitecon.simulator.DatasetGenerator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Throws generated requests at an installed portal's install handler, in-process as API Gateway hands them over,
 * and generated event bodies at the sync handler, as records of the events queue the way API Gateway's SQS
 * integration queues them: malformed and oversized form bodies, odd percent-encodings, repeated keys, JSON,
 * binary, base64, and well-formed events and install posts that carry a wrong token. None of them is genuine, so
 * every install answer must be a 4xx with a short message of ours, every event must be dropped (counted, never
 * sent back to the queue), and neither the table nor the queues may change.
 */
class EndpointFuzzTest {
    /** Words that only an internal message would carry: exception names, SDK and stack-trace text. */
    private static final Pattern INTERNAL = Pattern.compile(
            "Exception|Error:|DynamoDb|dynamodb|software\\.amazon|\\bat ru\\.|\\bat java\\.|java\\.|Caused by|"
                    + "jackson|NullPointer|ru\\.unitecon", Pattern.CASE_INSENSITIVE);
    private static final List<String> EVENT_NAMES = List.of("ONCRMLEADADD", "ONCRMLEADUPDATE", "ONCRMLEADDELETE",
            "ONCRMDEALADD", "ONCRMDEALUPDATE", "ONCRMDEALDELETE", "ONAPPINSTALL", "ONAPPUNINSTALL", "ONAPPUPDATE",
            "onCrmLeadUpdate", "ONCRMCONTACTADD", "", " ", "ONCRMLEADUPDATE\u0000", "ЛИД");

    private static AppOnSimulatedPortal app;
    private Set<String> itemsBefore;

    @BeforeContainer
    static void installedPortal() {
        app = AppOnSimulatedPortal.start(DatasetGenerator.generate(5, 30));
        app.installAndBackfill();
    }

    @AfterContainer
    static void close() {
        app.close();
    }

    @BeforeProperty
    void rememberTheTable() {
        itemsBefore = tableItems();
        assertEquals(0, app.queue.size());
    }

    @AfterProperty
    void nothingWasStoredOrQueued() {
        assertEquals(itemsBefore, tableItems());
        assertEquals(0, app.queue.size());
        assertEquals(List.of(), app.portal.violations());
    }

    @Property(tries = 6_000)
    void theSyncDropsEveryNonGenuineEventBody(@ForAll("eventBodies") String body) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(UUID.randomUUID().toString());
        record.setEventSourceArn(app.queue.eventsArn);
        record.setBody(body);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        long dropped = app.inbox.dropped();

        SQSBatchResponse response = app.syncHandler.handleRequest(event, null);

        assertEquals(List.of(), response.getBatchItemFailures(), "dropped, never sent back");
        assertEquals(dropped + 1, app.inbox.dropped());
    }

    @Property(tries = 5_000)
    void installEndpointRefusesEveryNonGenuinePost(@ForAll("installRequests") APIGatewayV2HTTPEvent request) {
        APIGatewayV2HTTPResponse response = app.installHandler.handleRequest(request, null);

        assertRefusedCleanly(response);
    }

    private static void assertRefusedCleanly(APIGatewayV2HTTPResponse response) {
        int status = response.getStatusCode();
        assertTrue(status >= 400 && status < 500, () -> "answered " + status + ": " + response.getBody());
        assertFalse(INTERNAL.matcher(response.getBody()).find(), () -> "internal text: " + response.getBody());
    }

    /** Message bodies: the POST's text, or its base64 (SQS takes no empty body, so the gateway queues none). */
    @Provide
    Arbitrary<String> eventBodies() {
        return Arbitraries.oneOf(
                formLikeText(),
                anyText(),
                forgedEvent(),
                forgedEvent().map(EndpointFuzzTest::asJson),
                forgedEvent().map(body -> Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))),
                binary().map(Base64.getEncoder()::encodeToString),
                forgedEvent().map(EndpointFuzzTest::oversized),
                Arbitraries.of("&", "=", "&&&=&", " ", "event=", "ZXZlbnQ9"))
                .filter(body -> !body.isEmpty());
    }

    @Provide
    Arbitrary<APIGatewayV2HTTPEvent> installRequests() {
        Arbitrary<String> query = Arbitraries.oneOf(
                Arbitraries.just("DOMAIN=" + app.portal.domain() + "&PROTOCOL=1&LANG=ru&APP_SID=abc"),
                Arbitraries.of("", "DOMAIN=", "DOMAIN=evil.example%2Fpath", "DOMAIN=a%0d%0aSet-Cookie:x",
                        "DOMAIN=" + "a".repeat(300), "DOMAIN=x&DOMAIN=y", "DOMAIN=%ZZ", "LANG=ru"),
                formLikeText());
        Arbitrary<String> body = Arbitraries.oneOf(forgedInstallBody(), formLikeText(), anyText(),
                forgedInstallBody().map(EndpointFuzzTest::asJson), forgedInstallBody().map(EndpointFuzzTest::oversized));
        return Combinators.combine(query, body, Arbitraries.integers().between(0, 9)).as((q, b, encoding) ->
                withQuery(encoding == 0 ? base64(b.getBytes(StandardCharsets.UTF_8)) : plain(b), q));
    }

    /** An event that reads well but is not genuine: wrong application token, or a member that is not this one. */
    private Arbitrary<String> forgedEvent() {
        Arbitrary<String> member = Arbitraries.oneOf(Arbitraries.just(app.memberId()), hex(32),
                Arbitraries.of("", "P#x", app.memberId().toUpperCase(), app.memberId() + "#MONTHLY",
                        "a".repeat(5_000), "../" + app.memberId()));
        Arbitrary<String> token = Arbitraries.oneOf(hex(32), Arbitraries.of("", " ", "null",
                app.portal.applicationToken() + "x", app.portal.applicationToken().substring(1),
                app.portal.applicationToken().toUpperCase() + "\u0000"));
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.longs().between(-5, 1_000_000).map(String::valueOf),
                Arbitraries.of("", "1e3", "0x10", "99999999999999999999", "7;DROP", " 5 "));
        Arbitrary<String> ts = Arbitraries.oneOf(Arbitraries.just(Long.toString(app.clock.instant().getEpochSecond())),
                Arbitraries.of("", "-1", "0", "abc", "9".repeat(30), "1e9"));
        Arbitrary<String> accessToken = Arbitraries.oneOf(hex(32), Arbitraries.just(""));
        Arbitrary<List<String>> extras = extraFields().list().ofMaxSize(4);
        return Combinators.combine(Arbitraries.of(EVENT_NAMES), member, token, id, ts, accessToken, extras)
                .as((event, memberId, applicationToken, entityId, sentAt, access, extra) -> {
                    Map<String, String> form = new LinkedHashMap<>();
                    form.put("event", event);
                    form.put("event_handler_id", "3");
                    form.put("data[FIELDS][ID]", entityId);
                    form.put("ts", sentAt);
                    form.put("auth[domain]", app.portal.domain());
                    form.put("auth[client_endpoint]", app.portal.clientEndpoint().toString());
                    form.put("auth[server_endpoint]", app.portal.serverEndpoint().toString());
                    form.put("auth[member_id]", memberId);
                    form.put("auth[application_token]", applicationToken);
                    if (!access.isEmpty()) {
                        form.put("auth[access_token]", access);
                        form.put("auth[refresh_token]", access);
                        form.put("auth[expires]", sentAt);
                    }
                    return joined(AppOnSimulatedPortal.formBody(form), extra);
                });
    }

    /** An install-page POST of this portal's member_id with an AUTH_ID the OAuth server never issued. */
    private Arbitrary<String> forgedInstallBody() {
        Arbitrary<String> authId = Arbitraries.oneOf(hex(32), Arbitraries.of("", "%00", "a b", "x".repeat(2_000)));
        Arbitrary<String> member = Arbitraries.oneOf(Arbitraries.just(app.memberId()), hex(32),
                Arbitraries.of("", "a".repeat(3_000)));
        Arbitrary<String> serverEndpoint = Arbitraries.oneOf(
                Arbitraries.just(app.simulator.oauthServerUrl() + "rest/"),
                Arbitraries.of("", "https://oauth.evil.example/rest/", "http://[::1", "javascript:alert(1)",
                        "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/"));
        Arbitrary<String> options = Arbitraries.of("", "{}", "[]", "{\"ID\":7}", "{", "null", "\"x\"", "[1,2]",
                "{\"a\":{\"b\":[1,{\"c\":null}]}}");
        Arbitrary<List<String>> extras = extraFields().list().ofMaxSize(3);
        return Combinators.combine(authId, member, serverEndpoint, options,
                        Arbitraries.of("3600", "", "-1", "abc", "9".repeat(25)), extras)
                .as((auth, memberId, server, placementOptions, expires, extra) -> {
                    Map<String, String> form = new LinkedHashMap<>();
                    form.put("AUTH_ID", auth);
                    form.put("AUTH_EXPIRES", expires);
                    form.put("REFRESH_ID", auth);
                    form.put("member_id", memberId);
                    form.put("status", "L");
                    form.put("PLACEMENT", "DEFAULT");
                    form.put("PLACEMENT_OPTIONS", placementOptions);
                    form.put("SERVER_ENDPOINT", server);
                    return joined(AppOnSimulatedPortal.formBody(form), extra);
                });
    }

    /** Raw key=value pairs: repeats of the fields that authenticate, bad brackets and escapes, overlong UTF-8. */
    private static Arbitrary<String> extraFields() {
        return Arbitraries.oneOf(
                Arbitraries.of("auth[application_token]=x", "auth[member_id]=0123456789abcdef0123456789abcdef",
                        "auth=flat", "auth[member_id][0]=x", "event=ONAPPUNINSTALL", "data[CLEAN]=1", "AUTH_ID=y",
                        "member_id=z", "a[b[c]=1", "a]=1", "a[=1", "%=1", "x=%C0%AF", "x=%FF%FE", "x=%00",
                        "x=%u0041", "x=%2525", "x[][][][][][][][]=deep", "=value", "x=\u00e9", "x=%ED%A0%80",
                        "data[FIELDS][ID][]=1", "ts[]=1"),
                Arbitraries.strings().withChars("%[]=+&;#aZ09").ofMaxLength(20));
    }

    private static Arbitrary<String> formLikeText() {
        return Arbitraries.strings().withChars("%[]=&+;aAuth_[member]0123456789fF\u00e9 \t\r\n").ofMaxLength(300);
    }

    private static Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(400);
    }

    private static Arbitrary<byte[]> binary() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    }

    private static Arbitrary<String> hex(int length) {
        return Arbitraries.bytes().array(byte[].class).ofSize(length / 2).map(HexFormat.of()::formatHex);
    }

    private static String joined(String body, List<String> extra) {
        List<String> parts = new ArrayList<>();
        parts.add(body);
        parts.addAll(extra);
        return String.join("&", parts);
    }

    private static String asJson(String formBody) {
        return "{" + Arrays.stream(formBody.split("&"))
                .map(pair -> pair.split("=", 2))
                .map(kv -> "\"" + kv[0].replace("\"", "\\\"") + "\":\"" + (kv.length > 1 ? kv[1] : "") + "\"")
                .collect(Collectors.joining(",")) + "}";
    }

    private static String oversized(String body) {
        return body + "&padding=" + "%41".repeat(FormBody.MAX_BYTES / 3 + 10);
    }

    private static APIGatewayV2HTTPEvent plain(String body) {
        return APIGatewayV2HTTPEvent.builder().withBody(body).withIsBase64Encoded(false).build();
    }

    private static APIGatewayV2HTTPEvent base64(byte[] body) {
        return APIGatewayV2HTTPEvent.builder().withBody(Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(true).build();
    }

    private static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, String query) {
        event.setRawQueryString(query);
        return event;
    }

    private static Set<String> tableItems() {
        return app.dynamo.scanPaginator(b -> b.tableName(app.table).consistentRead(true)).items().stream()
                .map(EndpointFuzzTest::describe).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(Map<String, AttributeValue> item) {
        return new TreeMap<>(item).toString();
    }
}
