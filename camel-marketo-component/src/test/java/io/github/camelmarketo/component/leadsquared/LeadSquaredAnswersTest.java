package io.github.camelmarketo.component.leadsquared;

import java.util.ArrayList;
import java.util.List;

import io.github.camelmarketo.component.support.StandardStreams;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP 200 answers the emulator is told to send verbatim: ones that are not the documented shape at all (a clear
 * {@link LeadSquaredException}, never an internal error, not retried), a {@code RecordCount} that fits neither reading
 * (one WARN, every lead still returned), and answers that change from carrying {@code ProspectId} to not.
 */
class LeadSquaredAnswersTest extends LeadSquaredTestSupport {

    private static final String ITERATOR_WARN = "WARN " + LeadSquaredLeadIterator.class.getName();

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(50));

    private final List<LeadSquaredLead> streamed = new ArrayList<>();

    @Override
    protected MarketoEmulator emulator() {
        return emulator.get();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:byIds").to("leadsquared:getLeadsByIds?maxRetries=3");
                from("direct:twoRequests").to("leadsquared:getLeadsByIds?maxIdsPerRequest=2");
                from("direct:twoRequestsFetchAll").to("leadsquared:getLeadsByIds?maxIdsPerRequest=2&fetchAll=true")
                        .split(body()).streaming()
                            .process(e -> streamed.add(e.getIn().getBody(LeadSquaredLead.class)))
                        .end();
            }
        };
    }

    @Test
    void answersThatAreNotTheDocumentedShapeFailClearlyWithoutRetry() {
        String lead = "{\"ProspectId\":\"" + prospectId(0) + "\",\"EmailAddress\":\"lead1@example.com\"}";
        assertUnexpected(new Fault.Body(200, "text/html", "<html><body>Service Unavailable</body></html>"), "the answer is not JSON");
        assertUnexpected(new Fault.Body(200, "application/json", ""), "the answer is empty");
        assertUnexpected(Fault.Body.json("[" + lead + "]"), "the answer is a JSON array, not an object");
        assertUnexpected(Fault.Body.json("\"OK\""), "the answer is a JSON string, not an object");
        assertUnexpected(Fault.Body.json("{\"RecordCount\":1}"), "it has no Leads");
        assertUnexpected(Fault.Body.json("{\"RecordCount\":1,\"Leads\":{\"0\":" + lead + "}}"), "Leads is a JSON object, not an array");
        assertUnexpected(Fault.Body.json("{\"RecordCount\":2,\"Leads\":[" + lead + ",42]}"), "lead #1 of Leads is a JSON number, not an object");
        assertUnexpected(Fault.Body.json("{\"RecordCount\":1,\"Leads\":[{\"ProspectId\":\"12345\"}]}"),
                "lead #0 has ProspectId '12345', which is not a GUID");
        assertThat(emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION)).as("none retried").isEqualTo(8);
    }

    @Test
    void anErrorBodyWithHttp200CarriesTheVendorsTypeAndMessage() {
        emulator.get().faults().inject(Api.LEADSQUARED, Fault.Body.json(
                "{\"Status\":\"Error\",\"ExceptionType\":\"MXDuplicateEntryException\",\"ExceptionMessage\":\"Something broke\"}"), 1);
        LeadSquaredException error = failure();
        assertThat(error.getHttpStatus()).isEqualTo(200);
        assertThat(error.getExceptionType()).isEqualTo("MXDuplicateEntryException");
        assertThat(error.getExceptionMessage()).isEqualTo("Something broke");
        assertThat(error.getMessage()).contains("MXDuplicateEntryException: Something broke").doesNotContain("failed with HTTP 200");
    }

    @Test
    void aRecordCountThatFitsNeitherReadingIsOneWarningAndEveryLeadIsReturned() {
        // two requests of 2 ids, each answered in full but with RecordCount 99
        emulator.get().faults().inject(Api.LEADSQUARED, Fault.Body.json(answer(99, true, 0, 1)), 1);
        emulator.get().faults().inject(Api.LEADSQUARED, Fault.Body.json(answer(99, true, 2)), 1);
        Exchange[] result = new Exchange[1];
        List<String> ids = List.of(prospectId(0), prospectId(1), prospectId(2), prospectId(3));
        String log = StandardStreams.capture(() -> result[0] = template.request("direct:twoRequests", e -> e.getIn().setBody(ids)));

        assertThat(result[0].getException()).isNull();
        assertThat(leads(result[0])).extracting(l -> l.getId().toString()).containsExactly(prospectId(0), prospectId(1), prospectId(2));
        assertThat(result[0].getMessage().getHeader(LeadSquaredConstants.MISSING_IDS, List.class)).containsExactly(prospectId(3));
        List<String> warnings = log.lines().filter(l -> l.contains(ITERATOR_WARN)).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("RecordCount [99] fits neither the 2 leads", "[2]");
        assertThat(emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION)).isEqualTo(2);
    }

    @Test
    void anAnswerWithoutProspectIdAfterOnesWithItRemovesTheMissingIdsHeaderOfFetchAll() {
        emulator.get().faults().inject(Api.LEADSQUARED, Fault.Body.json(answer(1, true, 0)), 1);
        emulator.get().faults().inject(Api.LEADSQUARED, Fault.Body.json(answer(2, false, 2, 3)), 1);
        List<String> ids = List.of(prospectId(0), prospectId(1), prospectId(2), prospectId(3));
        Exchange[] result = new Exchange[1];
        String log = StandardStreams.capture(() -> result[0] = template.request("direct:twoRequestsFetchAll", e -> e.getIn().setBody(ids)));

        assertThat(result[0].getException()).isNull();
        assertThat(streamed).extracting(LeadSquaredLead::getId).extracting(id -> id == null ? null : id.toString())
                .containsExactly(prospectId(0), null, null);
        assertThat(streamed).extracting(l -> l.get("EmailAddress")).containsExactly("lead1@example.com", "lead3@example.com",
                "lead4@example.com");
        // the first request's missing id (prospectId(1)) was known, the second request's are not: no header at all
        assertThat(result[0].getMessage().getHeaders()).doesNotContainKey(LeadSquaredConstants.MISSING_IDS);
        assertThat(log.lines().filter(l -> l.contains(ITERATOR_WARN) && l.contains("no ProspectId column"))).hasSize(1);
    }

    /** An answer with the leads of these seeded leads (0-based), with or without ProspectId. */
    private static String answer(int recordCount, boolean withProspectId, int... indexes) {
        List<String> leads = new ArrayList<>();
        for (int index : indexes) {
            leads.add("{" + (withProspectId ? "\"ProspectId\":\"" + prospectId(index) + "\"," : "")
                      + "\"EmailAddress\":\"lead" + (index + 1) + "@example.com\"}");
        }
        return "{\"RecordCount\":" + recordCount + ",\"Leads\":[" + String.join(",", leads) + "]}";
    }

    private void assertUnexpected(Fault.Body body, String problem) {
        emulator.get().faults().inject(Api.LEADSQUARED, body, 1);
        LeadSquaredException error = failure();
        assertThat(error.getHttpStatus()).isEqualTo(200);
        assertThat(error.getAttempts()).isEqualTo(1);
        assertThat(error.getExceptionMessage()).isEqualTo(problem);
        assertThat(error.getMessage())
                .contains("LeadSquared getLeadsByIds on " + emulator.get().getLeadSquaredHost())
                .contains("not the documented {\"RecordCount\":n,\"Leads\":[{...}]}: " + error.getExceptionMessage())
                .contains("Check that host/baseUrl")
                .doesNotContain("failed with HTTP 200")
                .doesNotContain(emulator.get().getLeadSquaredSecretKey());
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(t).isNotInstanceOf(NullPointerException.class);
        }
    }

    private LeadSquaredException failure() {
        Exchange result = template.request("direct:byIds", e -> e.getIn().setBody(prospectIds(0, 3)));
        assertThat(result.getException()).isInstanceOf(LeadSquaredException.class);
        return (LeadSquaredException) result.getException();
    }

    @SuppressWarnings("unchecked")
    private static List<LeadSquaredLead> leads(Exchange result) {
        return result.getMessage().getBody(List.class);
    }
}
