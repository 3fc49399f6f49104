package io.github.camelmarketo.component.leadsquared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.camelmarketo.component.support.RateLimiter;
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
 * back. The tests that need calls to be refused or held back use windows of a second or two, so a loaded build machine
 * (a call of 1,000 leads taking 200 ms) does not change what they see. Prints a report line per test.
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
        // 3 calls / 1 s on both sides: the limiter must hold calls back unless a call takes more than a third of a second
        emulator.get().limits().setPolicy(Api.LEADSQUARED, LimitPolicy.leadSquared().withCallsPerWindow(3, Duration.ofSeconds(1)));
        List<String> ids = prospectIds(2_000, 25_000);
        Run run = run("25,000 ids, limiter 3/1s", "pageSize=1000&rateLimitCalls=3&rateLimitWindow=1s", ids);

        assertThat(run.leads().get(24_999).get("EmailAddress")).isEqualTo("lead27000@example.com");
        assertThat(run.result().getMessage().getHeader(LeadSquaredConstants.MISSING_IDS, List.class)).isEmpty();
        // 3 requests (10,000 + 10,000 + 5,000 ids) paged by 1,000: 10 + 10 + 5 calls
        assertThat(run.calls()).isEqualTo(25);
        assertThat(run.rateLimited()).as("HTTP 429 answers seen by a steady run").isZero();
        assertThat(run.limiter().stats().throttledWaits()).as("the limiter held calls back").isPositive();
    }

    @Test
    void twentyFiveThousandIdsWithTheVendorPolicyAndDefaultOptions() {
        emulator.get().limits().setPolicy(Api.LEADSQUARED, LimitPolicy.leadSquared());
        Run run = run("25,000 ids, vendor policy 25/5s, default options", "", prospectIds(5_000, 25_000));

        // requests of 10,000 + 10,000 + 5,000 ids, each answered in one page (pageSize 10,000)
        assertThat(run.calls()).isEqualTo(3);
        assertThat(run.rateLimited()).isZero();
    }

    @Test
    void a429StormWithoutTheLimiterIsRetriedAndStillComplete() {
        // 5 calls / 2 s at the emulator: the sixth of 10 quick calls is refused unless a call takes 400 ms
        emulator.get().limits().setPolicy(Api.LEADSQUARED, LimitPolicy.leadSquared().withCallsPerWindow(5, Duration.ofSeconds(2)));
        Run run = run("1,000 ids, limiter off (429 storm)", "pageSize=100&rateLimitCalls=0&rateLimitWindow=2s",
                prospectIds(0, 1_000));

        assertThat(run.rateLimited()).as("without the limiter the emulator refuses calls").isPositive();
        assertThat(run.calls() - run.rateLimited()).as("successful calls: 10 pages").isEqualTo(10);
    }

    /** One exchange with {@code ids} through an endpoint with {@code options}: checked complete and in order, reported. */
    private Run run(String scenario, String options, List<String> ids) {
        LeadSquaredEndpoint endpoint = context.getEndpoint("leadsquared:getLeadsByIds" + (options.isEmpty() ? "" : "?" + options),
                LeadSquaredEndpoint.class);
        long start = System.nanoTime();
        Exchange result = template.request(endpoint, e -> e.getIn().setBody(ids));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.getException()).isNull();
        List<LeadSquaredLead> leads = leadsOf(result);
        assertThat(leads).extracting(l -> l.getId().toString()).containsExactlyElementsOf(ids);
        Run run = new Run(result, leads, emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION),
                emulator.get().counters().responses(Api.LEADSQUARED, "429"), endpoint.getLimiter());
        System.out.printf("LeadSquared bulk report [%s]: %d calls, %d HTTP 429, limiter: %d throttled waits, %d ms waiting; %d ms%n",
                scenario, run.calls(), run.rateLimited(), run.limiter().stats().throttledWaits(),
                run.limiter().stats().totalWait().toMillis(), elapsedMillis);
        return run;
    }

    private record Run(Exchange result, List<LeadSquaredLead> leads, long calls, long rateLimited, RateLimiter limiter) {
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
}
