package io.github.camelmarketo.component.marketo.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.marketo.MarketoConstants;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.LeadKeyType;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** syncLead and syncMultipleLeads over SOAP: options, bodies, per-record failures, chunking, workspaces. */
class SoapWriteOperationsTest extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(20));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    private long calls(String operation) {
        return emulator.get().counters().calls(Api.SOAP, operation);
    }

    @SuppressWarnings("unchecked")
    private List<SyncResult> results(Object body) {
        return (List<SyncResult>) body;
    }

    private static List<Lead> newLeads(int count, String prefix) {
        List<Lead> leads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leads.add(Lead.withEmail(prefix + i + "@example.com").set("FirstName", "N" + i));
        }
        return leads;
    }

    // ------------------------------------------------------------------ syncLead

    @Test
    void syncLeadCreatesThenUpdates() {
        Exchange out = template.request("marketo:syncLead",
                e -> e.getMessage().setBody(Lead.withEmail("ada@example.com").set("FirstName", "Ada")));
        SyncResult created = out.getMessage().getBody(SyncResult.class);
        assertThat(created.status()).isEqualTo(SyncStatus.CREATED);
        assertThat(created.leadId()).isNotNull();
        assertThat(created.lead()).as("returnLead=false").isNull();
        assertThat(out.getMessage().getHeader(MarketoConstants.FAILED_COUNT)).isEqualTo(0);

        SyncResult updated = template.requestBody("marketo:syncLead",
                Lead.withEmail("ada@example.com").set("LastName", "Lovelace"), SyncResult.class);
        assertThat(updated.status()).isEqualTo(SyncStatus.UPDATED);
        assertThat(updated.leadId()).isEqualTo(created.leadId());
        EmulatorLead stored = emulator.get().store().findById(created.leadId().intValue()).orElseThrow();
        assertThat(stored.getAttributes()).containsEntry("FirstName", "Ada").containsEntry("LastName", "Lovelace");
    }

    @Test
    void syncLeadReturnLead() {
        SyncResult result = template.requestBody("marketo:syncLead?returnLead=true",
                Lead.withEmail("grace@example.com").set("FirstName", "Grace"), SyncResult.class);
        assertThat(result.lead()).isNotNull();
        assertThat(result.lead().getId()).isEqualTo(result.leadId());
        assertThat(result.lead().getEmail()).isEqualTo("grace@example.com");
        assertThat(result.lead().get("firstName")).isEqualTo("Grace");
    }

    @Test
    void syncLeadWithMarketoCookieOptionAndHeader() {
        String cookie = "id:561-HYG-937&token:_mch-example.com-1374552656411-90718";
        SyncResult result = template.requestBody("marketo:syncLead?marketoCookie=RAW(" + cookie + ")",
                Lead.withEmail("cookie1@example.com"), SyncResult.class);
        assertThat(result.status()).isEqualTo(SyncStatus.CREATED);
        @SuppressWarnings("unchecked")
        List<Lead> byCookie = template.requestBody("marketo:getLead", LeadKey.of(LeadKeyType.COOKIE, cookie), List.class);
        assertThat(byCookie).extracting(Lead::getId).containsExactly(result.leadId());

        String other = "id:561-HYG-937&token:_mch-example.com-2";
        result = template.requestBodyAndHeader("marketo:syncLead", Lead.withEmail("cookie2@example.com"),
                MarketoConstants.MARKETO_COOKIE, other, SyncResult.class);
        assertThat(emulator.get().store().findByCookie(other)).extracting(EmulatorLead::getId)
                .containsExactly(result.leadId().intValue());
    }

    @Test
    void syncLeadRejectedRecordIsAFailedResult() {
        Exchange out = template.request("marketo:syncLead",
                e -> e.getMessage().setBody(Lead.withEmail("bad@example.com").set("NoSuchField", "x")));
        assertThat(out.getException()).isNull();
        SyncResult result = out.getMessage().getBody(SyncResult.class);
        assertThat(result.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(result.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("20105");
            assertThat(r.message()).contains("NoSuchField");
        });
        assertThat(out.getMessage().getHeader(MarketoConstants.FAILED_COUNT)).isEqualTo(1);
        assertThat(emulator.get().store().findByEmail("bad@example.com")).isEmpty();
        assertThat(calls("syncLead")).as("a rejected record is not retried").isEqualTo(1);
    }

    @Test
    void syncLeadFromMapAndJson() {
        SyncResult fromMap = template.requestBody("marketo:syncLead",
                Map.of("Email", "map@example.com", "FirstName", "Mia"), SyncResult.class);
        assertThat(fromMap.status()).isEqualTo(SyncStatus.CREATED);
        SyncResult fromJson = template.requestBody("marketo:syncLead",
                "{\"email\":\"json@example.com\",\"firstName\":\"Jay\"}", SyncResult.class);
        assertThat(fromJson.status()).isEqualTo(SyncStatus.CREATED);
        assertThat(emulator.get().store().findByEmail("json@example.com")).singleElement()
                .satisfies(l -> assertThat(l.getAttributes()).containsEntry("FirstName", "Jay"));
        assertThat(emulator.get().store().findByEmail("map@example.com")).singleElement()
                .satisfies(l -> assertThat(l.getAttributes()).containsEntry("FirstName", "Mia"));
    }

    @Test
    void syncLeadInTargetWorkspace() {
        SyncResult result = template.requestBody("marketo:syncLead?targetWorkspace=EMEA",
                Lead.withEmail("emea@example.com"), SyncResult.class);
        assertThat(result.status()).isEqualTo(SyncStatus.CREATED);
        assertThat(emulator.get().store().findById(result.leadId().intValue()).orElseThrow().getPartition())
                .isEqualTo("EMEA");
        SyncResult other = template.requestBody("marketo:syncLead", Lead.withEmail("default@example.com"), SyncResult.class);
        assertThat(emulator.get().store().findById(other.leadId().intValue()).orElseThrow().getPartition())
                .isEqualTo("Default");
        // a lead matched by id outside the workspace's partition is rejected by Marketo (20106), reported per record
        SyncResult rejected = template.requestBody("marketo:syncLead?targetWorkspace=EMEA",
                new Lead().setId(other.leadId()).set("FirstName", "X"), SyncResult.class);
        assertThat(rejected.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(rejected.reasons()).extracting(r -> r.code()).containsExactly("20106");
    }

    // ------------------------------------------------------------------ syncMultipleLeads

    @Test
    void syncMultipleLeadsDedupEnabled() {
        List<SyncResult> results = results(template.requestBody("marketo:syncMultipleLeads",
                List.of(Lead.withEmail("lead1@example.com").set("Company", "Acme"), Lead.withEmail("fresh@example.com"))));
        assertThat(results).extracting(SyncResult::status).containsExactly(SyncStatus.UPDATED, SyncStatus.CREATED);
        assertThat(emulator.get().store().findByEmail("lead1@example.com")).hasSize(1);
    }

    @Test
    void syncMultipleLeadsDedupDisabledByOptionAndHeader() {
        List<SyncResult> results = results(template.requestBody("marketo:syncMultipleLeads?dedupEnabled=false",
                List.of(Lead.withEmail("lead1@example.com"))));
        assertThat(results).extracting(SyncResult::status).containsExactly(SyncStatus.CREATED);
        assertThat(emulator.get().store().findByEmail("lead1@example.com")).hasSize(2);

        results = results(template.requestBodyAndHeader("marketo:syncMultipleLeads", List.of(Lead.withEmail("lead2@example.com")),
                MarketoConstants.DEDUP_ENABLED, false));
        assertThat(results).extracting(SyncResult::status).containsExactly(SyncStatus.CREATED);
        assertThat(emulator.get().store().findByEmail("lead2@example.com")).hasSize(2);
    }

    @Test
    void oneFailedRecordDoesNotFailTheOthers() {
        List<Lead> leads = List.of(Lead.withEmail("ok1@example.com"), new Lead().setId(999L).set("FirstName", "ghost"),
                Lead.withEmail("ok2@example.com").set("Bogus", "x"), Lead.withEmail("ok3@example.com"));
        Exchange out = template.request("marketo:syncMultipleLeads", e -> e.getMessage().setBody(leads));
        assertThat(out.getException()).isNull();
        List<SyncResult> results = results(out.getMessage().getBody());
        assertThat(results).extracting(SyncResult::index).containsExactly(0, 1, 2, 3);
        assertThat(results).extracting(SyncResult::status).containsExactly(SyncStatus.CREATED, SyncStatus.FAILED,
                SyncStatus.FAILED, SyncStatus.CREATED);
        assertThat(results.get(1).reasons()).isNotEmpty();
        assertThat(results.get(2).reasons()).singleElement().satisfies(r -> assertThat(r.message()).contains("Bogus"));
        assertThat(out.getMessage().getHeader(MarketoConstants.FAILED_COUNT)).isEqualTo(2);
        assertThat(emulator.get().store().findByEmail("ok3@example.com")).hasSize(1);
    }

    @Test
    void syncMultipleLeadsFromMapsAndJsonArray() {
        List<SyncResult> fromMaps = results(template.requestBody("marketo:syncMultipleLeads",
                List.of(Map.of("email", "m1@example.com", "FirstName", "M1"), Map.of("Email", "lead3@example.com"))));
        assertThat(fromMaps).extracting(SyncResult::status).containsExactly(SyncStatus.CREATED, SyncStatus.UPDATED);
        List<SyncResult> fromJson = results(template.requestBody("marketo:syncMultipleLeads",
                "[{\"email\":\"j1@example.com\"},{\"email\":\"j2@example.com\",\"lastName\":\"Two\"}]"));
        assertThat(fromJson).extracting(SyncResult::status).containsExactly(SyncStatus.CREATED, SyncStatus.CREATED);
        assertThat(emulator.get().store().findByEmail("j2@example.com")).singleElement()
                .satisfies(l -> assertThat(l.getAttributes()).containsEntry("LastName", "Two"));
    }

    @Test
    void threeHundredRecordsAreOneCall() {
        List<SyncResult> results = results(template.requestBody("marketo:syncMultipleLeads", newLeads(300, "c")));
        assertThat(results).hasSize(300).allMatch(SyncResult::isSuccess);
        assertThat(calls("syncMultipleLeads")).isEqualTo(1);
    }

    @Test
    void threeHundredAndOneRecordsAreTwoCallsInInputOrder() {
        List<Lead> leads = newLeads(301, "d");
        leads.set(300, Lead.withEmail("last@example.com").set("Nope", "x"));
        List<SyncResult> results = results(template.requestBody("marketo:syncMultipleLeads", leads));
        assertThat(calls("syncMultipleLeads")).isEqualTo(2);
        assertThat(results).hasSize(301);
        for (int i = 0; i < 300; i++) {
            SyncResult r = results.get(i);
            assertThat(r.index()).isEqualTo(i);
            assertThat(r.status()).isEqualTo(SyncStatus.CREATED);
            assertThat(emulator.get().store().findById(r.leadId().intValue()).orElseThrow().getEmail())
                    .isEqualTo("d" + i + "@example.com");
        }
        assertThat(results.get(300).index()).isEqualTo(300);
        assertThat(results.get(300).status()).isEqualTo(SyncStatus.FAILED);
    }

    @Test
    void syncMultipleLeadsInTargetWorkspace() {
        List<SyncResult> results = results(template.requestBody("marketo:syncMultipleLeads?targetWorkspace=EMEA",
                newLeads(3, "w")));
        assertThat(results).allSatisfy(r -> assertThat(
                emulator.get().store().findById(r.leadId().intValue()).orElseThrow().getPartition()).isEqualTo("EMEA"));
    }

    @Test
    void unknownTargetWorkspaceFailsClearlyWithoutRetry() {
        Exchange out = template.request("marketo:syncMultipleLeads?targetWorkspace=Atlantis",
                e -> e.getMessage().setBody(newLeads(2, "x")));
        assertThat(out.getException()).isInstanceOf(MarketoException.class)
                .hasMessageContaining("syncMultipleLeads").hasMessageContaining("20110").hasMessageContaining("Atlantis");
        assertThat(calls("syncMultipleLeads")).isEqualTo(1);
        assertThat(emulator.get().store().findByEmail("x0@example.com")).isEmpty();
    }
}
