package ru.unitecon.core.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The one table, defined once: tests, the local run and template.yaml (checked by a test) all follow this.
 * Every item's partition key is {@code P#{member_id}}; the sparse {@value #DUE_INDEX} index holds open
 * appointments by the UTC hour they fall in, for the scheduler.
 */
public final class TableDefinition {
    public static final String TABLE_NAME_VARIABLE = "TABLE_NAME";
    public static final String DEFAULT_TABLE_NAME = "unit-economics";

    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String DUE_INDEX = "due";
    public static final String DUE_PK = "dueBucket";
    public static final String DUE_SK = "dueKey";
    /** Epoch seconds after which DynamoDB may delete the item (tombstones of deleted leads and deals). */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private TableDefinition() {
    }

    public static String tableNameFromEnvironment() {
        String name = System.getenv(TABLE_NAME_VARIABLE);
        return name == null || name.isBlank() ? DEFAULT_TABLE_NAME : name;
    }

    public static CreateTableRequest createRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(PK), attribute(SK), attribute(DUE_PK), attribute(DUE_SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(DUE_INDEX)
                        .keySchema(key(DUE_PK, KeyType.HASH), key(DUE_SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build())
                .build();
    }

    /** Creates the table unless it exists: for DynamoDB Local and LocalStack; AWS gets it from template.yaml. */
    public static void createIfMissing(DynamoDbClient dynamo, String tableName) {
        try {
            dynamo.createTable(createRequest(tableName));
        } catch (ResourceInUseException alreadyThere) {
            // Created by an earlier run or another process: the definition is the same.
        }
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
