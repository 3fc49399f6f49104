package io.github.camelmarketo.examples.benchmark.tasks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelmarketo.examples.benchmark.raw.RawClient;

/**
 * The raw loop's sync and read: the same leads as {@link CamelSyncReadTask}, 300 per sync call, read back by email
 * with as many keys per call as the API takes (SOAP 100, REST 300), on the same number of threads. Also measures
 * the mean latency of each kind of call ({@code syncCallMs}, {@code readCallMs}), the input of the budget ceiling.
 */
final class RawSyncReadTask implements ClientTask {

    @Override
    public Map<String, Double> run(TaskSpec spec, Progress progress) throws Exception {
        try (RawClient client = RawClients.create(spec)) {
            if (spec.warmupLeads() > 0) {
                syncAndRead(client, spec.emailPrefix() + "-warmup", spec.warmupLeads(), spec.threads(), new Latency(), new Latency(),
                        Warmup.leadsPerCall(spec));
            }
            Latency syncs = new Latency();
            Latency reads = new Latency();
            progress.measuring();
            TaskMeter meter = new TaskMeter().start();
            long records = syncAndRead(client, spec.emailPrefix(), spec.leads(), spec.threads(), syncs, reads, Integer.MAX_VALUE);
            Map<String, Double> metrics = meter.stop(records);
            metrics.put("syncCallMs", syncs.meanMillis());
            metrics.put("readCallMs", reads.meanMillis());
            progress.report(spec.api() + " raw: synced and read " + records / 2 + " leads");
            return metrics;
        }
    }

    /** Leads per call: as many as the API takes, at most {@code perCall}. */
    private static long syncAndRead(RawClient client, String prefix, int count, int threads, Latency syncs, Latency reads,
                                    int perCall) throws Exception {
        AtomicLong synced = new AtomicLong();
        Parallel.run(threads, BenchLeads.batches(prefix, count, Math.min(perCall, client.maxSyncPerCall())), batch -> {
            long start = System.nanoTime();
            int accepted = client.sync(batch);
            syncs.add(System.nanoTime() - start);
            if (accepted != batch.size()) {
                throw new IllegalStateException("sync accepted " + accepted + " of " + batch.size());
            }
            synced.addAndGet(accepted);
        });
        AtomicLong read = new AtomicLong();
        Parallel.run(threads, BenchLeads.batches(prefix, count, Math.min(perCall, client.maxKeysPerCall())), batch -> {
            long start = System.nanoTime();
            int found = client.readByEmail(BenchLeads.emails(batch));
            reads.add(System.nanoTime() - start);
            if (found != batch.size()) {
                throw new IllegalStateException("read back " + found + " of " + batch.size());
            }
            read.addAndGet(found);
        });
        return synced.get() + read.get();
    }

    /** Mean duration of timed calls. */
    private static final class Latency {
        private final LongAdder nanos = new LongAdder();
        private final LongAdder calls = new LongAdder();

        void add(long duration) {
            nanos.add(duration);
            calls.increment();
        }

        double meanMillis() {
            return calls.sum() == 0 ? Double.NaN : nanos.sum() / 1e6 / calls.sum();
        }
    }

}
