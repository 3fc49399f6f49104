package io.github.camelmarketo.component.marketo.rest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoConstants;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.ImportResult;
import io.github.camelmarketo.component.marketo.model.ImportRow;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.StaticList;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * importLeads against the emulator's Bulk Lead Import: files split under the size limit, counts, failed and warned
 * rows mapped back to the input records, CSV bodies, lazy iterators, the static list option, a full import queue.
 */
class RestBulkImportTest extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(50));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected MarketoApi api() {
        return MarketoApi.rest;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        MarketoTestSupport.configureFor(configuration, emulator(), MarketoApi.soap);
        MarketoTestSupport.configureFor(configuration, emulator(), MarketoApi.rest);
        configuration.setImportPollInterval(20);
    }

    private static Lead lead(int i) {
        return Lead.withEmail("import." + i + "@example.com").set("firstName", "First" + i).set("lastName", "Last, " + i);
    }

    @Test
    void leadsAreSplitIntoFilesUnderTheLimitAndFailuresMapBackToTheInput() {
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            leads.add(lead(i));
        }
        leads.set(123, Lead.withEmail("not-an-email").set("firstName", "Bad"));
        leads.set(777, Lead.withEmail("score@example.com").set("leadScore", "high"));
        leads.set(500, Lead.withEmail("long@example.com").set("title", "T".repeat(300)));

        Exchange out = template.request("marketo:importLeads?importFileSize=20000", e -> e.getMessage().setBody(leads));
        ImportResult result = out.getMessage().getBody(ImportResult.class);

        List<Integer> sizes = emulator().rest().importFileSizes();
        assertThat(sizes).hasSizeGreaterThan(2).allMatch(size -> size <= 20000);
        assertThat(result.batchIds()).hasSize(sizes.size());
        assertThat(emulator().counters().calls(Api.REST, "POST /bulk/v1/leads.json")).isEqualTo(sizes.size());
        assertThat(result.rows()).isEqualTo(1000);
        assertThat(result.imported()).isEqualTo(998);
        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.warned()).isEqualTo(1);
        assertThat(result.isSuccess()).isFalse();
        assertThat(out.getMessage().getHeader(MarketoConstants.FAILED_COUNT)).isEqualTo(2);

        assertThat(result.failures()).extracting(ImportRow::index).containsExactly(123, 777);
        assertThat(result.failures().get(0).lead()).isSameAs(leads.get(123));
        assertThat(result.failures().get(0).reason()).contains("not an email address");
        assertThat(result.failures().get(1).lead()).isSameAs(leads.get(777));
        assertThat(result.failures().get(1).reason()).contains("not an integer");
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.index()).isEqualTo(500);
            assertThat(w.lead()).isSameAs(leads.get(500));
            assertThat(w.reason()).contains("truncated to 255");
        });

        // imported leads are in the store: visible to the other APIs
        EmulatorLead stored = emulator().store().findByEmail("import.999@example.com").get(0);
        assertThat(stored.getAttributes()).containsEntry("LastName", "Last, 999");
        assertThat(emulator().store().findByEmail("long@example.com").get(0).getAttributes().get("Title")).hasSize(255);
        List<?> overSoap = template.requestBody("marketo:getLead?api=soap", LeadKey.email("import.5@example.com"), List.class);
        assertThat(overSoap).singleElement().extracting(l -> ((Lead) l).get("FirstName")).isEqualTo("First5");
    }

    @Test
    void aCsvBodyJoinsTheStaticListAndUpdatesByLookupField() {
        StaticList list = emulator().store().addList("Imported", List.of());
        EmulatorLead existing = emulator().store().findById(emulator().store().findByEmail("lead1@example.com").get(0).getId())
                .orElseThrow();
        String csv = "email,firstName,company\n"
                     + "lead1@example.com,Changed,\"Acme, Inc.\"\n"
                     + "csv.new@example.com,New,Initech\n";
        Exchange out = template.request("marketo:importLeads?staticListName=Imported",
                e -> e.getMessage().setBody(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        ImportResult result = out.getMessage().getBody(ImportResult.class);
        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.failures()).isEmpty();
        assertThat(emulator().store().findById(existing.getId()).orElseThrow().getAttributes())
                .containsEntry("FirstName", "Changed").containsEntry("Company", "Acme, Inc.");
        int created = emulator().store().findByEmail("csv.new@example.com").get(0).getId();
        List<?> members = template.requestBody("marketo:getLeadsByList", (long) list.id(), List.class);
        assertThat(members).extracting(l -> ((Lead) l).getId()).containsExactlyInAnyOrder((long) existing.getId(), (long) created);
    }

    @Test
    void aLazyIteratorIsReadOnceAndAFullQueueIsWaitedOut() {
        emulator().faults().inject(Api.REST, "POST /bulk/v1/leads.json", new Fault.VendorError("1016"), 2);
        int[] produced = { 0 };
        Iterator<Lead> leads = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return produced[0] < 3000;
            }

            @Override
            public Lead next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return lead(produced[0]++);
            }
        };
        ImportResult result = template.requestBody("marketo:importLeads", leads, ImportResult.class);
        assertThat(produced[0]).isEqualTo(3000);
        assertThat(result.imported()).isEqualTo(3000);
        assertThat(result.batchIds()).hasSize(1);
        assertThat(emulator().counters().calls(Api.REST, "POST /bulk/v1/leads.json")).isEqualTo(3);
        assertThat(emulator().counters().responses(Api.REST, "1016")).isEqualTo(2);
        assertThat(emulator().store().findByEmail("import.2999@example.com")).hasSize(1);
    }

    @Test
    void aBatchWithAnUnknownColumnFailsClearly() {
        assertThatThrownBy(() -> template.requestBody("marketo:importLeads", "email,shoeSize\na@example.com,44\n"))
                .cause().isInstanceOf(MarketoException.class)
                .hasMessageContaining("bulk import batch").hasMessageContaining("Failed")
                .hasMessageContaining("shoeSize");
    }

    @Test
    void syncMultipleLeadsSwitchesToImportFromTheThreshold() {
        List<Lead> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.add(lead(i));
        }
        many.set(42, Lead.withEmail("broken"));
        Exchange out = template.request("marketo:syncMultipleLeads?bulkImportThreshold=500", e -> e.getMessage().setBody(many));
        @SuppressWarnings("unchecked")
        List<SyncResult> results = out.getMessage().getBody(List.class);
        assertThat(results).hasSize(600);
        assertThat(results).extracting(SyncResult::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 600).boxed().toList());
        assertThat(results.get(42).status()).isEqualTo(SyncStatus.SKIPPED);
        assertThat(results.get(42).reasons().get(0).message()).contains("not an email address");
        assertThat(results).filteredOn(r -> r.status() == SyncStatus.IMPORTED).hasSize(599);
        assertThat(out.getMessage().getHeader(MarketoConstants.FAILED_COUNT)).isEqualTo(1);
        assertThat(emulator().counters().calls(Api.REST, "POST /bulk/v1/leads.json")).isEqualTo(1);
        assertThat(emulator().counters().calls(Api.REST, "POST /rest/v1/leads.json")).isZero();

        // below the threshold, and with dedupEnabled=false (no import equivalent): chunks of 300 as usual
        List<?> few = template.requestBody("marketo:syncMultipleLeads?bulkImportThreshold=500", many.subList(0, 10), List.class);
        assertThat(few).extracting(r -> ((SyncResult) r).status()).containsOnly(SyncStatus.UPDATED);
        template.requestBody("marketo:syncMultipleLeads?bulkImportThreshold=500&dedupEnabled=false", many.subList(0, 501), List.class);
        assertThat(emulator().counters().calls(Api.REST, "POST /rest/v1/leads.json")).isEqualTo(3);
        assertThat(emulator().counters().calls(Api.REST, "POST /bulk/v1/leads.json")).isEqualTo(1);
    }

    @Test
    void badInputFailsBeforeAnyCall() {
        assertThatThrownBy(() -> template.requestBody("marketo:importLeads", List.of()))
                .cause().hasMessageContaining("importLeads needs at least one lead");
        assertThatThrownBy(() -> template.requestBody("marketo:importLeads", List.of(lead(1), 42)))
                .cause().hasMessageContaining("index 1").hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> context.getEndpoint("marketo:importLeads?importFileSize=20000000"))
                .hasStackTraceContaining("importFileSize must be between 1024 and 10485760");
        assertThatThrownBy(() -> template.requestBody("marketo:importLeads?importFileSize=1024",
                List.of(Lead.withEmail("big@example.com").set("title", "x".repeat(2000)))))
                .cause().hasMessageContaining("index 0").hasMessageContaining("more than the file limit of 1024");
        assertThat(emulator().counters().calls(Api.REST)).isZero();
    }

    @Test
    void restOnlyOnSoapFailsAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("marketo:importLeads?api=soap"))
                .hasStackTraceContaining("importLeads is REST-only");
    }
}
