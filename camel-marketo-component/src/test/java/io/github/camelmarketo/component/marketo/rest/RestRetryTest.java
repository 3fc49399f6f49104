package io.github.camelmarketo.component.marketo.rest;

import java.util.List;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.client.SyncOptions;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.LeadKeyType;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.MarketoQuotaExceededException;
import io.github.camelmarketo.component.marketo.model.MarketoRateLimitException;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The retry policy against injected vendor faults: reads are retried on 606/5xx/dropped connections, writes only
 * when nothing was applied (606), never after a 5xx; 607 fails at once; a 414 is resent as POST _method=GET.
 */
class RestRetryTest extends RestTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(400).maxUrlLength(2048));

    private static final String LEADS = "/rest/v1/leads.json";
    private static final SyncOptions UPSERT = new SyncOptions(true, false, null, null, null, null, false);

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setMaxRetries(3);
    }

    private String anEmail() {
        return emulator().store().findById(LeadStore.FIRST_ID).orElseThrow().getEmail();
    }

    @Test
    void readIsRetriedAfter606And5xxAndADroppedConnection() {
        emulator().faults().inject(Api.REST, "GET " + LEADS, new Fault.VendorError("606"), 1);
        emulator().faults().inject(Api.REST, "GET " + LEADS, new Fault.HttpStatus(503), 1);
        emulator().faults().inject(Api.REST, "GET " + LEADS, new Fault.DropConnection(), 1);
        try (RestMarketoClient client = client("marketo:getLead")) {
            assertThat(client.getLead(LeadKey.email(anEmail()), List.of())).hasSize(1);
        }
        assertThat(emulator().faults().pending()).isZero();
        assertThat(emulator().counters().responses(Api.REST, "606")).isEqualTo(1);
        assertThat(emulator().counters().calls(Api.REST, "GET " + LEADS)).isEqualTo(4);
        assertThat(stats().getRetries()).isEqualTo(3);
        assertThat(stats().getRateLimitResponses()).isEqualTo(1);
    }

    @Test
    void readGivesUpAfterMaxRetriesWithTheVendorCode() {
        emulator().faults().inject(Api.REST, "GET " + LEADS, new Fault.VendorError("611"), 10);
        try (RestMarketoClient client = client("marketo:getLead")) {
            assertThatThrownBy(() -> client.getLead(LeadKey.email(anEmail()), List.of()))
                    .isInstanceOf(MarketoException.class)
                    .hasMessageContaining("getLead failed with code 611")
                    .hasMessageContaining("after 3 retries");
        }
        assertThat(emulator().counters().responses(Api.REST, "611")).isEqualTo(4);
    }

    @Test
    void writeIsRetriedAfter606BecauseNothingWasApplied() {
        emulator().faults().inject(Api.REST, "POST " + LEADS, new Fault.VendorError("606"), 2);
        List<SyncResult> results;
        try (RestMarketoClient client = client("marketo:syncMultipleLeads")) {
            results = client.syncMultipleLeads(List.of(Lead.withEmail("retried.write@example.com")), UPSERT);
        }
        assertThat(results).singleElement().extracting(SyncResult::status).isEqualTo(SyncStatus.CREATED);
        assertThat(emulator().store().findByEmail("retried.write@example.com")).hasSize(1);
    }

    @Test
    void writeIsNotRetriedAfterA5xxThatMightHaveBeenApplied() {
        emulator().faults().inject(Api.REST, "POST " + LEADS, new Fault.HttpStatus(502), 1);
        try (RestMarketoClient client = client("marketo:syncMultipleLeads")) {
            assertThatThrownBy(() -> client.syncMultipleLeads(List.of(Lead.withEmail("maybe@example.com")), UPSERT))
                    .isInstanceOf(MarketoException.class)
                    .hasMessageContaining("502")
                    .hasMessageContaining("Not retried: the write may have been applied");
        }
        assertThat(emulator().counters().calls(Api.REST, "POST " + LEADS)).isEqualTo(1);
        assertThat(stats().getRetries()).isZero();
    }

    @Test
    void writeIsNotRetriedAfterADroppedConnection() {
        emulator().faults().inject(Api.REST, "POST " + LEADS, new Fault.DropConnection(), 1);
        try (RestMarketoClient client = client("marketo:syncMultipleLeads")) {
            assertThatThrownBy(() -> client.syncMultipleLeads(List.of(Lead.withEmail("dropped@example.com")), UPSERT))
                    .isInstanceOf(MarketoException.class)
                    .hasMessageContaining("Not retried");
        }
        assertThat(emulator().counters().calls(Api.REST, "POST " + LEADS)).isEqualTo(1);
    }

    @Test
    void dailyQuotaFailsAtOnceWithAClearMessage() {
        emulator().limits().setPolicy(Api.REST, LimitPolicy.marketoRest().withDailyQuota(1));
        try (RestMarketoClient client = client("marketo:getLead")) {
            assertThat(client.getLead(LeadKey.email(anEmail()), List.of())).hasSize(1);
            assertThatThrownBy(() -> client.getLead(LeadKey.email(anEmail()), List.of()))
                    .isInstanceOf(MarketoQuotaExceededException.class)
                    .hasMessageContaining("code 607")
                    .hasMessageContaining("daily REST API quota")
                    .hasMessageContaining("Not retried");
        }
        assertThat(emulator().counters().responses(Api.REST, "607")).isEqualTo(1);
        assertThat(stats().getQuotaExceededResponses()).isEqualTo(1);
    }

    @Test
    void persistentRateLimitEndsWithARateLimitException() {
        emulator().faults().inject(Api.REST, "GET " + LEADS, new Fault.VendorError("615"), 10);
        try (RestMarketoClient client = client("marketo:getLead")) {
            assertThatThrownBy(() -> client.getLead(LeadKey.email(anEmail()), List.of()))
                    .isInstanceOf(MarketoRateLimitException.class)
                    .hasMessageContaining("615");
        }
        assertThat(stats().getConcurrencyLimitResponses()).isEqualTo(4);
    }

    @Test
    void uriTooLongIsResentAsPostWithMethodGet() {
        // 150 emails make a query beyond the emulator's 2 KB request line but below the client's own 7 KB switch
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            values.add(emulator().store().findById(LeadStore.FIRST_ID + i).orElseThrow().getEmail());
        }
        assertThat(String.join(",", values).length()).isBetween(2048, RestTransport.MAX_GET_LENGTH / 2);
        LeadPage page;
        try (RestMarketoClient client = client("marketo:getMultipleLeads")) {
            page = client.getMultipleLeads(new LeadSelector.ByKeys(LeadKeyType.EMAIL, values), null, 300, List.of());
        }
        assertThat(page.leads()).hasSize(150);
        assertThat(emulator().counters().responses(Api.REST, "414")).isEqualTo(1);
        assertThat(emulator().counters().calls(Api.REST, "GET " + LEADS)).isEqualTo(2);
    }

    @Test
    void veryLongQueriesGoStraightToPostWithMethodGet() {
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add("someone.with.a.rather.long.address." + i + "@example.com");
        }
        try (RestMarketoClient client = client("marketo:getMultipleLeads")) {
            assertThat(client.getMultipleLeads(new LeadSelector.ByKeys(LeadKeyType.EMAIL, values), null, 300, List.of())
                    .leads()).isEmpty();
        }
        assertThat(emulator().counters().responses(Api.REST, "414")).isZero();
    }
}
