package ru.unitecon.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import ru.unitecon.core.access.SecretKind;
import ru.unitecon.core.bookkeeping.AggregateKey;
import ru.unitecon.core.spend.SpendApi;
import ru.unitecon.testsupport.Percentiles;
import ru.unitecon.testsupport.SeededSalon;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * Warm in-process latency of the BI export (36 months × 20 channels, CSV) and of a Spend API post (a month of
 * daily rows for 20 channels as Russian Excel CSV), on in-process DynamoDB Local. Prints Markdown.
 */
public final class IntegrationsBenchmark {
    private static final int WARMUP = 10;
    private static final int SAMPLES = 50;
    private static final int CHANNELS = 20;
    private static final YearMonth LAST = YearMonth.of(2026, 3);

    private IntegrationsBenchmark() {
    }

    public static void main(String[] args) {
        SeededSalon salon = new SeededSalon();
        for (int month = 0; month < 36; month++) {
            Map<AggregateKey, BigDecimal> cells = new HashMap<>();
            for (int channel = 0; channel < CHANNELS; channel++) {
                cells.put(new AggregateKey(LAST.minusMonths(month), "channel_" + channel), BigDecimal.valueOf(1000));
            }
            salon.spend.replaceCells(salon.memberId, cells);
        }
        String secret = salon.secrets.create(salon.memberId, SecretKind.BI_EXPORT);
        BiExportHandler export = new BiExportHandler(SeededSalon.metricsExport());
        APIGatewayV2HTTPEvent get = HttpApiEvents.request("GET", "/bi/" + salon.memberId + "/" + secret + ".csv",
                "from=2023-04&to=2026-03", Map.of(), null);
        double[] exportMs = measure(() -> require(export.handleRequest(get, null).getStatusCode()));

        String token = salon.secrets.create(salon.memberId, SecretKind.SPEND_API);
        StringBuilder csv = new StringBuilder("Дата;Канал;Сумма;Валюта\r\n");
        for (int day = 1; day <= 31; day++) {
            for (int channel = 0; channel < CHANNELS; channel++) {
                csv.append(LocalDate.of(2026, 3, day)).append(";channel_").append(channel).append(";1 234,56;RUB\r\n");
            }
        }
        SpendApiHandler spendApi = new SpendApiHandler(SeededSalon.spendApi());
        APIGatewayV2HTTPEvent post = HttpApiEvents.request("POST", "/spend", "", Map.of(
                "authorization", SpendApi.authorization(salon.memberId, token),
                "content-type", "text/csv; charset=utf-8"), csv.toString());
        double[] postMs = measure(() -> require(spendApi.handleRequest(post, null).getStatusCode()));

        System.out.println("| request | median ms | p95 ms |");
        System.out.println("|---|---|---|");
        System.out.printf("| BI export CSV, 36 months × %d channels (720 rows) | %.1f | %.1f |%n", CHANNELS,
                Percentiles.of(exportMs, 50), Percentiles.of(exportMs, 95));
        System.out.printf("| Spend API POST, 31 days × %d channels (620 rows, %d KiB) | %.1f | %.1f |%n", CHANNELS,
                csv.length() / 1024, Percentiles.of(postMs, 50), Percentiles.of(postMs, 95));
    }

    private static void require(int status) {
        if (status != 200) {
            throw new IllegalStateException("answered " + status);
        }
    }

    private static double[] measure(Runnable request) {
        double[] ms = new double[SAMPLES];
        for (int i = -WARMUP; i < SAMPLES; i++) {
            long start = System.nanoTime();
            request.run();
            if (i >= 0) {
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return ms;
    }
}
