package ru.unitecon.core.store;

import org.junit.jupiter.api.Test;
import ru.unitecon.core.portal.AlertKind;
import ru.unitecon.core.portal.AlertSettings;
import ru.unitecon.testsupport.LocalDynamo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertSettingsStoreTest {
    private final DynamoDbClient dynamo = LocalDynamo.client();
    private final AlertSettingsStore store = new AlertSettingsStore(dynamo, LocalDynamo.TABLE);
    private final String member = LocalDynamo.freshMemberId();

    @Test
    void theResponseThresholdIsKeptAndAnItemFromBeforeItGetsTheDefault() {
        AlertSettings chosen = AlertSettings.defaults(1L, "ru").withAnsweredIn15Percent(new BigDecimal("65"))
                .withRecipients(AlertKind.SLOW_RESPONSE, List.of(6L));
        store.save(member, chosen);
        assertEquals(chosen, store.load(member));

        dynamo.updateItem(UpdateItemRequest.builder().tableName(LocalDynamo.TABLE)
                .key(Map.of(TableDefinition.PK, Attributes.s(Keys.partition(member)),
                        TableDefinition.SK, Attributes.s(Keys.ALERT_SETTINGS)))
                .updateExpression("REMOVE answeredIn15Percent").build());

        AlertSettings before = store.load(member);
        assertEquals(0, AlertSettings.DEFAULT_ANSWERED_IN_15_PERCENT.compareTo(before.answeredIn15Percent()));
        assertEquals(List.of(6L), before.recipientsOf(AlertKind.SLOW_RESPONSE));
    }
}
