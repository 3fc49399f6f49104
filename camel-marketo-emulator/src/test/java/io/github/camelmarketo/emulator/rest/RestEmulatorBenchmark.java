package io.github.camelmarketo.emulator.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.LimitPolicy;

/**
 * Prints throughput of the REST emulator (not a test: run its {@code main} by hand). Vendor limits are off so the
 * numbers show the emulator's own cost.
 */
public final class RestEmulatorBenchmark {

    private RestEmulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (MarketoEmulator emulator = MarketoEmulator.builder().leads(leads).restLimits(LimitPolicy.unlimited())
                .build().start()) {
            RestCalls rest = new RestCalls(emulator);
            rest.token();
            int calls = 2_000;
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                rest.get("/rest/v1/lead/" + (LeadStore.FIRST_ID + i % leads) + ".json");
            }
            report("GET lead by id, 1 thread", calls, start, "calls");

            ExecutorService pool = Executors.newFixedThreadPool(8);
            start = System.nanoTime();
            Future<?>[] futures = new Future<?>[calls];
            for (int i = 0; i < calls; i++) {
                int id = LeadStore.FIRST_ID + i % leads;
                futures[i] = pool.submit(() -> rest.get("/rest/v1/lead/" + id + ".json"));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            report("GET lead by id, 8 threads", calls, start, "calls");
            pool.shutdown();

            int batches = 20;
            start = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                int batch = b;
                String input = IntStream.range(0, 300).mapToObj(i -> "{\"email\":\"bench" + batch + "-" + i
                                                                    + "@example.com\",\"company\":\"Bench\"}").collect(Collectors.joining(",", "[", "]"));
                rest.postJson("/rest/v1/leads.json", "{\"input\":" + input + "}");
            }
            report("sync createOrUpdate by email, 300 per call", batches * 300, start, "records");

            emulator.rest().exportTiming(Duration.ZERO, Duration.ZERO);
            Instant now = Instant.now();
            start = System.nanoTime();
            JsonNode created = rest.postJsonJson("/bulk/v1/leads/export/create.json", "{\"fields\":[\"id\",\"email\","
                                                                                      + "\"firstName\",\"company\",\"updatedAt\"],\"filter\":{\"updatedAt\":{\"startAt\":\""
                                                                                      + now.minus(Duration.ofDays(30)) + "\",\"endAt\":\"" + now.plusSeconds(60) + "\"}}}");
            String exportId = created.path("result").get(0).path("exportId").asText();
            rest.post("/bulk/v1/leads/export/" + exportId + "/enqueue.json");
            JsonNode status;
            do {
                Thread.sleep(5);
                status = rest.getJson("/bulk/v1/leads/export/" + exportId + "/status.json").path("result").get(0);
            } while (!"Completed".equals(status.path("status").asText()));
            int bytes = rest.get("/bulk/v1/leads/export/" + exportId + "/file.json").body().length();
            report("bulk extract, 30-day window (" + bytes / 1024 + " KiB)", status.path("numberOfRecords").asInt(),
                    start, "records");
        }
    }

    private static void report(String what, int count, long startNanos, String unit) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%-55s %8d %s in %6.2f s = %10.0f %s/s%n", what, count, unit, seconds, count / seconds, unit);
    }
}
