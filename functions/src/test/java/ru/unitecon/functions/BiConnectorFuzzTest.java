package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.testsupport.SeededSalon;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Throws generated form bodies at the BI Builder connector, with the portal's genuine connection and without:
 * every answer is a 200 with data, a 400 with our reason or the 403 refusal, never a failure or internal text.
 */
class BiConnectorFuzzTest {
    private static final Pattern INTERNAL = Pattern.compile(
            "Exception|Error:|DynamoDb|software\\.amazon|\\bat ru\\.|\\bat java\\.|java\\.|Caused by|jackson|"
                    + "ru\\.unitecon", Pattern.CASE_INSENSITIVE);
    private static final Set<Integer> OUR_ANSWERS = Set.of(200, 400, 403);
    private static final BiConnectorHandler HANDLER = new BiConnectorHandler(SeededSalon.biConnector());
    private static final SeededSalon SALON = new SeededSalon().withSalesAndSpend();
    private static final String TOKEN = SALON.secrets.create(SALON.memberId, SecretKind.BI_CONNECTOR);
    private static final List<String> KEYS = List.of("table", "select", "select[0]", "select[1]", "select[x]",
            "select[0][0]", "limit", "searchString", "filter", "filter[>=MONTH]", "filter[<=month]",
            "filter[><MONTH][0]", "filter[><MONTH][1]", "filter[>MONTH][0]", "filter[0][LOGIC]",
            "filter[0][0][=CHANNEL][0]", "filter[=CHANNEL]", "connection[token]", "table[0]", "mapFields[month]");

    @Property(tries = 3_000)
    void everyAnswerIsOursAndNoneIsAFailure(@ForAll("endpoints") String endpoint, @ForAll("bodies") String body) {
        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(HttpApiEvents.request("POST",
                "/bi-connector/" + endpoint, "", Map.of(), body), null);

        assertTrue(OUR_ANSWERS.contains(response.getStatusCode()),
                () -> "answered " + response.getStatusCode() + ": " + response.getBody());
        assertFalse(response.getBody().isEmpty(), "BI Builder takes an empty body for a failure");
        assertFalse(INTERNAL.matcher(response.getBody()).find(), () -> "internal text: " + response.getBody());
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of("check", "tables", "describe", "data");
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("monthly_metrics", "MONTH", "month", "CHANNEL", "SPEND", "PROFIT", "", "0", "-1",
                        "20", "99999999999", "31.05.2025", "31.05.2025 23:59:59", "2025-05-31", "05/31/2025",
                        "31.02.2025", "2025-13-01", "00.00.0000", "1e9", "OR", "vk", "%", "[]", "{}"),
                Arbitraries.strings().ofMaxLength(40));
        Arbitrary<String> pair = Combinators.combine(Arbitraries.of(KEYS), values)
                .as((key, value) -> encode(key) + "=" + encode(value));
        Arbitrary<String> pairs = pair.list().ofMaxSize(8).map(list -> String.join("&", list));
        Arbitrary<String> connection = Arbitraries.of(
                "connection%5Bmember_id%5D=" + SALON.memberId + "&connection%5Btoken%5D=" + TOKEN,
                "connection%5Bmember_id%5D=" + SALON.memberId + "&connection%5Btoken%5D=" + TOKEN.substring(1) + "A",
                "connection%5Bmember_id%5D=%00&connection%5Btoken%5D=" + TOKEN, "");
        return Arbitraries.oneOf(
                Combinators.combine(connection, pairs).as((auth, rest) -> auth + (rest.isEmpty() ? "" : "&" + rest)),
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("%[]=&").ofMaxLength(30)
                        .map(noise -> "connection%5Bmember_id%5D=" + SALON.memberId + "&connection%5Btoken%5D="
                                + TOKEN + "&" + noise));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
