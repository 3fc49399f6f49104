package io.github.camelmarketo.component.marketo.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The polling consumer over REST: static lists by name and id, lastUpdateAt through Bulk Lead Extract. */
class RestConsumerTest extends MarketoTestSupport {

    private static final int LEADS = 5_000;

    @RegisterExtension
    static MarketoEmulatorExtension emulator
            = MarketoEmulatorExtension.create(b -> b.leads(LEADS).restLimits(LimitPolicy.unlimited()));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected MarketoApi api() {
        return MarketoApi.rest;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setRateLimitCalls(0);
        configuration.setMaxConcurrentCalls(0);
        configuration.setExtractPollInterval(50);
    }

    @Test
    void streamsStaticListsByNameAndById() throws Exception {
        LeadStore store = emulator.get().store();
        Set<Long> vip = store.findListByName("VIP").orElseThrow().memberIds().stream().map(Long::valueOf)
                .collect(Collectors.toSet());
        long newsletterId = store.findListByName("Newsletter").orElseThrow().id();
        Set<Long> newsletter = store.findList((int) newsletterId).orElseThrow().memberIds().stream().map(Long::valueOf)
                .collect(Collectors.toSet());
        LeadCollector byName = new LeadCollector();
        LeadCollector byId = new LeadCollector();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=staticList&staticListName=VIP&batchSize=300&delay=20&greedy=true")
                        .process(byName);
                from("marketo:getMultipleLeads?leadSelector=staticList&staticListId=" + newsletterId
                     + "&batchSize=300&delay=20&greedy=true").process(byId);
            }
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> byName.distinct() == vip.size() && byId.distinct() == newsletter.size());
        assertThat(byName.ids()).isEqualTo(vip);
        assertThat(byId.ids()).isEqualTo(newsletter);
    }

    @Test
    void streamsLastUpdatedLeadsThroughBulkExtract() throws Exception {
        emulator.get().rest().exportTiming(Duration.ofMillis(20), Duration.ofMillis(20));
        LeadCollector collector = new LeadCollector();
        String since = Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=" + since
                     + "&batchSize=1000&delay=20&greedy=true").process(collector);
            }
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> collector.distinct() == LEADS);
        assertThat(collector.duplicates()).isZero();
    }
}
