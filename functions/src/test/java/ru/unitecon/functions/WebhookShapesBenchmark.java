package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import ru.unitecon.eventsource.SqsSendMessageIntegration;
import ru.unitecon.testsupport.Percentiles;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shapes of the webhook path, in one run on one machine, each in fresh JVMs as a cold start has it: a bare
 * handler (the loopback gateway answering 200 with nothing behind it) and shape (a), the same gateway playing API
 * Gateway's SQS-SendMessage integration into ElasticMQ (what the portal's event POST meets now; on AWS no JVM of
 * ours starts at all). For each: launch of the JVM to the first 200 and listening to the first 200 (medians over
 * fresh JVMs; the stand-in of (a) has made its SDK's first call before it listens, as API Gateway is never cold
 * for an event), then the warm acknowledgement p50 and p99 in the last JVM, and the ratios to the bare handler.
 * Every acknowledged event must be in the queue. Prints Markdown.
 *
 * <p>Arguments: {@code [fresh JVMs per shape] [warm requests]}, default {@code 7 3000}. Run on the test
 * classpath (docs/benchmarks.md).
 */
public final class WebhookShapesBenchmark {
    private static final String LISTENING = "listening ";
    private static final int WARM_UP = 500;
    /** A lead event as a portal posts it: the size and form of the real thing. */
    private static final String EVENT = "event=ONCRMLEADUPDATE&event_handler_id=3&data%5BFIELDS%5D%5BID%5D=759"
            + "&ts=1764000000&auth%5Bdomain%5D=salon.bitrix24.ru&auth%5Bclient_endpoint%5D=https%3A%2F%2Fsalon"
            + ".bitrix24.ru%2Frest%2F&auth%5Bserver_endpoint%5D=https%3A%2F%2Foauth.bitrix.info%2Frest%2F"
            + "&auth%5Bmember_id%5D=0123456789abcdef0123456789abcdef"
            + "&auth%5Bapplication_token%5D=fedcba9876543210fedcba9876543210";

    private WebhookShapesBenchmark() {
    }

    /** What was measured of one shape. */
    private record Figures(double launchToFirst, double listeningToFirst, double p50, double p99, int acknowledged) {
    }

    public static void main(String[] args) throws Exception {
        // The figures print with a decimal point, whatever the machine's locale.
        Locale.setDefault(Locale.ROOT);
        int jvms = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        SQSRestServer elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
        String endpoint = "http://127.0.0.1:" + elasticMq.waitUntilStarted().localAddress().getPort();
        SqsClient sqs = client(endpoint);
        String queueUrl = sqs.createQueue(b -> b.queueName("events")).queueUrl();
        HttpClient http = warmedClient();

        Figures bare = shape(http, List.of("bare"), jvms, warm);
        Figures queued = shape(http, List.of("sqs", endpoint, queueUrl), jvms, warm);
        int inQueue = Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));

        System.out.println("| shape | launch → first 200 | listening → first 200 | warm p50 | warm p99 |");
        System.out.println("|---|---|---|---|---|");
        row("bare handler (loopback gateway, answers 200)", bare, bare);
        row("(a) gateway → SQS-SendMessage → queue", queued, bare);
        System.out.printf("%nAcknowledged by (a): %d; in the queue: %d; lost: %d%n", queued.acknowledged(), inQueue,
                queued.acknowledged() - inQueue);
        sqs.close();
        elasticMq.stopAndWait();
        System.exit(0);
    }

    private static void row(String name, Figures shape, Figures bare) {
        System.out.printf("| %s | %.0f ms (%.2f×) | %.1f ms (%.2f×) | %.2f ms (%.1f×) | %.2f ms (%.1f×) |%n", name,
                shape.launchToFirst(), shape.launchToFirst() / bare.launchToFirst(), shape.listeningToFirst(),
                shape.listeningToFirst() / bare.listeningToFirst(), shape.p50(), shape.p50() / bare.p50(),
                shape.p99(), shape.p99() / bare.p99());
    }

    /** {@code jvms} fresh JVMs of one shape: medians of their first answers, warm figures of the last. */
    private static Figures shape(HttpClient http, List<String> shapeArgs, int jvms, int warm) throws Exception {
        double[] launch = new double[jvms];
        double[] listening = new double[jvms];
        double[] warmFigures = null;
        int acknowledged = 0;
        for (int run = 0; run < jvms; run++) {
            List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-cp",
                    System.getProperty("java.class.path"), Child.class.getName()));
            command.addAll(shapeArgs);
            long launched = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                while (line != null && !line.startsWith(LISTENING)) {
                    line = out.readLine();
                }
                if (line == null) {
                    throw new IllegalStateException(shapeArgs.getFirst() + " never listened");
                }
                long listened = System.nanoTime();
                URI events = URI.create("http://127.0.0.1:" + line.substring(LISTENING.length()) + "/events");
                post(http, events);
                long first = System.nanoTime();
                acknowledged++;
                launch[run] = (first - launched) / 1e6;
                listening[run] = (first - listened) / 1e6;
                if (run == jvms - 1) {
                    for (int i = 0; i < WARM_UP; i++) {
                        post(http, events);
                    }
                    warmFigures = new double[warm];
                    for (int i = 0; i < warm; i++) {
                        long sent = System.nanoTime();
                        post(http, events);
                        warmFigures[i] = (System.nanoTime() - sent) / 1e6;
                    }
                    acknowledged += WARM_UP + warm;
                }
            } finally {
                process.destroy();
                process.waitFor();
            }
        }
        return new Figures(Percentiles.of(launch, 50), Percentiles.of(listening, 50),
                Percentiles.of(warmFigures, 50), Percentiles.of(warmFigures, 99), acknowledged);
    }

    private static void post(HttpClient http, URI events) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(events)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(EVENT)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** The measuring client's own first requests are not the shapes' cold start: they are made here, beforehand. */
    private static HttpClient warmedClient() throws Exception {
        HttpServer local = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        local.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        local.start();
        HttpClient http = HttpClient.newHttpClient();
        URI url = URI.create("http://127.0.0.1:" + local.getAddress().getPort() + "/events");
        for (int i = 0; i < WARM_UP; i++) {
            post(http, url);
        }
        local.stop(0);
        return http;
    }

    private static SqsClient client(String endpoint) {
        return SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** The fresh JVM of one shape: builds it, prints its port once it listens, then serves until killed. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws Exception {
            LambdaGateway gateway = new LambdaGateway();
            if (args[0].equals("bare")) {
                gateway.route("/events", (event, context) -> APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                        .withBody("ok").build());
            } else {
                SqsClient sqs = client(args[1]);
                // API Gateway's integration is a running service, never started for an event: the stand-in's own
                // SDK start is made before it listens, so "listening → first 200" is the integration's first
                // answer, while "launch → first 200" still shows what starting the stand-in costs.
                sqs.getQueueAttributes(b -> b.queueUrl(args[2]).attributeNames(QueueAttributeName.QUEUE_ARN));
                gateway.route("/events", new SqsSendMessageIntegration(sqs, args[2]));
            }
            System.out.println(LISTENING + gateway.url("/").getPort());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
