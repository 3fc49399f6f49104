package io.github.camelmarketo.examples.benchmark.tasks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code leads} leads through the polling consumer
 * ({@code from("marketo:getMultipleLeads?leadSelector=lastUpdateAt&...")}, one exchange per lead; over REST a Bulk
 * Lead Extract), stopping when {@code leads} exchanges have completed. {@code initialDelay=0}: the measured time
 * starts with the context, and the raw loop does not wait a second before its first call either.
 */
final class CamelConsumeTask implements ClientTask {

    static final long TIMEOUT_MINUTES = 30;

    @Override
    public Map<String, Double> run(TaskSpec spec, Progress progress) throws Exception {
        CamelContext context = ComponentSetup.context(spec);
        AtomicLong received = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        long expected = spec.leads();
        LiveHeapSampler liveHeap = new LiveHeapSampler(expected);
        String since = Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=" + since + "&batchSize="
                     + spec.batchSize() + "&greedy=true&delay=10&initialDelay=0")
                        .process(exchange -> {
                            long count = received.incrementAndGet();
                            liveHeap.progress(count);
                            if (count == expected) {
                                done.countDown();
                            }
                        });
            }
        });
        progress.measuring();
        TaskMeter meter = new TaskMeter().start().sampleLiveHeap(liveHeap);
        context.start();
        long start = System.nanoTime();
        long lastReport = start;
        while (!done.await(1, TimeUnit.SECONDS)) {
            long now = System.nanoTime();
            if (now - lastReport >= TimeUnit.SECONDS.toNanos(15)) {
                lastReport = now;
                progress.report(String.format(Locale.ROOT, "%s camel consumer: %,d of %,d leads (%.0f leads/s)", spec.api(),
                        received.get(), expected, received.get() / ((now - start) / 1e9)));
            }
            if (now - start > TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES)) {
                throw new IllegalStateException("Gave up after " + TIMEOUT_MINUTES + " minutes with " + received.get() + " leads");
            }
        }
        Map<String, Double> metrics = meter.stop(received.get());
        context.stop();
        return metrics;
    }
}
