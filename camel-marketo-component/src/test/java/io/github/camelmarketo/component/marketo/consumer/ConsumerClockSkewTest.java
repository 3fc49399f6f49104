package io.github.camelmarketo.component.marketo.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clock-safe watermarks: with Marketo's clock 30 s behind this host, 2 s ahead or 30 s ahead, a REST lastUpdateAt
 * consumer (Bulk Extract) loses no update made while it streams pass after pass. The watermark of each pass is the
 * earlier of host and Marketo time (from the Date header), so a host clock ahead of Marketo does not skip updates.
 */
class ConsumerClockSkewTest extends MarketoTestSupport {

    private static final int LEADS = 300;
    private static final int UPDATES = 40;

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
        configuration.setExtractPollInterval(20);
    }

    @ParameterizedTest(name = "Marketo clock offset {0} s")
    @ValueSource(ints = { -30, 2, 30 })
    void noUpdateIsLostWhateverTheClockSkew(int offsetSeconds) throws Exception {
        emulator.get().setClockOffset(Duration.ofSeconds(offsetSeconds));
        emulator.get().rest().exportTiming(Duration.ofMillis(10), Duration.ofMillis(10));
        // the latest version of each lead the route saw, by id
        Map<Long, String> seen = new ConcurrentHashMap<>();
        AtomicInteger deliveries = new AtomicInteger();
        String since = emulator.get().clock().instant().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // watermarkOverlap=1s: smaller than both the host-ahead skew (30 s) and the update pace, so only the
                // clock-safe pass start keeps the late updates
                from("marketo:getMultipleLeads?leadSelector=lastUpdateAt&fields=email,company&batchSize=500&delay=20&passInterval=300ms"
                     + "&watermarkOverlap=1s&oldestUpdatedAt=" + since)
                        .routeId("skew" + offsetSeconds)
                        .process(exchange -> {
                            Lead lead = exchange.getMessage().getBody(Lead.class);
                            seen.put(lead.getId(), String.valueOf(lead.get("company")));
                            deliveries.incrementAndGet();
                        });
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == LEADS);

        // update one lead every 150 ms while the consumer keeps passing
        LeadStore store = emulator.get().store();
        Map<Long, String> written = new ConcurrentHashMap<>();
        for (int i = 0; i < UPDATES; i++) {
            long id = LeadStore.FIRST_ID + (i * 7L) % LEADS;
            String company = "Skew" + offsetSeconds + "-" + i;
            store.update((int) id, l -> l.getAttributes().put("Company", company));
            written.put(id, company);
            Thread.sleep(150);
        }
        try {
            // passes every 300 ms: a consumer that keeps every update has delivered them all long before this
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> written.entrySet().stream().allMatch(e -> e.getValue().equals(seen.get(e.getKey()))));
        } catch (ConditionTimeoutException e) {
            // counted below: the updates a pass skipped never come
        }
        long lost = written.entrySet().stream().filter(e -> !e.getValue().equals(seen.get(e.getKey()))).count();
        System.out.printf("clock skew %+d s: %d updates written, %d lost, %d deliveries of %d leads%n", offsetSeconds,
                written.size(), lost, deliveries.get(), LEADS);
        assertThat(lost).isZero();
    }
}
