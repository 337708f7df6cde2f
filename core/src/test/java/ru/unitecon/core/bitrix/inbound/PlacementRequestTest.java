package ru.unitecon.core.bitrix.inbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacementRequestTest {
    static final String QUERY = "DOMAIN=acme.bitrix24.com&PROTOCOL=1&LANG=en&APP_SID=926d17365a87fbb35bace60dcc8f08cf";
    static final String BODY = "AUTH_ID=4991e866000000000000000000000001&AUTH_EXPIRES=3600"
            + "&REFRESH_ID=39101067000000000000000000000002&member_id=010b6886ebc205e43ae65000ee00addb"
            + "&status=L&PLACEMENT=DEFAULT&PLACEMENT_OPTIONS=%7B%22any%22%3A%2228%5C%2F%22%7D";

    @Test
    void installPagePostIsRead() {
        PlacementRequest request = PlacementRequest.parse(QUERY, BODY);

        assertEquals("acme.bitrix24.com", request.domain());
        assertTrue(request.https());
        assertEquals("en", request.language());
        assertEquals("010b6886ebc205e43ae65000ee00addb", request.memberId());
        assertEquals("4991e866000000000000000000000001", request.accessToken());
        assertEquals("39101067000000000000000000000002", request.refreshToken());
        assertEquals(Duration.ofHours(1), request.accessExpiresIn());
        assertEquals("L", request.status());
        assertEquals("DEFAULT", request.placement());
        assertEquals(Map.of("any", "28/"), request.placementOptions());
        assertNull(request.serverEndpoint());
    }

    @Test
    void dealTabCarriesTheDealIdAndTheNewerOptionalFields() {
        String body = BODY.replace("PLACEMENT=DEFAULT", "PLACEMENT=CRM_DEAL_DETAIL_TAB")
                .replace("PLACEMENT_OPTIONS=%7B%22any%22%3A%2228%5C%2F%22%7D",
                        "PLACEMENT_OPTIONS=%7B%22ID%22%3A%228061%22%7D")
                + "&SERVER_ENDPOINT=https%3A%2F%2Foauth.bitrix.info%2Frest%2F&APPLICATION_TOKEN=apptoken0000000003";

        PlacementRequest request = PlacementRequest.parse(QUERY, body);

        assertEquals("CRM_DEAL_DETAIL_TAB", request.placement());
        assertEquals("8061", request.placementOptions().get("ID"));
        assertEquals("https://oauth.bitrix.info/rest/", request.serverEndpoint());
        assertFalse(request.toString().contains("apptoken0000000003"));
    }

    @Test
    void toStringShowsNoToken() {
        String body = BODY + "&APPLICATION_TOKEN=apptoken0000000003";

        String text = PlacementRequest.parse(QUERY, body).toString();

        assertFalse(text.contains("4991e866000000000000000000000001"));
        assertFalse(text.contains("39101067000000000000000000000002"));
        assertFalse(text.contains("apptoken0000000003"));
        assertFalse(text.contains("926d17365a87fbb35bace60dcc8f08cf"));
        assertTrue(text.contains("010b6886ebc205e43ae65000ee00addb"));
    }

    @Test
    void domainThatIsNotAHostIsRefused() {
        String query = QUERY.replace("DOMAIN=acme.bitrix24.com", "DOMAIN=acme.bitrix24.com%2F%3Cscript%3E");

        assertThrows(MalformedRequest.class, () -> PlacementRequest.parse(query, BODY));
    }

    @Test
    void placementOptionsThatAreNotJsonAreRefused() {
        String body = BODY.replace("PLACEMENT_OPTIONS=%7B%22any%22%3A%2228%5C%2F%22%7D", "PLACEMENT_OPTIONS=%7Bnope");

        assertThrows(MalformedRequest.class, () -> PlacementRequest.parse(QUERY, body));
    }

    @Test
    void postWithoutAccessTokenIsRefused() {
        String body = BODY.replace("AUTH_ID=4991e866000000000000000000000001&", "");

        MalformedRequest error = assertThrows(MalformedRequest.class, () -> PlacementRequest.parse(QUERY, body));
        assertEquals("missing AUTH_ID", error.getMessage());
    }

    @Test
    void plainHttpPortalIsNoted() {
        PlacementRequest request = PlacementRequest.parse(QUERY.replace("PROTOCOL=1", "PROTOCOL=0"), BODY);

        assertFalse(request.https());
    }
}
