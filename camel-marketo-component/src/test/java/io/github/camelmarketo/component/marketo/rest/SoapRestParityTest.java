package io.github.camelmarketo.component.marketo.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration promise: the same routes, run with {@code api=soap} and with {@code api=rest} against the same
 * emulator state, give equal results for the four SOAP-named operations. Each run checks its results against the
 * emulator's store and records a transcript; the transcripts of both runs must be identical.
 */
class SoapRestParityTest extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(120));

    private static final Map<MarketoApi, List<String>> TRANSCRIPTS = new EnumMap<>(MarketoApi.class);
    private static final String FIELDS = "fields=email,firstName,lastName";

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        // credentials of both APIs at component level; each run picks one with api= in the URI
        MarketoTestSupport.configureFor(configuration, emulator(), MarketoApi.soap);
        MarketoTestSupport.configureFor(configuration, emulator(), MarketoApi.rest);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:getLead").toD("marketo:getLead?api=${header.api}&" + FIELDS);
                from("direct:getMultipleLeads").toD("marketo:getMultipleLeads?api=${header.api}&batchSize=50&" + FIELDS);
                from("direct:syncLead").toD("marketo:syncLead?api=${header.api}");
                from("direct:syncMultipleLeads").toD("marketo:syncMultipleLeads?api=${header.api}");
            }
        };
    }

    private EmulatorLead stored(int index) {
        return emulator().store().findById(LeadStore.FIRST_ID + index).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = MarketoApi.class, names = { "soap", "rest" })
    void sameRoutesGiveEqualResults(MarketoApi api) {
        List<String> transcript = new ArrayList<>();

        // getLead by email (a String body is a key of leadKeyType EMAIL)
        EmulatorLead third = stored(3);
        List<Lead> byEmail = run("direct:getLead", api, third.getEmail());
        assertThat(byEmail).singleElement().satisfies(l -> {
            assertThat(l.getId()).isEqualTo(third.getId());
            assertThat(l.get("LastName")).isEqualTo(third.getAttributes().get("LastName"));
        });
        transcript.add("getLead " + describe(byEmail));

        // getMultipleLeads by keys: 110 emails (more than one SOAP call takes) plus an unknown one
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            emails.add(stored(i).getEmail());
        }
        emails.add("nobody@nowhere.example");
        List<Lead> byKeys = run("direct:getMultipleLeads", api, emails);
        assertThat(byKeys).hasSize(110);
        transcript.add("getMultipleLeads " + describe(byKeys));

        // syncLead: a new lead
        SyncResult created = run("direct:syncLead", api, Lead.withEmail("parity.new@example.com").set("FirstName", "Par"));
        transcript.add("syncLead " + created.index() + " " + created.status() + " " + created.leadId());

        // syncMultipleLeads: an update, a new lead, and an update by SOAP-style field names
        List<SyncResult> results = run("direct:syncMultipleLeads", api, List.of(
                Lead.withEmail(stored(5).getEmail()).set("LastName", "Changed"),
                Lead.withEmail("parity.second@example.com").set("firstName", "Sec").set("lastName", "Ond"),
                Lead.withEmail("parity.new@example.com").set("LastName", "Ity")));
        results.forEach(r -> transcript.add("syncMultipleLeads " + r.index() + " " + r.status() + " " + r.leadId()
                                            + " " + r.reasons()));

        // what the syncs stored, read back through the same routes
        transcript.add("readBack " + describe(run("direct:getMultipleLeads", api,
                List.of(stored(5).getEmail(), "parity.new@example.com", "parity.second@example.com"))));

        assertThat(stored(5).getAttributes().get("LastName")).isEqualTo("Changed");
        assertThat(emulator().store().findByEmail("parity.new@example.com")).singleElement()
                .satisfies(l -> assertThat(l.getAttributes().get("LastName")).isEqualTo("Ity"));
        // the run used only the API it was given
        Api other = api == MarketoApi.soap ? Api.REST : Api.SOAP;
        assertThat(emulator().counters().calls(other)).isZero();
        TRANSCRIPTS.put(api, transcript);
    }

    @AfterAll
    static void bothApisWroteTheSameTranscript() {
        assertThat(TRANSCRIPTS).containsKeys(MarketoApi.soap, MarketoApi.rest);
        assertThat(TRANSCRIPTS.get(MarketoApi.rest)).containsExactlyElementsOf(TRANSCRIPTS.get(MarketoApi.soap));
    }

    @SuppressWarnings("unchecked")
    private <T> T run(String route, MarketoApi api, Object body) {
        return (T) template.requestBodyAndHeader(route, body, "api", api.name());
    }

    /** Leads as comparable text: id, email, first and last name, ordered by id. */
    private static String describe(List<Lead> leads) {
        List<Lead> sorted = new ArrayList<>(leads);
        sorted.sort(Comparator.comparing(Lead::getId));
        StringBuilder sb = new StringBuilder();
        for (Lead lead : sorted) {
            sb.append('[').append(lead.getId()).append(' ').append(lead.getEmail()).append(' ')
                    .append(lead.get("firstName")).append(' ').append(lead.get("lastName")).append(']');
        }
        return sb.toString();
    }
}
