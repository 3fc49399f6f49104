package io.github.camelmarketo.component.marketo.rest;

import java.util.ArrayList;
import java.util.List;

import io.github.camelmarketo.component.marketo.MarketoConstants;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadPartition;
import io.github.camelmarketo.component.marketo.model.LeadSchema;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** describeLeads2, getLeadById, getLeadPartitions and updateLeadPartitions against the emulator. */
class RestLeadSchemaAndPartitionsTest extends RestTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(400));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    private static long id(int index) {
        return LeadStore.FIRST_ID + index;
    }

    private EmulatorLead stored(long id) {
        return emulator().store().findById((int) id).orElseThrow();
    }

    @Test
    void describeLeads2ListsFieldsAndSearchableKeys() {
        LeadSchema schema = template.requestBody("marketo:describeLeads2", null, LeadSchema.class);
        assertThat(schema.name()).isEqualTo("API Lead");
        assertThat(schema.fields()).hasSize(emulator().store().fields().size());
        assertThat(schema.fields()).filteredOn(f -> f.name().equals("email")).singleElement().satisfies(f -> {
            assertThat(f.displayName()).isEqualTo("Email");
            assertThat(f.dataType()).isEqualTo("email");
            assertThat(f.length()).isEqualTo(255);
            assertThat(f.updateable()).isTrue();
        });
        assertThat(schema.fields()).filteredOn(f -> f.name().equals("updatedAt")).singleElement()
                .satisfies(f -> assertThat(f.updateable()).isFalse());
        assertThat(schema.isSearchable("email")).isTrue();
        assertThat(schema.isSearchable("Email")).isTrue();
        assertThat(schema.isSearchable("updatedAt")).isFalse();
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/leads/describe2.json")).isEqualTo(1);
    }

    @Test
    void getLeadByIdWithFieldsFromBodyOrHeader() {
        EmulatorLead lead = stored(id(3));
        List<?> byBody = template.requestBody("marketo:getLeadById?fields=email,company", id(3), List.class);
        assertThat(byBody).singleElement().satisfies(l -> {
            Lead found = (Lead) l;
            assertThat(found.getId()).isEqualTo(id(3));
            assertThat(found.getEmail()).isEqualTo(lead.getEmail());
            assertThat(found.get("company")).isEqualTo(lead.getAttributes().get("Company"));
        });
        List<?> byHeader = template.requestBodyAndHeader("marketo:getLeadById", null, MarketoConstants.LEAD_ID, id(4),
                List.class);
        assertThat(byHeader).singleElement().extracting(l -> ((Lead) l).getId()).isEqualTo(id(4));
        List<?> unknown = template.requestBody("marketo:getLeadById", 999_999L, List.class);
        assertThat(unknown).isEmpty();
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/lead/{leadId}.json")).isEqualTo(3);
    }

    @Test
    void getLeadPartitionsListsTheWorkspacePartitions() {
        List<?> partitions = template.requestBody("marketo:getLeadPartitions", null, List.class);
        assertThat(partitions).extracting(p -> ((LeadPartition) p).name()).containsExactly("Default", "EMEA");
        assertThat(partitions).extracting(p -> ((LeadPartition) p).id()).containsExactly(1, 2);
    }

    @Test
    void updateLeadPartitionsChunksAndReportsEveryId() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 310; i++) {
            ids.add(id(i));
        }
        ids.set(305, 999_999L);
        Exchange out = template.request("marketo:updateLeadPartitions?partitionName=EMEA", e -> e.getMessage().setBody(ids));
        @SuppressWarnings("unchecked")
        List<SyncResult> results = out.getMessage().getBody(List.class);
        assertThat(results).hasSize(310);
        assertThat(results.get(305).status()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(results.get(305).reasons()).extracting(r -> r.code()).containsExactly("1004");
        assertThat(results).filteredOn(r -> r.status() == SyncStatus.UPDATED).hasSize(309);
        assertThat(out.getMessage().getHeader(MarketoConstants.FAILED_COUNT)).isEqualTo(1);
        assertThat(stored(id(0)).getPartition()).isEqualTo("EMEA");
        assertThat(stored(id(309)).getPartition()).isEqualTo("EMEA");
        assertThat(stored(id(310)).getPartition()).isEqualTo(LeadStore.DEFAULT_PARTITION);
        assertThat(emulator().counters().calls(Api.REST, "POST /rest/v1/leads/partitions.json")).isEqualTo(2);

        // an unknown partition is a per-record reason, the header overrides the option
        List<?> unknown = template.requestBodyAndHeader("marketo:updateLeadPartitions?partitionName=EMEA", List.of(id(1)),
                MarketoConstants.PARTITION_NAME, "Mars", List.class);
        assertThat(unknown).singleElement().satisfies(r -> {
            assertThat(((SyncResult) r).status()).isEqualTo(SyncStatus.SKIPPED);
            assertThat(((SyncResult) r).reasons()).extracting(x -> x.code()).containsExactly("1013");
        });
        assertThat(stored(id(1)).getPartition()).isEqualTo("EMEA");
    }

    @Test
    void badInputFailsBeforeAnyCall() {
        assertThatThrownBy(() -> template.requestBody("marketo:updateLeadPartitions", List.of(id(1))))
                .cause().hasMessageContaining(MarketoConstants.PARTITION_NAME).hasMessageContaining("partitionName");
        assertThatThrownBy(() -> template.requestBody("marketo:getLeadById", "x1"))
                .cause().hasMessageContaining("getLeadById").hasMessageContaining("'x1'");
        assertThat(emulator().counters().calls(Api.REST)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "describeLeads2", "getLeadById", "getLeadPartitions", "updateLeadPartitions" })
    void restOnlyOnSoapFailsAtEndpointCreation(String operation) {
        assertThatThrownBy(() -> context.getEndpoint("marketo:" + operation + "?api=soap&userId=u&encryptionKey=k"))
                .hasStackTraceContaining(operation + " is REST-only");
    }
}
