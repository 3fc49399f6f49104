package io.github.camelmarketo.component.marketo.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The polling consumer over SOAP: a full stream, leads updated while streaming, a failing exchange, lists, batch
 * mode.
 */
class SoapConsumerTest extends MarketoTestSupport {

    private static final int LEADS = 20_000;

    @RegisterExtension
    static MarketoEmulatorExtension emulator
            = MarketoEmulatorExtension.create(b -> b.leads(LEADS).soapLimits(LimitPolicy.unlimited()));

    private final LeadCollector collector = new LeadCollector();

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setRateLimitCalls(0);
        configuration.setMaxConcurrentCalls(0);
    }

    private static String since(int daysAgo) {
        return Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private void consume(String uri, org.apache.camel.Processor processor) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("consumer").process(processor);
            }
        });
    }

    private Set<Long> storeIds() {
        LeadStore store = emulator.get().store();
        return store.changesAfter(0, null, null, Integer.MAX_VALUE).stream().map(l -> (long) l.getId())
                .collect(Collectors.toSet());
    }

    @Test
    void streamsEveryLeadExactlyOnce() throws Exception {
        consume("marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=" + since(61)
                + "&batchSize=1000&delay=20&greedy=true", collector);

        await().atMost(Duration.ofSeconds(60)).until(() -> collector.distinct() == LEADS);
        // let the consumer finish the pass and poll the next (empty) one
        Thread.sleep(300);
        assertThat(collector.ids()).isEqualTo(storeIds());
        assertThat(collector.duplicates()).isZero();
    }

    @Test
    void deliversLeadsUpdatedDuringTheStream() throws Exception {
        AtomicBoolean updated = new AtomicBoolean();
        List<Integer> early = IntStream.range(0, 5).map(i -> LeadStore.FIRST_ID + i).boxed().toList();
        // passInterval=100ms: the update is delivered by the next pass, which waits passInterval after a complete pass
        consume("marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=" + since(61)
                + "&batchSize=500&delay=20&greedy=true&passInterval=100ms", exchange -> {
                    collector.process(exchange);
                    if (collector.deliveries() == 1000 && updated.compareAndSet(false, true)) {
                        early.forEach(id -> emulator.get().store().update(id, l -> l.getAttributes().put("Company", "Updated")));
                    }
                });

        await().atMost(Duration.ofSeconds(60)).until(() -> collector.distinct() == LEADS
                && early.stream().allMatch(id -> "Updated".equals(company(collector.last(id)))));
        assertThat(updated).isTrue();
        // delivered before the update and again after it (a later pass may deliver it once more: at-least-once)
        early.forEach(id -> assertThat(collector.count(id)).isGreaterThanOrEqualTo(2));
    }

    private static String company(Lead lead) {
        return lead == null ? null : lead.get("company");
    }

    @Test
    void retriesAFailedLeadInsteadOfSkippingIt() throws Exception {
        long poisoned = LeadStore.FIRST_ID + 1234;
        AtomicBoolean thrown = new AtomicBoolean();
        consume("marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=" + since(61)
                + "&batchSize=1000&delay=20&greedy=true", exchange -> {
                    Lead lead = exchange.getMessage().getBody(Lead.class);
                    if (lead.getId() == poisoned && thrown.compareAndSet(false, true)) {
                        throw new IllegalStateException("downstream system unavailable");
                    }
                    collector.process(exchange);
                });

        await().atMost(Duration.ofSeconds(60)).until(() -> collector.distinct() == LEADS);
        assertThat(thrown).isTrue();
        assertThat(collector.count(poisoned)).isEqualTo(1);
        // the failure stopped the page: the lead after the poisoned one was processed only with the page's refetch
        assertThat(collector.count(poisoned + 1)).isEqualTo(1);
        // the failed page was fetched again: its other leads came twice, no lead outside it did
        assertThat(collector.duplicates()).isBetween(1, 999);
    }

    @Test
    void restartsThePassFromItsWatermarkWhenTheStreamPositionExpired() throws Exception {
        AtomicBoolean injected = new AtomicBoolean();
        consume("marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=" + since(61)
                + "&batchSize=1000&delay=20&greedy=true", exchange -> {
                    collector.process(exchange);
                    if (collector.deliveries() == 2500 && injected.compareAndSet(false, true)) {
                        emulator.get().faults().inject(Api.SOAP, "getMultipleLeads", new Fault.VendorError("20122"), 1);
                    }
                });

        await().atMost(Duration.ofSeconds(60)).until(() -> collector.distinct() == LEADS);
        assertThat(emulator.get().counters().responses(Api.SOAP, "20122")).isEqualTo(1);
        // the 3 pages before the expired position came again (the pass restarted from its watermark), nothing was lost
        assertThat(collector.ids()).isEqualTo(storeIds());
        assertThat(collector.duplicates()).isEqualTo(3000);
    }

    @Test
    void streamsAStaticListByNameAndById() throws Exception {
        int vipSize = emulator.get().store().findListByName("VIP").orElseThrow().memberIds().size();
        long newsletterId = emulator.get().store().findListByName("Newsletter").orElseThrow().id();
        LeadCollector byId = new LeadCollector();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=staticList&staticListName=VIP&batchSize=300&delay=20&greedy=true")
                        .process(collector);
                from("marketo:getMultipleLeads?leadSelector=staticList&staticListId=" + newsletterId
                     + "&batchSize=300&delay=20&greedy=true").process(byId);
            }
        });

        int newsletterSize = emulator.get().store().findList((int) newsletterId).orElseThrow().memberIds().size();
        await().atMost(Duration.ofSeconds(60)).until(() -> collector.distinct() == vipSize && byId.distinct() == newsletterSize);
        assertThat(collector.ids()).allMatch(id -> (id - LeadStore.FIRST_ID) % 10 == 0);
        assertThat(byId.ids()).allMatch(id -> (id - LeadStore.FIRST_ID) % 3 == 0);
    }

    @Test
    void bridgesPollFailuresToTheRouteErrorHandler() throws Exception {
        List<Exception> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(MarketoAuthenticationException.class).handled(true)
                        .process(exchange -> errors.add(exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT,
                                Exception.class)));
                from("marketo:getMultipleLeads?leadSelector=leadKeys&leadKeys=lead1@example.com&delay=20"
                     + "&bridgeErrorHandler=true&encryptionKey=RAW(not-the-key)").process(collector);
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> errors.size() >= 2);
        assertThat(errors.get(0)).isInstanceOf(MarketoAuthenticationException.class)
                .satisfies(e -> assertThat(((MarketoAuthenticationException) e).getCode()).isEqualTo("20014"));
        assertThat(collector.deliveries()).isZero();
    }

    @Test
    void streamsMoreKeysThanOneCallAccepts() throws Exception {
        // SOAP ignores keys beyond 100 per call: 250 keys take three chunks, each paged by batchSize
        String keys = IntStream.rangeClosed(1, 250).mapToObj(i -> "lead" + i + "@example.com")
                .collect(Collectors.joining(","));
        consume("marketo:getMultipleLeads?leadSelector=leadKeys&leadKeys=" + keys + "&batchSize=40&delay=20&greedy=true",
                collector);

        await().atMost(Duration.ofSeconds(30)).until(() -> collector.distinct() == 250);
        assertThat(collector.ids()).containsExactlyInAnyOrderElementsOf(
                LongStream.range(0, 250).map(i -> LeadStore.FIRST_ID + i).boxed().toList());
    }

    @Test
    void batchModeSendsOnePagePerExchange() throws Exception {
        List<Integer> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        consume("marketo:getMultipleLeads?leadSelector=leadKeys&leadKeys=lead1@example.com,lead2@example.com,lead3@example.com"
                + "&batchSize=2&batchMode=true&delay=20",
                exchange -> sizes.add(exchange.getMessage().getBody(List.class).size()));

        await().atMost(Duration.ofSeconds(30)).until(() -> sizes.size() >= 2);
        assertThat(List.copyOf(sizes).subList(0, 2)).containsExactly(2, 1); // copy: later passes keep adding
    }
}
