package io.github.camelmarketo.component.marketo;

import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input fails before any call, with a message naming the option or field and what it accepts: every case is
 * asserted with the emulator's counters at zero calls (not even a token request). Text with non-ASCII, XML and
 * JSON special characters round-trips unchanged over SOAP and REST, and cannot inject envelope elements.
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
