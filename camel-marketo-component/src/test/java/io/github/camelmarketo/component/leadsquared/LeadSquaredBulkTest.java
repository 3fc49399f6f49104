package io.github.camelmarketo.component.leadsquared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.camelmarketo.component.support.CallLimiter;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Volume over real sockets. The vendor's 25 calls / 5 s is scaled to {@value #CALLS} calls / {@code WINDOW} on both
 * sides (emulator policy and component limiter) so the test takes seconds and the limiter really has to hold calls
 * back (a 10,000-id call takes tens of milliseconds here). Prints a report line per test.
 */
class LeadSquaredBulkTest extends LeadSquaredTestSupport {

    private static final int CALLS = 5;
    private static final Duration WINDOW = Duration.ofMillis(300);
    private static final String LIMITER = "&rateLimitCalls=" + CALLS + "&rateLimitWindow=" + WINDOW.toMillis() + "ms";

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(30_000)
            .leadSquaredLimits(LimitPolicy.leadSquared().withCallsPerWindow(CALLS, WINDOW)));

    @Override
    protected MarketoEmulator emulator() {
        return emulator.get();
    }

    @Test
    void twentyFiveThousandIdsInOneExchangeArriveCompleteInOrderWithoutA429() {
        List<String> ids = prospectIds(2_000, 25_000);
        LeadSquaredEndpoint endpoint = context.getEndpoint("leadsquared:getLeadsByIds?pageSize=1000" + LIMITER,
                LeadSquaredEndpoint.class);

        long start = System.nanoTime();
        Exchange result = template.request(endpoint, e -> e.getIn().setBody(ids));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.getException()).isNull();
        List<LeadSquaredLead> leads = leadsOf(result);
        assertThat(leads).hasSize(25_000);
        assertThat(leads).extracting(l -> l.getId().toString()).containsExactlyElementsOf(ids);
        assertThat(leads.get(24_999).get("EmailAddress")).isEqualTo("lead27000@example.com");
        assertThat(result.getMessage().getHeader(LeadSquaredConstants.MISSING_IDS, List.class)).isEmpty();

        long rateLimited = emulator.get().counters().responses(Api.LEADSQUARED, "429");
        long calls = emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION);
        report("25,000 ids, limiter " + CALLS + "/" + WINDOW.toMillis() + "ms", calls, rateLimited, endpoint.getLimiter(), elapsedMillis);
        // 3 requests (10,000 + 10,000 + 5,000 ids) paged by 1,000: 10 + 10 + 5 calls
        assertThat(calls).isEqualTo(25);
        assertThat(rateLimited).as("HTTP 429 answers seen by a steady run").isZero();
        assertThat(endpoint.getLimiter().getThrottledWaits()).as("the limiter held calls back").isPositive();
    }

    @Test
    void twentyFiveThousandIdsWithTheVendorPolicyAndDefaultOptions() {
        emulator.get().limits().setPolicy(Api.LEADSQUARED, LimitPolicy.leadSquared());
        List<String> ids = prospectIds(5_000, 25_000);
        LeadSquaredEndpoint endpoint = context.getEndpoint("leadsquared:getLeadsByIds", LeadSquaredEndpoint.class);

        long start = System.nanoTime();
        Exchange result = template.request(endpoint, e -> e.getIn().setBody(ids));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.getException()).isNull();
        assertThat(leadsOf(result)).extracting(l -> l.getId().toString()).containsExactlyElementsOf(ids);
        long rateLimited = emulator.get().counters().responses(Api.LEADSQUARED, "429");
        long calls = emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION);
        report("25,000 ids, vendor policy 25/5s, default options", calls, rateLimited, endpoint.getLimiter(), elapsedMillis);
        assertThat(calls).isEqualTo(25);
        assertThat(rateLimited).isZero();
    }

    @Test
    void a429StormWithoutTheLimiterIsRetriedAndStillComplete() {
        List<String> ids = prospectIds(0, 3_000);
        LeadSquaredEndpoint endpoint = context.getEndpoint("leadsquared:getLeadsByIds?pageSize=100&rateLimitCalls=0&rateLimitWindow="
                                                           + WINDOW.toMillis() + "ms",
                LeadSquaredEndpoint.class);

        long start = System.nanoTime();
        Exchange result = template.request(endpoint, e -> e.getIn().setBody(ids));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.getException()).isNull();
        assertThat(leadsOf(result)).extracting(l -> l.getId().toString()).containsExactlyElementsOf(ids);
        long rateLimited = emulator.get().counters().responses(Api.LEADSQUARED, "429");
        long calls = emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION);
        report("3,000 ids, limiter off (429 storm)", calls, rateLimited, endpoint.getLimiter(), elapsedMillis);
        assertThat(rateLimited).as("without the limiter the emulator refuses calls").isPositive();
        assertThat(calls - rateLimited).as("successful calls: 30 pages").isEqualTo(30);
    }

    @Test
    void concurrentExchangesShareTheAccountLimiterAndSeeNo429() throws Exception {
        LeadSquaredEndpoint endpoint = context.getEndpoint("leadsquared:getLeadsByIds?pageSize=400" + LIMITER,
                LeadSquaredEndpoint.class);
        List<Thread> threads = new ArrayList<>();
        List<Exchange> results = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            List<String> ids = prospectIds(t * 2_000, 2_000);
            Thread thread = new Thread(() -> results.add(template.request(endpoint, e -> e.getIn().setBody(ids))));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        assertThat(results).hasSize(4).allSatisfy(r -> {
            assertThat(r.getException()).isNull();
            assertThat(leadsOf(r)).hasSize(2_000);
        });
        assertThat(emulator.get().counters().responses(Api.LEADSQUARED, "429")).isZero();
        assertThat(emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION)).isEqualTo(20);
    }

    @SuppressWarnings("unchecked")
    private static List<LeadSquaredLead> leadsOf(Exchange result) {
        return result.getMessage().getBody(List.class);
    }

    private static void report(String scenario, long calls, long rateLimited, CallLimiter limiter, long elapsedMillis) {
        System.out.printf("LeadSquared bulk report [%s]: %d calls, %d HTTP 429, limiter: %d throttled waits, %d ms waiting; %d ms%n",
                scenario, calls, rateLimited, limiter.getThrottledWaits(), limiter.getTotalWait().toMillis(), elapsedMillis);
    }
}
