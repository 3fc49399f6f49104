package io.github.camelmarketo.component.marketo.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.marketo.MarketoConstants;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.rest.CampaignRun;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * changeProgramStatus, requestCampaign and scheduleCampaign against the emulator's programs (2001 Webinar 2026: every
 * 4th seeded lead; 2003 Trade Show Berlin) and campaigns (3001, 3002 trigger; 3003 batch).
 */
class RestProgramsAndCampaignsTest extends RestTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(1400));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    private static long id(int index) {
        return LeadStore.FIRST_ID + index;
    }

    @Test
    void changeProgramStatusIsVisibleThroughTheProgramEndpoints() {
        // 310 members of program 2001 (every 4th lead), one non-member, one unknown lead
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 310; i++) {
            ids.add(id(i * 4));
        }
        ids.add(id(1));
        ids.add(999_999L);
        Exchange out = template.request("marketo:changeProgramStatus?programId=2001&programStatus=Attended",
                e -> e.getMessage().setBody(ids));
        @SuppressWarnings("unchecked")
        List<SyncResult> results = out.getMessage().getBody(List.class);
        assertThat(results).hasSize(312);
        assertThat(results.subList(0, 310)).allMatch(r -> r.status() == SyncStatus.UPDATED);
        assertThat(results.get(310).status()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(results.get(310).reasons().get(0).message()).contains("not a member of program 2001");
        assertThat(results.get(311).status()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(out.getMessage().getHeader(MarketoConstants.FAILED_COUNT)).isEqualTo(2);
        assertThat(emulator().counters().calls(Api.REST, "POST /rest/v1/leads/programs/{programId}/status.json")).isEqualTo(2);

        List<?> programs = template.requestBody("marketo:getProgramsByLead", id(4), List.class);
        assertThat(programs).filteredOn(p -> Integer.valueOf(2001).equals(((Map<?, ?>) p).get("id"))).singleElement()
                .satisfies(p -> {
                    assertThat(((Map<?, ?>) p).get("progressionStatus")).isEqualTo("Attended");
                    assertThat(((Map<?, ?>) p).get("reachedSuccess")).isEqualTo(true);
                });
        List<?> members = template.requestBody("marketo:getLeadsByProgram?batchSize=300&fetchAll=false", 2001L, List.class);
        assertThat(members).allSatisfy(l -> assertThat(((Lead) l).get("membership")).contains("\"progressionStatus\":\"Attended\""));
    }

    @Test
    void changeProgramStatusWithAStatusTheChannelLacksIsAVendorError() {
        assertThatThrownBy(() -> template.requestBodyAndHeader("marketo:changeProgramStatus?programId=2003",
                List.of(id(0)), MarketoConstants.PROGRAM_STATUS, "Engaged"))
                .cause().isInstanceOf(MarketoException.class).hasMessageContaining("1003")
                .hasMessageContaining("Invalid status 'Engaged'").hasMessageContaining("Registered");
    }

    @Test
    void requestCampaignSendsLeadsIn100sWithTokens() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(id(i));
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("{{my.subject}}", "Welcome");
        tokens.put("{{my.offer}}", "20%");
        Exchange out = template.request("marketo:requestCampaign?campaignId=3001", e -> {
            e.getMessage().setBody(ids);
            e.getMessage().setHeader(MarketoConstants.CAMPAIGN_TOKENS, tokens);
        });
        assertThat(out.getMessage().getBody()).isEqualTo(3001L);
        List<CampaignRun> runs = emulator().rest().campaignRuns();
        assertThat(runs).hasSize(3).allSatisfy(run -> {
            assertThat(run.campaignId()).isEqualTo(3001);
            assertThat(run.kind()).isEqualTo("trigger");
            assertThat(run.tokens()).isEqualTo(tokens);
            assertThat(run.unknownLeadIds()).isEmpty();
        });
        assertThat(runs).extracting(r -> r.leadIds().size()).containsExactly(100, 100, 50);
        List<Long> requested = new ArrayList<>();
        runs.forEach(r -> r.leadIds().forEach(i -> requested.add((long) i)));
        assertThat(requested).containsExactlyElementsOf(ids);
        assertThat(emulator().counters().calls(Api.REST, "POST /rest/v1/campaigns/{campaignId}/trigger.json")).isEqualTo(3);
    }

    @Test
    void scheduleCampaignRunsABatchCampaignAtTheGivenTime() {
        Instant runAt = Instant.parse("2026-12-24T18:00:00Z");
        Exchange out = template.request("marketo:scheduleCampaign", e -> {
            e.getMessage().setHeader(MarketoConstants.CAMPAIGN_ID, 3003L);
            e.getMessage().setHeader(MarketoConstants.RUN_AT, "2026-12-24T19:00:00+01:00");
            e.getMessage().setHeader(MarketoConstants.CAMPAIGN_TOKENS, Map.of("{{my.greeting}}", "Merry"));
        });
        assertThat(out.getMessage().getBody()).isEqualTo(3003L);
        assertThat(emulator().rest().campaignRuns()).singleElement().satisfies(run -> {
            assertThat(run.kind()).isEqualTo("schedule");
            assertThat(run.runAt()).isEqualTo(runAt);
            assertThat(run.tokens()).containsEntry("{{my.greeting}}", "Merry");
        });
        // without runAt: the vendor's default, five minutes after the call
        template.requestBody("marketo:scheduleCampaign?campaignId=3003", (Object) null);
        CampaignRun second = emulator().rest().campaignRuns().get(1);
        assertThat(second.runAt()).isEqualTo(second.requestedAt().plusSeconds(300));
    }

    @Test
    void theWrongCampaignTypeIsAVendorError() {
        assertThatThrownBy(() -> template.requestBody("marketo:requestCampaign?campaignId=3003", List.of(id(1))))
                .cause().isInstanceOf(MarketoException.class).hasMessageContaining("batch campaign");
        assertThatThrownBy(() -> template.requestBody("marketo:scheduleCampaign?campaignId=3001", (Object) null))
                .cause().isInstanceOf(MarketoException.class).hasMessageContaining("trigger campaign");
        assertThat(emulator().rest().campaignRuns()).isEmpty();
    }

    @Test
    void badInputFailsBeforeAnyCall() {
        assertThatThrownBy(() -> template.requestBody("marketo:changeProgramStatus?programStatus=Attended", List.of(id(0))))
                .cause().hasMessageContaining(MarketoConstants.PROGRAM_ID).hasMessageContaining("programId");
        assertThatThrownBy(() -> template.requestBody("marketo:changeProgramStatus?programId=2001", List.of(id(0))))
                .cause().hasMessageContaining(MarketoConstants.PROGRAM_STATUS).hasMessageContaining("programStatus");
        assertThatThrownBy(() -> template.requestBody("marketo:requestCampaign", List.of(id(0))))
                .cause().hasMessageContaining(MarketoConstants.CAMPAIGN_ID).hasMessageContaining("campaignId");
        assertThatThrownBy(() -> template.requestBodyAndHeader("marketo:requestCampaign?campaignId=3001", List.of(id(0)),
                MarketoConstants.CAMPAIGN_TOKENS, Map.of("subject", "x")))
                .cause().hasMessageContaining("'subject'").hasMessageContaining("{{my.name}}");
        assertThatThrownBy(() -> template.requestBodyAndHeader("marketo:scheduleCampaign?campaignId=3003", null,
                MarketoConstants.RUN_AT, "next tuesday"))
                .cause().hasMessageContaining(MarketoConstants.RUN_AT).hasMessageContaining("next tuesday");
        assertThat(emulator().counters().calls(Api.REST)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "changeProgramStatus", "requestCampaign", "scheduleCampaign" })
    void restOnlyOnSoapFailsAtEndpointCreation(String operation) {
        assertThatThrownBy(() -> context.getEndpoint("marketo:" + operation + "?api=soap&userId=u&encryptionKey=k"))
                .hasStackTraceContaining(operation + " is REST-only");
    }
}
