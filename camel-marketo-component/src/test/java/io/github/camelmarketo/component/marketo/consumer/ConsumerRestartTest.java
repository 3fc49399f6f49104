package io.github.camelmarketo.component.marketo.consumer;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stop a CamelContext in the middle of a stream and start a new one on the same FileStateRepository: no lead is
 * missing and at most one page is delivered twice.
 */
class ConsumerRestartTest {

    private static final int LEADS = 20_000;
    private static final int BATCH = 500;
    private static final int STOP_AT = 7_250;

    @RegisterExtension
    static MarketoEmulatorExtension emulator
            = MarketoEmulatorExtension.create(b -> b.leads(LEADS).soapLimits(LimitPolicy.unlimited()));

    /** Fixed for both contexts: the selector options (and so the cursor's identity) must not change. */
    private static final String SINCE = Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

    @TempDir
    Path dir;

    private CamelContext start(File stateFile, Processor collector) throws Exception {
        CamelContext context = new DefaultCamelContext();
        MarketoComponent component = new MarketoComponent();
        MarketoTestSupport.configureFor(component.getConfiguration(), emulator.get(), MarketoApi.soap);
        component.getConfiguration().setRateLimitCalls(0);
        component.getConfiguration().setMaxConcurrentCalls(0);
        context.addComponent("marketo", component);
        context.getRegistry().bind("cursorStore", FileStateRepository.fileStateRepository(stateFile));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=" + SINCE + "&batchSize=" + BATCH
                     + "&stateRepository=#cursorStore&delay=10&greedy=true")
                        .process(collector);
            }
        });
        context.start();
        return context;
    }

    @Test
    void resumesFromTheLastCompletedPageAfterARestart() throws Exception {
        File stateFile = dir.resolve("marketo-cursor.dat").toFile();
        LeadCollector collector = new LeadCollector();

        // stop in the middle of a page: at lead 7,250 of pages of 500 the route asks the context to stop and lets the
        // shutdown begin while the page is still being processed (the rest of the page is then not processed)
        AtomicReference<CamelContext> first = new AtomicReference<>();
        first.set(start(stateFile, exchange -> {
            collector.process(exchange);
            if (collector.deliveries() == STOP_AT) {
                CamelContext context = first.get();
                new Thread(context::stop, "stop-first-context").start();
                await().atMost(Duration.ofSeconds(10)).until(() -> context.getStatus().isStopping() || context.isStopped());
                Thread.sleep(300);
            }
        }));
        await().atMost(Duration.ofSeconds(60)).until(() -> first.get().isStopped());
        int beforeRestart = collector.deliveries();

        CamelContext second = start(stateFile, collector);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> collector.distinct() == LEADS);
        } finally {
            second.stop();
        }

        Set<Long> expected = emulator.get().store().changesAfter(0, null, null, Integer.MAX_VALUE).stream()
                .map(l -> (long) l.getId()).collect(Collectors.toSet());
        Set<Long> missing = new java.util.HashSet<>(expected);
        missing.removeAll(collector.ids());
        System.out.printf("restart test: delivered before stop=%d, total deliveries=%d, missing=%d, duplicates=%d (page=%d)%n",
                beforeRestart, collector.deliveries(), missing.size(), collector.duplicates(), BATCH);
        assertThat(missing).isEmpty();
        assertThat(collector.duplicates()).isLessThanOrEqualTo(BATCH);
        assertThat(beforeRestart).isBetween(STOP_AT, LEADS - 1);
    }
}
