package io.github.camelmarketo.component.marketo.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.client.SyncOptions;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Access tokens: one token shared by the endpoints, renewed before it expires and after 601/602, with concurrent
 * callers waiting for one renewal; a run spanning several token lifetimes loses no record.
 */
class RestTokenTest extends RestTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(50).tokenTtl(Duration.ofSeconds(1)));

    private static final SyncOptions UPSERT = new SyncOptions(true, false, null, null, null, null, false);

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setMaxRetries(2);
        // this class is about tokens: no client-side wait for the vendor's 100 calls / 20 s
        configuration.setRateLimitCalls(0);
    }

    @Test
    void syncsAcrossSeveralTokenLifetimesLoseNothing() throws Exception {
        emulator().limits().setPolicy(Api.REST, LimitPolicy.unlimited());
        int threads = 4;
        int rounds = 18;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<SyncResult>>> futures = new ArrayList<>();
        try (RestMarketoClient syncClient = client("marketo:syncMultipleLeads");
             RestMarketoClient readClient = client("marketo:getLead")) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<SyncResult> results = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        String email = "ttl." + thread + "." + round + "@example.com";
                        results.addAll(syncClient.syncMultipleLeads(List.of(Lead.withEmail(email)), UPSERT));
                        assertThat(readClient.getLead(LeadKey.email(email), List.of())).hasSize(1);
                        Thread.sleep(100);
                    }
                    return results;
                }));
            }
            int created = 0;
            for (Future<List<SyncResult>> future : futures) {
                for (SyncResult result : future.get()) {
                    assertThat(result.isSuccess()).as(result.toString()).isTrue();
                    created++;
                }
            }
            assertThat(created).isEqualTo(threads * rounds);
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < threads; t++) {
            for (int round = 0; round < rounds; round++) {
                assertThat(emulator().store().findByEmail("ttl." + t + "." + round + "@example.com")).hasSize(1);
            }
        }
        // the run spans more than one token lifetime, and both endpoints share one token per lifetime
        assertThat(stats().getTokenRefreshes()).isGreaterThan(1);
        assertThat(stats().getFailures()).isZero();
    }

    @Test
    void expiredTokenIsRefreshedOnceAndTheCallRetried() {
        try (RestMarketoClient client = client("marketo:getLead")) {
            assertThat(client.getLead(LeadKey.email("nobody@example.com"), List.of())).isEmpty();
            long before = stats().getTokenRefreshes();
            emulator().faults().inject(Api.REST, "GET /rest/v1/leads.json", new Fault.ExpireTokens(), 1);
            // the call that expires the token is answered normally; the next one gets 602, refreshes and is resent
            assertThat(client.getLead(LeadKey.email("nobody@example.com"), List.of())).isEmpty();
            assertThat(client.getLead(LeadKey.email("nobody@example.com"), List.of())).isEmpty();
            assertThat(stats().getTokenRefreshes()).isEqualTo(before + 1);
        }
        assertThat(emulator().counters().responses(Api.REST, "602")).isEqualTo(1);
    }

    @Test
    void concurrentCallersWithTheSameExpiredTokenCauseOneRefresh() throws Exception {
        emulator().limits().setPolicy(Api.REST, LimitPolicy.unlimited());
        try (RestMarketoClient client = client("marketo:getLead")) {
            client.getLead(LeadKey.email("warmup@example.com"), List.of());
            long before = stats().getTokenRefreshes();
            emulator().faults().inject(Api.REST, "GET /rest/v1/leads.json", new Fault.ExpireTokens(), 1);
            client.getLead(LeadKey.email("expire@example.com"), List.of());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    futures.add(pool.submit(() -> client.getLead(LeadKey.email("c@example.com"), List.of())));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(stats().getTokenRefreshes()).isEqualTo(before + 1);
        }
    }

    @Test
    void badClientSecretNamesTheIdentityUrlButNotTheSecret() {
        context.getComponent("marketo", io.github.camelmarketo.component.marketo.MarketoComponent.class)
                .getConfiguration().setClientSecret("wrong-secret-value");
        try (RestMarketoClient client = client("marketo:getLead")) {
            assertThatThrownBy(() -> client.getLead(LeadKey.email("x@example.com"), List.of()))
                    .isInstanceOf(MarketoAuthenticationException.class)
                    .hasMessageContaining(emulator().getIdentityEndpoint() + "/oauth/token")
                    .hasMessageContaining("401")
                    .hasMessageContaining("clientSecret")
                    .hasMessageNotContaining("wrong-secret-value")
                    .hasMessageNotContaining(emulator().getClientId());
        }
    }
}
