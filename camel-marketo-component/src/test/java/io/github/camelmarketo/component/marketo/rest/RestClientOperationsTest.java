package io.github.camelmarketo.component.marketo.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.SyncAction;
import io.github.camelmarketo.component.marketo.client.SyncOptions;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadField;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.LeadKeyType;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.component.marketo.model.MarketoNotFoundException;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The four SOAP-named operations and the shared REST calls, through the REST client an endpoint creates. */
class RestClientOperationsTest extends RestTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(700));

    private static final SyncOptions UPSERT = new SyncOptions(true, false, null, null, null, null, false);

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    private EmulatorLead storedLead(int index) {
        return emulator().store().findById(io.github.camelmarketo.emulator.core.LeadStore.FIRST_ID + index).orElseThrow();
    }

    @Test
    void getLeadByEmailReturnsTheStoredLeadWithRequestedFields() {
        EmulatorLead stored = storedLead(3);
        try (RestMarketoClient client = client("marketo:getLead")) {
            assertThat(client.api()).isEqualTo(MarketoApi.rest);
            List<Lead> leads = client.getLead(LeadKey.email(stored.getEmail()), List.of("email", "FirstName", "lastName"));
            assertThat(leads).hasSize(1);
            Lead lead = leads.get(0);
            assertThat(lead.getId()).isEqualTo(stored.getId());
            assertThat(lead.getEmail()).isEqualTo(stored.getEmail());
            assertThat(lead.get("firstName")).isEqualTo(stored.getAttributes().get("FirstName"));
            assertThat(lead.get("LastName")).isEqualTo(stored.getAttributes().get("LastName"));
        }
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/leads.json")).isEqualTo(1);
    }

    @Test
    void getLeadOfAnUnknownKeyIsEmpty() {
        try (RestMarketoClient client = client("marketo:getLead")) {
            assertThat(client.getLead(LeadKey.email("nobody@nowhere.example"), List.of())).isEmpty();
        }
    }

    @Test
    void getMultipleLeadsByKeysPagesWithTheNextPageToken() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(Long.toString(storedLead(i).getId()));
        }
        LeadSelector selector = new LeadSelector.ByKeys(LeadKeyType.IDNUM, ids);
        List<Lead> all = new ArrayList<>();
        int pages = 0;
        try (RestMarketoClient client = client("marketo:getMultipleLeads")) {
            String position = null;
            do {
                LeadPage page = client.getMultipleLeads(selector, position, 100, List.of("email"));
                all.addAll(page.leads());
                position = page.hasMore() ? page.nextPosition() : null;
                pages++;
            } while (position != null);
        }
        assertThat(pages).isEqualTo(3);
        assertThat(all).extracting(l -> Long.toString(l.getId())).containsExactlyElementsOf(ids);
    }

    @Test
    void aReadByKeysSpendsOneCallPerChunkOf300WhateverTheBatchSize() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 650; i++) {
            emails.add(storedLead(i).getEmail());
        }
        long before = emulator().counters().calls(Api.REST, "GET /rest/v1/leads.json");

        // batchSize=100 (the default) is raised to the chunk's 300 keys: 300 + 300 + 50 keys, three calls, not seven
        @SuppressWarnings("unchecked")
        List<Lead> leads = template.requestBody("marketo:getMultipleLeads?batchSize=100", emails, List.class);

        assertThat(leads).extracting(Lead::getEmail).containsExactlyElementsOf(emails);
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/leads.json") - before).isEqualTo(3);
    }

    @Test
    void getMultipleLeadsByStaticListNameResolvesTheListId() {
        var vip = emulator().store().findListByName("VIP").orElseThrow();
        List<Lead> members = new ArrayList<>();
        try (RestMarketoClient client = client("marketo:getMultipleLeads")) {
            String position = null;
            do {
                LeadPage page = client.getMultipleLeads(LeadSelector.ByStaticList.named("VIP"), position, 7, List.of());
                members.addAll(page.leads());
                position = page.hasMore() ? page.nextPosition() : null;
            } while (position != null);
            assertThatThrownBy(() -> client.getMultipleLeads(LeadSelector.ByStaticList.named("No such list"), null, 10, List.of()))
                    .isInstanceOf(MarketoNotFoundException.class)
                    .hasMessageContaining("No such list");
        }
        Set<Long> expected = vip.memberIds().stream().map(Integer::longValue).collect(Collectors.toSet());
        assertThat(members).extracting(Lead::getId).containsExactlyInAnyOrderElementsOf(expected);
        // the name is resolved once per client
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/lists.json")).isEqualTo(2);
    }

    @Test
    void syncMultipleLeadsReportsEveryRecordInInputOrder() {
        EmulatorLead existing = storedLead(5);
        List<Lead> input = List.of(
                Lead.withEmail("new.one@example.com").set("FirstName", "New"),
                Lead.withEmail(existing.getEmail()).set("lastName", "Changed"),
                Lead.withEmail("bad@example.com").set("noSuchField", "x"));
        List<SyncResult> results;
        try (RestMarketoClient client = client("marketo:syncMultipleLeads")) {
            results = client.syncMultipleLeads(input, UPSERT);
        }
        assertThat(results).extracting(SyncResult::index).containsExactly(0, 1, 2);
        assertThat(results.get(0).status()).isEqualTo(SyncStatus.CREATED);
        assertThat(results.get(1).status()).isEqualTo(SyncStatus.UPDATED);
        assertThat(results.get(1).leadId()).isEqualTo(existing.getId());
        assertThat(results.get(2).status()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(results.get(2).reasons()).isNotEmpty();
        assertThat(results.get(2).reasons().get(0).code()).isEqualTo("1006");
        assertThat(emulator().store().findByEmail("new.one@example.com")).hasSize(1);
        assertThat(storedLead(5).getAttributes().get("LastName")).isEqualTo("Changed");
    }

    @Test
    void dedupDisabledCreatesADuplicate() {
        EmulatorLead existing = storedLead(6);
        try (RestMarketoClient client = client("marketo:syncLead")) {
            SyncResult result = client.syncLead(Lead.withEmail(existing.getEmail()),
                    new SyncOptions(false, false, null, null, null, null, false));
            assertThat(result.status()).isEqualTo(SyncStatus.CREATED);
            assertThat(result.leadId()).isNotEqualTo(existing.getId());
        }
        assertThat(emulator().store().findByEmail(existing.getEmail())).hasSize(2);
    }

    @Test
    void syncLeadWithReturnLeadReadsTheStoredLead() {
        try (RestMarketoClient client = client("marketo:syncLead")) {
            SyncResult result = client.syncLead(Lead.withEmail("returned@example.com").set("FirstName", "Ret"),
                    new SyncOptions(true, true, null, null, null, null, false));
            assertThat(result.status()).isEqualTo(SyncStatus.CREATED);
            assertThat(result.lead()).isNotNull();
            assertThat(result.lead().getId()).isEqualTo(result.leadId());
            assertThat(result.lead().getEmail()).isEqualTo("returned@example.com");
        }
    }

    @Test
    void updateOnlyOfAnUnknownLeadIsSkippedNotThrown() {
        try (RestMarketoClient client = client("marketo:syncLeads")) {
            List<SyncResult> results = client.syncLeads(List.of(Lead.withEmail("unknown@example.com")),
                    new SyncOptions(true, false, null, SyncAction.updateOnly, null, null, false));
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(SyncStatus.SKIPPED);
                assertThat(r.reasons().get(0).code()).isEqualTo("1004");
            });
        }
    }

    @Test
    void describeLeadsListsRestAndSoapNames() {
        List<LeadField> fields;
        try (RestMarketoClient client = client("marketo:describeLeads")) {
            fields = client.describeLeads();
        }
        assertThat(fields).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("firstName");
            assertThat(f.soapName()).isEqualTo("FirstName");
            assertThat(f.dataType()).isEqualTo("string");
            assertThat(f.readOnly()).isFalse();
        });
        assertThat(fields).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("id");
            assertThat(f.readOnly()).isTrue();
        });
    }
}
