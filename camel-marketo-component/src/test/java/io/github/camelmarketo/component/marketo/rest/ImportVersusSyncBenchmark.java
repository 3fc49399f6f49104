package io.github.camelmarketo.component.marketo.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.model.ImportResult;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints records/s of {@code importLeads} against {@code syncMultipleLeads} for 100,000 new leads, with the vendor's
 * REST limits on in the emulator and the component (100 calls per window, 10 concurrent) and the window scaled from
 * 20 s to 2 s. Not part of {@code verify} (the name does not end in Test): run it with
 * {@code -Dtest=ImportVersusSyncBenchmark}. It asserts the record counts, never the timings.
 */
class ImportVersusSyncBenchmark extends RestTestSupport {

    private static final int LEADS = Integer.getInteger("benchmark.leads", 100_000);
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final double SCALE = 20.0 / WINDOW.toSeconds();

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(10)
            .restLimits(LimitPolicy.marketoRest().withCallsPerWindow(100, WINDOW)));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setRateLimitCalls(100);
        configuration.setRateLimitWindow(WINDOW.toMillis());
        configuration.setMaxConcurrentCalls(10);
        configuration.setImportPollInterval(100);
    }

    private static List<Lead> leads(String prefix) {
        List<Lead> leads = new ArrayList<>(LEADS);
        for (int i = 0; i < LEADS; i++) {
            leads.add(Lead.withEmail(prefix + i + "@example.com").set("firstName", "First" + i).set("lastName", "Last" + i)
                    .set("company", "Company " + (i % 500)));
        }
        return leads;
    }

    @Test
    void importLeadsAgainstSyncMultipleLeads() {
        // warm-up: token, connections, JIT (not measured)
        template.requestBody("marketo:syncMultipleLeads", List.of(Lead.withEmail("warm@example.com")), List.class);
        template.requestBody("marketo:importLeads", List.of(Lead.withEmail("warm2@example.com")), ImportResult.class);
        long callsBefore = emulator().counters().calls(Api.REST);

        List<Lead> sync = leads("sync.");
        long start = System.nanoTime();
        List<?> results = template.requestBody("marketo:syncMultipleLeads", sync, List.class);
        double syncSeconds = (System.nanoTime() - start) / 1e9;
        long syncCalls = emulator().counters().calls(Api.REST) - callsBefore;
        assertThat(results).hasSize(LEADS).allMatch(r -> ((SyncResult) r).isSuccess());

        List<Lead> imported = leads("import.");
        long callsAfterSync = emulator().counters().calls(Api.REST);
        start = System.nanoTime();
        ImportResult result = template.requestBody("marketo:importLeads", imported, ImportResult.class);
        double importSeconds = (System.nanoTime() - start) / 1e9;
        long importCalls = emulator().counters().calls(Api.REST) - callsAfterSync;
        assertThat(result.imported()).isEqualTo(LEADS);
        assertThat(result.failed()).isZero();
        assertThat(emulator().store().findByEmail("import." + (LEADS - 1) + "@example.com")).hasSize(1);
        assertThat(emulator().counters().responses(Api.REST, "606")).isZero();

        // at the vendor's unscaled window the calls alone need calls / (100 per 20 s)
        double syncVendorSeconds = Math.max(syncSeconds, syncCalls * 20.0 / 100);
        double importVendorSeconds = Math.max(importSeconds, importCalls * 20.0 / 100);
        System.out.printf(Locale.ROOT, "%n=== importLeads vs syncMultipleLeads, %,d new leads, vendor limits on, window %d s (x%.0f scaled) ===%n",
                LEADS, WINDOW.toSeconds(), SCALE);
        System.out.printf(Locale.ROOT, "syncMultipleLeads: %7.1f s  %,9.0f records/s  %4d calls  (at the 20 s window: >= %6.1f s, <= %,6.0f records/s)%n",
                syncSeconds, LEADS / syncSeconds, syncCalls, syncVendorSeconds, LEADS / syncVendorSeconds);
        System.out.printf(Locale.ROOT, "importLeads:       %7.1f s  %,9.0f records/s  %4d calls  (%d batch(es), files %s bytes)%n",
                importSeconds, LEADS / importSeconds, importCalls, result.batchIds().size(),
                emulator().rest().importFileSizes().subList(1, emulator().rest().importFileSizes().size()));
        System.out.printf(Locale.ROOT, "(import timing is the emulator's: it imports at its own speed, Marketo's queue takes minutes)%n%n");
    }
}
