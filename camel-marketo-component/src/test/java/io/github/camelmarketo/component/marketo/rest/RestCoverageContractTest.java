package io.github.camelmarketo.component.marketo.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoConstants;
import io.github.camelmarketo.component.marketo.MarketoOperation;
import io.github.camelmarketo.component.marketo.model.ImportResult;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.LeadKeyType;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.contract.ContractReport;
import io.github.camelmarketo.emulator.contract.OpenApiContract;
import io.github.camelmarketo.emulator.contract.RecordedExchange;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire fidelity of every REST operation: each operation of {@link MarketoOperation} runs through a real route, the
 * emulator records every request the component sends (token call included) and its answer, and
 * {@link OpenApiContract} checks them against Adobe's documents ({@code swagger-mapi.json} for the REST and bulk calls,
 * {@code swagger-identity.json} for the token): method and path, query and form parameters, JSON bodies, and the JSON
 * responses. Known spec gaps live in one place, {@link OpenApiContract#SPEC_GAPS}. An operation added to
 * {@link MarketoOperation} without a scenario here fails the test. The consumer's wire (leadChanges, Bulk Extract
 * fallback) is checked by {@code LeadChangesContractTest}.
 */
class RestCoverageContractTest extends RestTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(
            b -> b.leads(40).restLimits(LimitPolicy.unlimited()));

    /** A numeric or UUID path segment (lead, list, program, campaign, batch and export ids). */
    private static final String ID_SEGMENT = "/(\\d+|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})(?=[/.])";

    private static final String LONG_AGO = OffsetDateTime.now(ZoneOffset.UTC).minusDays(61).truncatedTo(ChronoUnit.SECONDS)
            .toString();

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setImportPollInterval(20);
        configuration.setExtractPollInterval(20);
        configuration.setRateLimitCalls(0);
        configuration.setMaxConcurrentCalls(0);
    }

    private static long id(int index) {
        return LeadStore.FIRST_ID + index;
    }

    /** Reads an iterator body to the end, so that every page is requested. */
    private static int drain(Object body) {
        int count = 0;
        for (Iterator<?> it = (Iterator<?>) body; it.hasNext(); it.next()) {
            count++;
        }
        return count;
    }

    /** One scenario per operation; every operation of the table runs over REST. */
    private Map<MarketoOperation, Runnable> scenarios() {
        List<Long> ids = List.of(id(0), id(1), 999_999L);
        Map<MarketoOperation, Runnable> s = new EnumMap<>(MarketoOperation.class);
        s.put(MarketoOperation.getLead, () -> template.requestBody("marketo:getLead?fields=email,firstName", LeadKey.id(id(0))));
        s.put(MarketoOperation.getMultipleLeads, () -> {
            template.requestBody("marketo:getMultipleLeads?batchSize=2",
                    new LeadSelector.ByKeys(LeadKeyType.IDNUM, List.of(Long.toString(id(0)), Long.toString(id(1)), Long.toString(id(2)))));
            template.requestBody("marketo:getMultipleLeads?batchSize=5", LeadSelector.ByStaticList.named("VIP"));
            // Bulk Lead Extract: create, enqueue, status, file
            assertThat(drain(template.requestBody("marketo:getMultipleLeads?batchSize=300&fetchAll=true",
                    new LeadSelector.ByLastUpdate(OffsetDateTime.now(ZoneOffset.UTC).minusDays(2), null)))).isPositive();
        });
        s.put(MarketoOperation.syncLead, () -> template.requestBody("marketo:syncLead",
                Lead.withEmail("wire.one@example.com").set("firstName", "One")));
        s.put(MarketoOperation.syncMultipleLeads, () -> template.requestBody("marketo:syncMultipleLeads",
                List.of(Lead.withEmail("wire.two@example.com"), Lead.withEmail("wire.three@example.com").set("company", "W"))));
        s.put(MarketoOperation.describeLeads, () -> template.requestBody("marketo:describeLeads", (Object) null));
        s.put(MarketoOperation.getLeadsById, () -> template.requestBody("marketo:getLeadsById?fields=email", List.of(id(0), id(1))));
        s.put(MarketoOperation.getLeadsByFilter, () -> template.requestBodyAndHeader("marketo:getLeadsByFilter?batchSize=1",
                "lead1@example.com,lead2@example.com", MarketoConstants.FILTER_TYPE, "email"));
        s.put(MarketoOperation.syncLeads, () -> template.requestBody("marketo:syncLeads?action=createOnly",
                List.of(Lead.withEmail("wire.four@example.com"))));
        s.put(MarketoOperation.deleteLeads, () -> template.requestBody("marketo:deleteLeads", List.of(id(39), 999_999L)));
        s.put(MarketoOperation.mergeLeads, () -> template.requestBodyAndHeader("marketo:mergeLeads", List.of(id(38)),
                MarketoConstants.WINNING_LEAD_ID, id(37)));
        s.put(MarketoOperation.associateLead, () -> template.requestBodyAndHeader("marketo:associateLead", id(4),
                MarketoConstants.MARKETO_COOKIE, "id:123-EMU-456&token:_mch-example.com-1-2"));
        s.put(MarketoOperation.pushLeads, () -> template.request("marketo:pushLeads", e -> {
            e.getMessage().setHeader(MarketoConstants.PROGRAM_NAME, "Webinar 2026");
            e.getMessage().setHeader(MarketoConstants.PUSH_SOURCE, "wire test");
            e.getMessage().setBody(List.of(Lead.withEmail("wire.push@example.com").set("firstName", "Pushed")));
        }));
        s.put(MarketoOperation.getLeadsByList, () -> template.requestBody("marketo:getLeadsByList?staticListName=VIP&batchSize=2",
                (Object) null));
        s.put(MarketoOperation.getLeadsByProgram, () -> template.requestBody("marketo:getLeadsByProgram?fields=email", 2001L));
        s.put(MarketoOperation.getListsByLead, () -> template.requestBody("marketo:getListsByLead", id(0)));
        s.put(MarketoOperation.getProgramsByLead, () -> template.requestBody("marketo:getProgramsByLead", id(0)));
        s.put(MarketoOperation.getCampaignsByLead, () -> template.requestBody("marketo:getCampaignsByLead", id(0)));
        s.put(MarketoOperation.addToList, () -> template.requestBody("marketo:addToList?staticListName=VIP", ids));
        s.put(MarketoOperation.removeFromList, () -> template.requestBody("marketo:removeFromList?staticListName=VIP", ids));
        s.put(MarketoOperation.isMemberOfList, () -> template.requestBody("marketo:isMemberOfList?staticListName=VIP", ids));
        s.put(MarketoOperation.describeLeads2, () -> template.requestBody("marketo:describeLeads2", (Object) null));
        s.put(MarketoOperation.getLeadById, () -> template.requestBody("marketo:getLeadById?fields=email,company", id(2)));
        s.put(MarketoOperation.getLeadPartitions, () -> template.requestBody("marketo:getLeadPartitions", (Object) null));
        s.put(MarketoOperation.updateLeadPartitions, () -> template.requestBody("marketo:updateLeadPartitions?partitionName=EMEA", ids));
        s.put(MarketoOperation.changeProgramStatus, () -> template.requestBody(
                "marketo:changeProgramStatus?programId=2001&programStatus=Registered", ids));
        s.put(MarketoOperation.requestCampaign, () -> template.requestBodyAndHeader("marketo:requestCampaign?campaignId=3001",
                ids, MarketoConstants.CAMPAIGN_TOKENS, Map.of("{{my.subject}}", "Hi")));
        s.put(MarketoOperation.scheduleCampaign, () -> template.requestBodyAndHeader("marketo:scheduleCampaign?campaignId=3003",
                null, MarketoConstants.RUN_AT, "2026-12-24T18:00:00Z"));
        s.put(MarketoOperation.importLeads, () -> {
            ImportResult imported = template.requestBody("marketo:importLeads", List.of(
                    Lead.withEmail("contract@example.com").set("firstName", "C"), Lead.withEmail("bad")), ImportResult.class);
            assertThat(imported.failed()).isEqualTo(1);
        });
        s.put(MarketoOperation.getActivityTypes, () -> template.requestBody("marketo:getActivityTypes", (Object) null));
        s.put(MarketoOperation.getLeadActivities, () -> {
            template.requestBody("marketo:getLeadActivities?activityTypeIds=12,13&batchSize=50&oldestUpdatedAt=" + LONG_AGO,
                    List.of(id(0), id(1)));
            assertThat(drain(template.requestBody("marketo:getLeadActivities?activityTypeIds=12&fetchAll=true"
                                                  + "&staticListName=VIP&oldestUpdatedAt=" + LONG_AGO, (Object) null))).isEqualTo(3);
        });
        s.put(MarketoOperation.getDeletedLeads, () -> assertThat(template.requestBody(
                "marketo:getDeletedLeads?oldestUpdatedAt=" + LONG_AGO, null, List.class)).hasSize(2));
        return s;
    }

    @Test
    void everyRestOperationSpeaksTheDocumentedContract() {
        emulator().recorder().recordIdentity(true);
        emulator().recorder().start();
        Map<MarketoOperation, Runnable> scenarios = scenarios();
        Set<MarketoOperation> restOperations = EnumSet.allOf(MarketoOperation.class);
        assertThat(scenarios.keySet()).as("a scenario for every operation of MarketoOperation (all run over REST)")
                .containsExactlyInAnyOrderElementsOf(restOperations);

        Map<MarketoOperation, List<RecordedExchange>> byOperation = new LinkedHashMap<>();
        scenarios.forEach((operation, scenario) -> {
            int before = emulator().recorder().exchanges().size();
            scenario.run();
            List<RecordedExchange> all = emulator().recorder().exchanges();
            byOperation.put(operation, all.subList(before, all.size()));
        });
        List<RecordedExchange> recorded = emulator().recorder().exchanges();
        ContractReport report = OpenApiContract.load().check(recorded);

        Map<String, Integer> calls = new TreeMap<>();
        recorded.forEach(e -> calls.merge(e.method() + " " + e.path().replaceAll(ID_SEGMENT, "/{id}"), 1, Integer::sum));
        Set<MarketoOperation> covered = EnumSet.noneOf(MarketoOperation.class);
        byOperation.forEach((operation, exchanges) -> {
            if (!exchanges.isEmpty()) {
                covered.add(operation);
            }
        });
        System.out.println("OpenAPI wire contract: " + recorded.size() + " requests validated, "
                           + report.responsesValidated() + " responses validated, " + covered.size() + " of "
                           + restOperations.size() + " operations covered, " + report.violations().size()
                           + " violations, " + OpenApiContract.SPEC_GAPS.size() + " known spec gaps\n" + report
                           + "\ncalls " + calls);

        assertThat(covered).as("operations that sent at least one REST request").containsExactlyInAnyOrderElementsOf(restOperations);
        assertThat(report.violations()).isEmpty();
        assertThat(report.requestsChecked()).isEqualTo(recorded.size());
        // every answer is JSON (envelopes, the token) except two CSV files: the extract's and the import's failures
        assertThat(report.responsesSkipped()).isEqualTo((int) recorded.stream().filter(e -> !e.jsonResponse()).count())
                .isEqualTo(2);
        assertThat(report.responsesValidated()).isEqualTo(recorded.size() - 2);
        assertThat(calls).containsEntry("POST /identity/oauth/token", 1)
                .containsEntry("GET /bulk/v1/leads/export/{id}/file.json", 1)
                .containsEntry("GET /bulk/v1/leads/batch/{id}/failures.json", 1)
                .containsEntry("GET /rest/v1/activities.json", 2)
                .containsEntry("GET /rest/v1/activities/types.json", 1)
                .containsEntry("GET /rest/v1/activities/deletedleads.json", 1);
        assertThat(byOperation.get(MarketoOperation.getLeadActivities)).extracting(RecordedExchange::path)
                .containsExactly("/rest/v1/activities/pagingtoken.json", "/rest/v1/activities.json",
                        "/rest/v1/lists.json", "/rest/v1/activities/pagingtoken.json", "/rest/v1/activities.json");
        assertThat(byOperation.get(MarketoOperation.getLeadActivities).get(1).params())
                .containsEntry("activityTypeIds", List.of("12,13"))
                .containsEntry("leadIds", List.of(id(0) + "," + id(1)))
                .containsEntry("batchSize", List.of("50"));
    }
}
