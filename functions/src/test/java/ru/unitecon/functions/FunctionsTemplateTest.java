package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import ru.unitecon.core.bitrix.inbound.FormBody;
import ru.unitecon.core.store.TableDefinition;
import ru.unitecon.eventsource.SqsSendMessageIntegration;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SAM template at the repository root against the code: handlers that exist, the variables the code reads,
 * the table as {@link TableDefinition} defines it, the queue's redrive, least-privilege policies. (Short tags such
 * as {@code !Ref Table} parse as their plain value, {@code Table}.)
 */
class FunctionsTemplateTest {
    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final Path ADMIN_UI_PROPERTIES = Path.of("..", "admin-ui", "src", "main", "resources",
            "application.properties");
    private static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";
    private static final Pattern HANDLER = Pattern.compile("([\\w.$]+)::(\\w+)");

    private final JsonNode template = read();
    private final JsonNode resources = template.path("Resources");

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile());
        } catch (IOException e) {
            throw new AssertionError("template.yaml does not parse", e);
        }
    }

    private Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new HashMap<>();
        resources.properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                found.put(entry.getKey(), entry.getValue().path("Properties"));
            }
        });
        return found;
    }

    private Class<?> handlerClass(JsonNode function) {
        Matcher handler = HANDLER.matcher(function.path("Handler").asText());
        assertTrue(handler.matches(), "Handler must be class::method, was " + function.path("Handler"));
        try {
            return Class.forName(handler.group(1));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no handler class " + handler.group(1) + " in the functions artifact", e);
        }
    }

    @Test
    void isASamTemplateOnTheJava25Runtime() {
        assertEquals("AWS::Serverless-2016-10-31", template.path("Transform").asText());
        assertEquals("java25", template.path("Globals").path("Function").path("Runtime").asText());
        assertTrue(template.path("Globals").path("Function").path("CodeUri").asText()
                .matches("functions/target/functions-[^/]+-lambda\\.jar"), "CodeUri is the shaded Lambda jar");
    }

    @Test
    void everyHandlerExistsWithItsMethodAndEveryHandlerIsDeployed() throws Exception {
        Set<String> deployed = new TreeSet<>();
        for (JsonNode function : resourcesOfType("AWS::Serverless::Function").values()) {
            Class<?> type = handlerClass(function);
            String method = function.path("Handler").asText().split("::")[1];
            assertTrue(RequestHandler.class.isAssignableFrom(type), type + " is no RequestHandler");
            assertTrue(Stream.of(type.getMethods()).anyMatch(m -> m.getName().equals(method)
                    && m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class), method);
            deployed.add(type.getName());
        }
        assertEquals(handlersInTheArtifact(), deployed);
    }

    /** Every public RequestHandler the functions module compiles: a new one must be added to the template. */
    private static Set<String> handlersInTheArtifact() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes", "ru", "unitecon", "functions");
        Set<String> handlers = new TreeSet<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .toList()) {
                String name = "ru.unitecon.functions." + file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(name);
                if (RequestHandler.class.isAssignableFrom(type) && Modifier.isPublic(type.getModifiers())) {
                    handlers.add(name);
                }
            }
        }
        return handlers;
    }

    @Test
    void theHttpApiRoutesEachPathToItsHandler() {
        Map<String, String> routes = new HashMap<>();
        resourcesOfType("AWS::Serverless::Function").values().forEach(function -> function.path("Events")
                .forEach(event -> {
                    if ("HttpApi".equals(event.path("Type").asText())) {
                        JsonNode route = event.path("Properties");
                        assertEquals("HttpApi", route.path("ApiId").asText());
                        routes.put(route.path("Method").asText() + " " + route.path("Path").asText(),
                                handlerClass(function).getSimpleName());
                    }
                }));

        assertEquals(Map.of("POST /install", "InstallHandler", "GET /health", "HealthHandler",
                "GET /bi/{proxy+}", "BiExportHandler", "POST /spend", "SpendApiHandler",
                "POST /robot", "RobotHandler", "POST /bi-connector/{endpoint}", "BiConnectorHandler"), routes);
    }

    @Test
    void theEventsRouteGoesStraightIntoTheEventsQueueWithNoFunction() {
        JsonNode route = resources.path("EventsRoute").path("Properties");
        JsonNode integration = resources.path("EventsIntegration").path("Properties");

        assertEquals("AWS::ApiGatewayV2::Route", resources.path("EventsRoute").path("Type").asText());
        assertEquals("HttpApi", route.path("ApiId").asText());
        assertEquals("POST /events", route.path("RouteKey").asText());
        assertEquals("integrations/${EventsIntegration}", route.path("Target").asText());
        assertEquals("AWS_PROXY", integration.path("IntegrationType").asText());
        assertEquals("SQS-SendMessage", integration.path("IntegrationSubtype").asText());
        assertEquals("1.0", integration.path("PayloadFormatVersion").asText());
        assertEquals("EventsToQueueRole.Arn", integration.path("CredentialsArn").asText());
        assertEquals("EventsQueue", integration.path("RequestParameters").path("QueueUrl").asText());
        assertEquals("$request.body", integration.path("RequestParameters").path("MessageBody").asText());
        assertTrue(resourcesOfType("AWS::Serverless::Function").values().stream()
                .noneMatch(function -> function.path("Handler").asText().contains("Events")), "no events function");
    }

    @Test
    void theGatewaysRoleMaySendToTheEventsQueueOnly() {
        JsonNode role = resources.path("EventsToQueueRole").path("Properties");
        List<JsonNode> statements = new ArrayList<>();
        role.path("Policies").forEach(policy -> policy.path("PolicyDocument").path("Statement")
                .forEach(statements::add));

        assertEquals("apigateway.amazonaws.com", role.path("AssumeRolePolicyDocument").path("Statement").get(0)
                .path("Principal").path("Service").asText());
        assertEquals(1, statements.size());
        assertEquals("sqs:SendMessage", statements.getFirst().path("Action").asText());
        assertEquals("EventsQueue.Arn", statements.getFirst().path("Resource").asText());
    }

    @Test
    void theEventsQueueTakesBodiesUpToTheIntegrationsLimitAndRedrivesToItsDeadLetterQueue() {
        JsonNode queue = resources.path("EventsQueue").path("Properties");

        assertEquals(SqsSendMessageIntegration.MAX_MESSAGE_BYTES, queue.path("MaximumMessageSize").asInt());
        assertEquals(FormBody.MAX_BYTES, queue.path("MaximumMessageSize").asInt());
        assertEquals("EventsDeadLetterQueue.Arn", queue.path("RedrivePolicy").path("deadLetterTargetArn").asText());
    }

    @Test
    void theEventsRouteIsThrottled() {
        JsonNode throttle = resources.path("HttpApi").path("Properties").path("RouteSettings").path("POST /events");

        assertEquals(500, throttle.path("ThrottlingBurstLimit").asInt());
        assertEquals(2000, throttle.path("ThrottlingRateLimit").asInt());
    }

    @Test
    void eachFunctionGetsExactlyTheVariablesTheCodeReads() {
        assertTrue(template.path("Globals").path("Function").path("Environment").isMissingNode(),
                "variables per function, so the health function gets none and the store-only ones only the table");
        resourcesOfType("AWS::Serverless::Function").forEach((name, function) -> {
            Set<String> given = new TreeSet<>();
            function.path("Environment").path("Variables").fieldNames().forEachRemaining(given::add);
            Class<?> handler = handlerClass(function);
            if (handler == HealthHandler.class) {
                assertEquals(Set.of(), given, name);
            } else if (handler == BiExportHandler.class || handler == BiConnectorHandler.class
                    || handler == SpendApiHandler.class) {
                given.remove(JVM_OPTIONS);
                assertEquals(ProductionServices.STORE_VARIABLES, given, name);
            } else if (handler == RobotHandler.class) {
                given.remove(JVM_OPTIONS);
                assertEquals(ProductionServices.PORTAL_VARIABLES, given, name);
            } else if (handler == SyncHandler.class) {
                given.remove(JVM_OPTIONS);
                assertEquals(new TreeSet<>(ProductionServices.SYNC_VARIABLES), given, name);
            } else if (handler == SchedulerHandler.class) {
                given.remove(JVM_OPTIONS);
                assertEquals(new TreeSet<>(ProductionServices.SCHEDULER_VARIABLES), given, name);
            } else {
                given.remove(JVM_OPTIONS);
                assertEquals(new TreeSet<>(ProductionServices.VARIABLES), given, name);
            }
        });
    }

    @Test
    void theClientSecretComesFromSecretsManagerNeverFromTheTemplate() {
        resourcesOfType("AWS::Serverless::Function").values().forEach(function -> {
            for (String variable : List.of("BITRIX_CLIENT_SECRET", "YANDEX_CLIENT_SECRET", "VK_ADS_CLIENT_SECRET")) {
                JsonNode secret = function.path("Environment").path("Variables").path(variable);
                assertTrue(secret.isMissingNode() || secret.asText().startsWith("{{resolve:secretsmanager:"),
                        secret.asText());
            }
        });
        JsonNode container = resourcesOfType("AWS::ECS::TaskDefinition").values().iterator().next()
                .path("ContainerDefinitions").get(0);
        assertTrue(container.path("Secrets").findValuesAsText("Name").contains("BITRIX_CLIENT_SECRET"));
        assertFalse(container.path("Environment").findValuesAsText("Name").contains("BITRIX_CLIENT_SECRET"));
    }

    @Test
    void theAdminUiContainerGetsTheVariablesItsConfigurationReads() throws IOException {
        Set<String> read = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(Files.readString(ADMIN_UI_PROPERTIES));
        while (placeholder.find()) {
            read.add(placeholder.group(1));
        }
        JsonNode container = resourcesOfType("AWS::ECS::TaskDefinition").values().iterator().next()
                .path("ContainerDefinitions").get(0);
        Set<String> given = new TreeSet<>(container.path("Environment").findValuesAsText("Name"));
        given.addAll(container.path("Secrets").findValuesAsText("Name"));

        assertEquals(read, given);
    }

    @Test
    void theTableIsTheOneTableDefinitionDefines() {
        JsonNode table = resources.path("Table").path("Properties");
        CreateTableRequest code = TableDefinition.createRequest("any");

        assertEquals("PAY_PER_REQUEST", table.path("BillingMode").asText());
        assertEquals(code.billingModeAsString(), table.path("BillingMode").asText());
        assertEquals(code.attributeDefinitions().stream().map(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                        .collect(Collectors.toSet()),
                stream(table.path("AttributeDefinitions"))
                        .map(a -> a.path("AttributeName").asText() + ":" + a.path("AttributeType").asText())
                        .collect(Collectors.toSet()));
        assertEquals(code.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList(),
                stream(table.path("KeySchema")).map(k -> k.path("AttributeName").asText() + ":"
                        + k.path("KeyType").asText()).toList());
        assertEquals(code.globalSecondaryIndexes().size(), table.path("GlobalSecondaryIndexes").size());
        for (GlobalSecondaryIndex index : code.globalSecondaryIndexes()) {
            JsonNode declared = stream(table.path("GlobalSecondaryIndexes"))
                    .filter(i -> i.path("IndexName").asText().equals(index.indexName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no index " + index.indexName()));
            assertEquals(index.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList(),
                    stream(declared.path("KeySchema")).map(k -> k.path("AttributeName").asText() + ":"
                            + k.path("KeyType").asText()).toList());
            assertEquals(index.projection().projectionTypeAsString(),
                    declared.path("Projection").path("ProjectionType").asText());
        }
        assertEquals(TableDefinition.TTL_ATTRIBUTE, table.path("TimeToLiveSpecification").path("AttributeName").asText());
        assertTrue(table.path("TimeToLiveSpecification").path("Enabled").asBoolean());
        assertTrue(table.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean());
        assertEquals("Retain", resources.path("Table").path("DeletionPolicy").asText());
    }

    @Test
    void theSyncFunctionConsumesBothQueuesWithPartialFailuresAndEachRedrivesToItsDeadLetterQueue() {
        JsonNode sync = resources.path("SyncFunction").path("Properties");
        List<JsonNode> sources = stream(sync.path("Events")).filter(e -> "SQS".equals(e.path("Type").asText()))
                .map(e -> e.path("Properties")).toList();

        assertEquals(SyncHandler.class, handlerClass(sync));
        assertEquals(Set.of("ChangesQueue.Arn", "EventsQueue.Arn"),
                sources.stream().map(source -> source.path("Queue").asText()).collect(Collectors.toSet()));
        assertEquals("EventsQueue.Arn", sync.path("Environment").path("Variables")
                .path(ProductionServices.EVENTS_QUEUE_ARN_VARIABLE).asText());
        for (JsonNode source : sources) {
            assertEquals("ReportBatchItemFailures", source.path("FunctionResponseTypes").get(0).asText());
        }
        for (String queueName : List.of("ChangesQueue", "EventsQueue")) {
            JsonNode queue = resources.path(queueName).path("Properties");
            assertEquals(queueName.replace("Queue", "DeadLetterQueue.Arn"),
                    queue.path("RedrivePolicy").path("deadLetterTargetArn").asText());
            assertTrue(queue.path("VisibilityTimeout").asInt() >= 6 * sync.path("Timeout").asInt(),
                    "the queue hides a message for at least six function timeouts");
        }
    }

    @Test
    void theSyncGathersItsBatchesForTheWindowTheLocalEventSourceAndTheTestsUse() {
        List<JsonNode> sources = stream(resources.path("SyncFunction").path("Properties").path("Events"))
                .filter(e -> "SQS".equals(e.path("Type").asText())).map(e -> e.path("Properties")).toList();

        assertEquals(2, sources.size());
        for (JsonNode source : sources) {
            assertEquals(SyncHandler.BATCH_SIZE, source.path("BatchSize").asInt());
            assertEquals(SyncHandler.BATCHING_WINDOW.toSeconds(),
                    source.path("MaximumBatchingWindowInSeconds").asLong());
        }
        // Lambda takes more than 10 messages from a standard queue only with a batching window of a second or more.
        assertTrue(SyncHandler.BATCH_SIZE <= 10 || SyncHandler.BATCHING_WINDOW.toSeconds() >= 1);
        assertTrue(SyncHandler.BATCH_SIZE <= 10_000, "a standard queue's most");
    }

    @Test
    void policiesNameOnlyTheTableAndTheQueueAndNoWildcardActions() {
        Set<String> allowed = Set.of("Table.Arn", "${Table.Arn}/index/*", "ChangesQueue.Arn", "AdsTokenKey.Arn");
        resourcesOfType("AWS::Serverless::Function").forEach((name, function) -> {
            List<JsonNode> statements = new ArrayList<>();
            function.path("Policies").forEach(policy -> policy.path("Statement").forEach(statements::add));
            if (handlerClass(function) == HealthHandler.class) {
                assertTrue(statements.isEmpty(), name);
            }
            for (JsonNode statement : statements) {
                Set<String> actions = new HashSet<>();
                statement.path("Action").forEach(action -> actions.add(action.asText()));
                if (statement.path("Action").isTextual()) {
                    actions.add(statement.path("Action").asText());
                }
                assertTrue(actions.stream().noneMatch(action -> action.contains("*")), name + " " + actions);
                List<String> targets = new ArrayList<>();
                JsonNode resource = statement.path("Resource");
                if (resource.isArray()) {
                    resource.forEach(r -> targets.add(r.asText()));
                } else {
                    targets.add(resource.asText());
                }
                assertTrue(allowed.containsAll(targets), name + " " + targets);
            }
        });
    }

    @Test
    void onlyTheSchedulerUsesTheTokenKeyAndOnlyToMakeAndOpenDataKeys() {
        resourcesOfType("AWS::Serverless::Function").forEach((name, function) -> {
            List<JsonNode> statements = new ArrayList<>();
            function.path("Policies").forEach(policy -> policy.path("Statement").forEach(statements::add));
            for (JsonNode statement : statements) {
                if (statement.path("Resource").asText().equals("AdsTokenKey.Arn")) {
                    assertEquals(SchedulerHandler.class, handlerClass(function), name);
                    Set<String> actions = new TreeSet<>();
                    statement.path("Action").forEach(action -> actions.add(action.asText()));
                    assertEquals(Set.of("kms:Decrypt", "kms:GenerateDataKey"), actions);
                }
            }
        });
        assertTrue(resources.path("AdsTokenKey").path("Properties").path("EnableKeyRotation").asBoolean());
    }

    @Test
    void errorsOfEveryQueueOrHttpFunctionAndTheDeadLetterQueueRaiseAlarms() {
        Set<String> watched = resourcesOfType("AWS::CloudWatch::Alarm").values().stream()
                .flatMap(alarm -> stream(alarm.path("Dimensions")).map(d -> d.path("Value").asText()))
                .collect(Collectors.toSet());
        Set<String> functions = resourcesOfType("AWS::Serverless::Function").entrySet().stream()
                .filter(entry -> handlerClass(entry.getValue()) != HealthHandler.class)
                .map(Map.Entry::getKey).collect(Collectors.toSet());

        assertTrue(watched.containsAll(functions), watched.toString());
        assertTrue(watched.contains("ChangesDeadLetterQueue.QueueName"), watched.toString());
        assertTrue(watched.contains("EventsDeadLetterQueue.QueueName"), watched.toString());
        assertTrue(watched.contains("POST /events"), "the events route's 5xx: " + watched);
    }

    @Test
    void theSchedulerRunsOnAnEventBridgeSchedule() {
        JsonNode scheduler = resources.path("SchedulerFunction").path("Properties");

        assertEquals(SchedulerHandler.class, handlerClass(scheduler));
        assertTrue(stream(scheduler.path("Events")).anyMatch(event -> event.path("Type").asText().startsWith("Schedule")
                && event.path("Properties").path("ScheduleExpression").asText().startsWith("rate(")));
    }

    private static Stream<JsonNode> stream(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items.stream();
    }
}
