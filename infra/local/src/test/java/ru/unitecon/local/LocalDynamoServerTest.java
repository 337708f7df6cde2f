package ru.unitecon.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.unitecon.core.attribution.LeadSource;
import ru.unitecon.core.crm.LeadSnapshot;
import ru.unitecon.core.crm.Semantic;
import ru.unitecon.core.bookkeeping.Measure;
import ru.unitecon.core.portal.PortalSettings;
import ru.unitecon.core.wiring.AppServices;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocalDynamoServerTest {
    private static final String TABLE = "unit-economics";
    private static final String MEMBER = "0123456789abcdef0123456789abcdef";
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void dataInAFolderSurvivesARestart(@TempDir Path data) throws Exception {
        try (LocalDynamoServer server = LocalDynamoServer.start(data, 0, TABLE);
             DynamoDbClient client = server.newClient()) {
            AppServices.on(client, TABLE).build().recordStore().apply(MEMBER, PortalSettings.defaults(),
                    new LeadSnapshot(1, Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T10:00:00Z"),
                            LeadSource.ofUtm("vk", null, null), Semantic.IN_PROGRESS, null, BigDecimal.ZERO, 1L, null));
        }

        try (LocalDynamoServer restarted = LocalDynamoServer.start(data, 0, TABLE);
             DynamoDbClient client = restarted.newClient()) {
            long leads = AppServices.on(client, TABLE).build().aggregates().load(MEMBER, NOVEMBER, NOVEMBER)
                    .counters().values().stream().mapToLong(c -> c.count(Measure.LEADS)).sum();
            assertEquals(1, leads);
        }
    }
}
