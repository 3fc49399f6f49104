package io.github.camelmarketo.examples.benchmark.tasks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmarketo.examples.benchmark.raw.RawClient;

/**
 * The raw loop beside {@link CamelConsumeTask}: the same leads updated in the last 61 days, read with the same
 * page size (SOAP getMultipleLeads LastUpdateAtSelector pages; REST one Bulk Extract per 31-day window, each file
 * downloaded once and parsed), stopping after {@code leads} leads.
 */
final class RawConsumeTask implements ClientTask {

    @Override
    public Map<String, Double> run(TaskSpec spec, Progress progress) throws Exception {
        progress.measuring();
        LiveHeapSampler liveHeap = new LiveHeapSampler(spec.leads());
        TaskMeter meter = new TaskMeter().start().sampleLiveHeap(liveHeap);
        AtomicLong received = new AtomicLong();
        long start = System.nanoTime();
        long[] lastReport = {start};
        try (RawClient client = RawClients.create(spec)) {
            Instant since = Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            client.readUpdatedSince(since, spec.batchSize(), count -> {
                long total = received.addAndGet(count);
                liveHeap.progress(total);
                long now = System.nanoTime();
                if (now - lastReport[0] > 15_000_000_000L) {
                    lastReport[0] = now;
                    progress.report(String.format(Locale.ROOT, "%s raw loop: %,d of %,d leads (%.0f leads/s)", spec.api(),
                            total, spec.leads(), total / ((now - start) / 1e9)));
                }
                return total < spec.leads();
            });
        }
        return meter.stop(Math.min(received.get(), spec.leads()));
    }
}
