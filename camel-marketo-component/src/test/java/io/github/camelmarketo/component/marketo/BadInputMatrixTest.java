package io.github.camelmarketo.component.marketo;

import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input fails before any call, with a message naming the option or field and what it accepts: every case is
 * asserted with the emulator's counters at zero calls (not even a token request); a value larger than any Marketo
 * field holds (30,000 bytes, a Text area) is one of them. Unknown names in {@code fields} can only be found by the
 * vendor: one call, one clear error, and a consumer that stops calling. Text with non-ASCII, XML and JSON special
 * characters round-trips unchanged over SOAP and REST, and cannot inject envelope elements.
 */
class BadInputMatrixTest extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(10));

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
        configuration.setUserId(emulator.get().getSoapUserId());
        configuration.setEncryptionKey(emulator.get().getSoapEncryptionKey());
        configuration.setSoapEndpoint(emulator.get().getSoapEndpoint());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.addComponent("marketo-bare", new MarketoComponent());
        return camelContext;
    }

    private static final String FIVE_MB = "x".repeat(5 * 1024 * 1024);

    static Stream<Arguments> badInput() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("email", "nested@example.com");
        nested.put("address", Map.of("city", "Berlin"));
        return Stream.of(
                arguments("unknown operation", "marketo:getLeads", "x", List.of("Unknown Marketo operation 'getLeads'", "getLead")),
                arguments("no credentials", "marketo-bare:getLead?munchkinId=123-ABC-456", "x",
                        List.of("No Marketo credentials", "clientId and clientSecret", "userId and encryptionKey")),
                arguments("ambiguous credentials",
                        "marketo-bare:getLead?munchkinId=123-ABC-456&userId=u&encryptionKey=k&clientId=c&clientSecret=s", "x",
                        List.of("choose one with api=rest or api=soap")),
                arguments("half the REST credentials", "marketo-bare:getLead?api=rest&munchkinId=123-ABC-456&clientId=c", "x",
                        List.of("api=rest needs both clientId and clientSecret")),
                arguments("malformed munchkinId", "marketo:getLead?munchkinId=12-AB", "x",
                        List.of("munchkinId must look like 123-ABC-456", "'12-AB'")),
                arguments("malformed URL", "marketo:getLead?restEndpoint=htp:/nowhere", "x",
                        List.of("restEndpoint is not a usable URL", "https://")),
                arguments("URL without host", "marketo:getLead?api=soap&soapEndpoint=https:///soap", "x",
                        List.of("soapEndpoint is not a usable URL")),
                arguments("REST-only operation on SOAP", "marketo:deleteLeads?api=soap", List.of(1L),
                        List.of("deleteLeads is REST-only")),
                arguments("batchSize out of range", "marketo:getMultipleLeads?batchSize=5000", null,
                        List.of("batchSize must be between 1 and 1000", "5000")),
                arguments("malformed timestamp",
                        "marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=yesterday", null,
                        List.of("oldestUpdatedAt must be an ISO-8601 date-time", "'yesterday'")),
                arguments("reversed timestamps", "marketo:getMultipleLeads?leadSelector=lastUpdateAt"
                                                 + "&oldestUpdatedAt=2026-02-01T00:00:00Z&latestUpdatedAt=2026-01-01T00:00:00Z", null,
                        List.of("latestUpdatedAt (2026-01-01T00:00:00Z) must be after oldestUpdatedAt (2026-02-01T00:00:00Z)")),
                arguments("selector option missing", "marketo:getMultipleLeads?leadSelector=lastUpdateAt", null,
                        List.of("leadSelector=lastUpdateAt needs option oldestUpdatedAt")),
                arguments("empty lead list", "marketo:syncMultipleLeads", List.of(),
                        List.of("syncMultipleLeads needs at least one lead")),
                arguments("empty id list", "marketo:deleteLeads", List.of(), List.of("deleteLeads needs the values")),
                arguments("empty key list", "marketo:getMultipleLeads", List.of(), List.of("getMultipleLeads needs the values")),
                arguments("no body", "marketo:getLead", null, List.of("getLead needs the lead key", "no body")),
                arguments("blank key", "marketo:getLead", "   ", List.of("getLead needs the lead key")),
                arguments("null key in a list", "marketo:getMultipleLeads", Arrays.asList("lead1@example.com", null),
                        List.of("getMultipleLeads: element 1 of the body is null")),
                arguments("blank key in a list", "marketo:getLeadsByFilter", List.of("lead1@example.com", " "),
                        List.of("getLeadsByFilter: element 1 of the body is blank")),
                arguments("wrong body type", "marketo:syncLead", 42, List.of("syncLead needs a body of Lead, Map or JSON",
                        "java.lang.Integer")),
                arguments("wrong selector type", "marketo:getMultipleLeads", new Date(0),
                        List.of("getMultipleLeads needs a LeadSelector", "java.util.Date")),
                arguments("ids that are not numbers", "marketo:deleteLeads", "12,abc", List.of("deleteLeads needs lead ids",
                        "'abc'")),
                arguments("two leads for syncLead", "marketo:syncLead",
                        List.of(Lead.withEmail("a@example.com"), Lead.withEmail("b@example.com")),
                        List.of("syncLead takes exactly one lead", "use syncMultipleLeads")),
                arguments("record without any key", "marketo:syncMultipleLeads",
                        List.of(Lead.withEmail("ok@example.com"), new Lead().set("FirstName", "Nobody")),
                        List.of("syncMultipleLeads: record 1 has no key", "id, email or foreignSysPersonId")),
                arguments("record without any key (SOAP)", "marketo:syncLead?api=soap", new Lead().set("FirstName", "Nobody"),
                        List.of("syncLead: record 0 has no key", "marketoCookie")),
                arguments("nested attribute value", "marketo:syncMultipleLeads", List.of(nested),
                        List.of("Lead field 'address'", "not nested objects or lists")),
                // no Marketo field holds more than 30,000 bytes (Text area): checked before the call, in UTF-8 bytes
                arguments("5 MB attribute value", "marketo:syncMultipleLeads",
                        List.of(Lead.withEmail("big0@example.com"), Lead.withEmail("big1@example.com").set("Comments", FIVE_MB)),
                        List.of("syncMultipleLeads: record 1, field 'Comments' has a value of 5242880 characters",
                                "no Marketo lead field holds more than 30000 bytes")),
                arguments("5 MB attribute value (SOAP)", "marketo:syncLead?api=soap",
                        Lead.withEmail("big@example.com").set("Comments", FIVE_MB),
                        List.of("syncLead: record 0, field 'Comments'", "more than 30000 bytes")),
                arguments("attribute over 30,000 bytes in 10,001 characters", "marketo:syncLead",
                        Lead.withEmail("wide@example.com").set("Comments", "\u65e5".repeat(10_001)),
                        List.of("syncLead: record 0, field 'Comments' has a value of 10001 characters", "30000 bytes")),
                arguments("merge without a winner", "marketo:mergeLeads", List.of(1L), List.of("needs the winning lead id")),
                arguments("push without a program", "marketo:pushLeads", List.of(Lead.withEmail("p@example.com")),
                        List.of("pushLeads needs header CamelMarketoProgramName")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void failsClearlyBeforeAnyCall(String name, String uri, Object body, List<String> expected) {
        Throwable error;
        try {
            // a bad endpoint fails when it is resolved, bad input when the exchange is processed
            Exchange out = template.request(uri, e -> e.getMessage().setBody(body));
            error = out.getException();
        } catch (RuntimeException e) {
            error = e;
        }
        assertThat(error).as(name).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        for (String fragment : expected) {
            assertThat(messages.toString()).as(name).contains(fragment);
        }
        assertThat(emulator.get().counters().calls(Api.REST)).as("REST calls (a token request included)").isZero();
        assertThat(emulator.get().counters().calls(Api.SOAP)).as("SOAP calls").isZero();
    }

    /**
     * Unknown names in {@code fields} cannot be checked before a call (custom fields are the instance's), so the
     * vendor's answer is the check: REST 1006, one call, not retried, with the field and the option named.
     */
    @ParameterizedTest(name = "producer {0}")
    @ValueSource(strings = { "getLead", "getMultipleLeads" })
    void unknownFieldFailsTheCallOnceNamingIt(String operation) {
        Exchange out = template.request("marketo:" + operation + "?fields=email,bogusField",
                e -> e.getMessage().setBody(operation.equals("getLead") ? "lead1@example.com" : List.of("lead1@example.com")));

        assertThat(out.getException()).isInstanceOf(MarketoException.class)
                .hasMessageContaining("Marketo " + operation + " failed with code 1006: Field 'bogusField' not found")
                .hasMessageContaining("Option fields (or header CamelMarketoFields) names a field this instance does not have");
        assertThat(emulator.get().counters().calls(Api.REST, "GET /rest/v1/leads.json")).as("one call, not retried")
                .isEqualTo(1);
    }

    /**
     * A consumer whose {@code fields} names an unknown field fails its first poll once, naming the field and the
     * option, and then makes no further call: dozens of polls later the vendor has still seen one call.
     */
    @ParameterizedTest(name = "consumer {0}")
    @ValueSource(strings = { "leadChanges", "lastUpdateAt" })
    void unknownFieldFailsTheConsumerOnceNotEveryPoll(String selector) throws Exception {
        CountingPolls polls = new CountingPolls();
        context.getRegistry().bind("polls", polls);
        String firstCallWithFields = selector.equals("leadChanges")
                ? "GET /rest/v1/activities/leadchanges.json" : "POST /bulk/v1/leads/export/create.json";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=" + selector + "&oldestUpdatedAt=2026-11-01T00:00:00Z"
                     + "&fields=email,bogusField&delay=10&pollStrategy=#polls").routeId("unknown-fields")
                        .to("mock:leads");
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> polls.begun.get() >= 30);

        assertThat(polls.failures).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("failed with code 1006: Field 'bogusField' not found")
                .contains("Option fields (email,bogusField) names a field this instance does not have")
                .contains("makes no further call until its route is restarted"));
        assertThat(emulator.get().counters().calls(Api.REST, firstCallWithFields)).as("one call in 30 polls").isEqualTo(1);
        context.getRouteController().stopRoute("unknown-fields");
    }

    /** Counts polls and keeps the exceptions of failed ones. */
    private static final class CountingPolls implements PollingConsumerPollStrategy {
        final AtomicInteger begun = new AtomicInteger();
        final List<Exception> failures = new CopyOnWriteArrayList<>();

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            begun.incrementAndGet();
            return true;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception e) {
            failures.add(e);
            return false;
        }
    }

    /** Text that is markup or JSON syntax to a careless client, plus non-ASCII letters. */
    private static final String TRICKY = "Zoë \"Ŝtrange\" <b>&amp;</b> ]]> {\"x\":[1]} \\ ' 日本語 \u00a0tab\there";
    private static final String INJECTION = "x</attrValue></attribute><attribute><attrName>LastName</attrName>"
                                            + "<attrValue>Injected";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "soap", "rest" })
    void specialCharactersRoundTripUnchanged(String api) {
        String email = "tricky." + api + "@example.com";
        SyncResult result = template.requestBody("marketo:syncLead?api=" + api,
                Lead.withEmail(email).set("FirstName", TRICKY).set("LastName", "Original").set("Company", INJECTION),
                SyncResult.class);
        assertThat(result.isSuccess()).isTrue();
        List<EmulatorLead> stored = emulator.get().store().findByEmail(email);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getAttributes()).containsEntry("FirstName", TRICKY).containsEntry("Company", INJECTION)
                .as("no element injected into the envelope").containsEntry("LastName", "Original");
        @SuppressWarnings("unchecked")
        List<Lead> read = template.requestBody("marketo:getLead?api=" + api + "&fields=FirstName,LastName,Company",
                LeadKey.email(email), List.class);
        assertThat(read).hasSize(1);
        Map<String, String> attributes = new HashMap<>();
        read.get(0).getAttributes().forEach((k, v) -> attributes.put(k.toLowerCase(), v));
        assertThat(attributes).containsEntry("firstname", TRICKY).containsEntry("company", INJECTION)
                .containsEntry("lastname", "Original");
    }
}
