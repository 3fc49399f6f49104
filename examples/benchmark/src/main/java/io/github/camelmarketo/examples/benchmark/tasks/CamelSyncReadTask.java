package io.github.camelmarketo.examples.benchmark.tasks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.examples.benchmark.suite.LimitSpec;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Sync {@code leads} new leads in lists of 300 ({@code direct:sync -> marketo:syncMultipleLeads}) on
 * {@code threads} threads, then read them back by email in lists of 300 keys
 * ({@code direct:read -> marketo:getMultipleLeads}; the component chunks to what one call takes). A warm-up with its
 * own leads goes first; under a rate limit the task then waits one window, so the measured run starts with the
 * vendor's window empty, as the ceiling it is compared with assumes.
 */
final class CamelSyncReadTask implements ClientTask {

    static final int PER_LIST = 300;
    /** Beyond the window after the warm-up, so its last calls have surely left it. */
    static final long WINDOW_SLACK_MILLIS = 200;

    @Override
    public Map<String, Double> run(TaskSpec spec, Progress progress) throws Exception {
        CamelContext context = ComponentSetup.context(spec);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sync").to("marketo:syncMultipleLeads");
                from("direct:read").to("marketo:getMultipleLeads?leadKeyType=EMAIL");
            }
        });
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            if (spec.warmupLeads() > 0) {
                syncAndRead(template, spec.emailPrefix() + "-warmup", spec.warmupLeads(), spec.threads(), Warmup.leadsPerCall(spec));
                LimitSpec limits = LimitSpec.parse(spec.clientLimits());
                if (limits.calls() > 0) {
                    // the warm-up's calls leave the vendor's window (and the limiter's) before the measured run
                    progress.report(spec.api() + " camel: warmed up, waiting one window (" + limits.windowMillis() + " ms)");
                    Thread.sleep(limits.windowMillis() + WINDOW_SLACK_MILLIS);
                }
            }
            progress.measuring();
            TaskMeter meter = new TaskMeter().start();
            long records = syncAndRead(template, spec.emailPrefix(), spec.leads(), spec.threads(), PER_LIST);
            progress.report(spec.api() + " camel: synced and read " + records / 2 + " leads");
            return meter.stop(records);
        } finally {
            context.stop();
        }
    }

    /** Returns records synced + records read; fails if a record is missing or rejected. */
    private static long syncAndRead(ProducerTemplate template, String prefix, int count, int threads, int perList)
            throws Exception {
        List<List<BenchLeads.BenchLead>> batches = BenchLeads.batches(prefix, count, perList);
        AtomicLong synced = new AtomicLong();
        Parallel.run(threads, batches, batch -> {
            List<Lead> leads = batch.stream()
                    .map(l -> Lead.withEmail(l.email()).set("FirstName", l.firstName()).set("LastName", l.lastName()))
                    .toList();
            @SuppressWarnings("unchecked")
            List<SyncResult> results = template.requestBody("direct:sync", leads, List.class);
            for (SyncResult result : results) {
                if (!result.isSuccess()) {
                    throw new IllegalStateException("sync rejected a record: " + result);
                }
            }
            synced.addAndGet(results.size());
        });
        AtomicLong read = new AtomicLong();
        Parallel.run(threads, batches, batch -> {
            List<?> leads = template.requestBody("direct:read", BenchLeads.emails(batch), List.class);
            if (leads.size() != batch.size()) {
                throw new IllegalStateException("read back " + leads.size() + " of " + batch.size() + " leads");
            }
            read.addAndGet(leads.size());
        });
        return synced.get() + read.get();
    }
}
