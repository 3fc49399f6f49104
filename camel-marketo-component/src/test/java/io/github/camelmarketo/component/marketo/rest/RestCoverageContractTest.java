package io.github.camelmarketo.component.marketo.rest;

import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoConstants;
import io.github.camelmarketo.component.marketo.model.ImportResult;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.contract.ContractReport;
import io.github.camelmarketo.emulator.contract.OpenApiContract;
import io.github.camelmarketo.emulator.contract.RecordedExchange;
import io.github.camelmarketo.emulator.core.LeadStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST calls of the list, schema, partition, program, campaign and import operations, recorded by the emulator
 * and checked against Adobe's OpenAPI document ({@link OpenApiContract}): requests and JSON responses.
 */
class RestCoverageContractTest extends RestTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(40));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setImportPollInterval(20);
    }

    private static long id(int index) {
        return LeadStore.FIRST_ID + index;
    }

    @Test
    void everyNewOperationSpeaksTheDocumentedContract() {
        emulator().recorder().start();
        List<Long> ids = List.of(id(0), id(1), 999_999L);
        template.requestBody("marketo:addToList?staticListName=VIP", ids);
        template.requestBody("marketo:isMemberOfList?staticListName=VIP", ids);
        template.requestBody("marketo:removeFromList?staticListName=VIP", ids);
        template.requestBody("marketo:describeLeads2", (Object) null);
        template.requestBody("marketo:getLeadById?fields=email,company", id(2));
        template.requestBody("marketo:getLeadPartitions", (Object) null);
        template.requestBody("marketo:updateLeadPartitions?partitionName=EMEA", ids);
        template.requestBody("marketo:changeProgramStatus?programId=2001&programStatus=Registered", ids);
        template.requestBodyAndHeader("marketo:requestCampaign?campaignId=3001", ids, MarketoConstants.CAMPAIGN_TOKENS,
                Map.of("{{my.subject}}", "Hi"));
        template.requestBodyAndHeader("marketo:scheduleCampaign?campaignId=3003", null, MarketoConstants.RUN_AT,
                "2026-12-24T18:00:00Z");
        ImportResult imported = template.requestBody("marketo:importLeads",
                List.of(Lead.withEmail("contract@example.com").set("firstName", "C"), Lead.withEmail("bad")), ImportResult.class);
        assertThat(imported.failed()).isEqualTo(1);

        List<RecordedExchange> exchanges = emulator().recorder().exchanges();
        ContractReport report = OpenApiContract.load().check(exchanges);
        System.out.println("OpenAPI contract of the new REST operations: " + report);
        assertThat(exchanges).extracting(RecordedExchange::path).contains("/rest/v1/leads/describe2.json",
                "/rest/v1/leads/partitions.json", "/bulk/v1/leads.json");
        assertThat(report.requestsChecked()).isEqualTo(exchanges.size());
        assertThat(report.violations()).isEmpty();
    }
}
