package io.github.camelmarketo.component.marketo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelmarketo.component.leadsquared.LeadSquaredComponent;
import io.github.camelmarketo.component.leadsquared.LeadSquaredConfiguration;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read fault matrix: getLead and getMultipleLeads by keys over REST and SOAP, and leadsquared:getLeadsByIds,
 * against every transient fault (token, rate and concurrency limits, 604/608/611, HTTP 429/500/503, a dropped
 * connection, an answer lost after the call ran, latency beyond socketTimeout): each is retried once and the read
 * completes with every lead. Answers that are not the vendor's format (not JSON, a truncated body, HTTP 200 with
 * success:false and a permanent code) fail once with one clear error naming the operation and, where the vendor
 * sent one, its code.
 */
class ReadFaultMatrixTest extends MarketoTestSupport {

    private static final int KEYS = 150;

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(200));

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
        configuration.setMaxRetries(3);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        LeadSquaredConfiguration lsq = camelContext.getComponent("leadsquared", LeadSquaredComponent.class).getConfiguration();
        lsq.setBaseUrl(emulator.get().getLeadSquaredUrl());
        lsq.setAccessKey(emulator.get().getLeadSquaredAccessKey());
        lsq.setSecretKey(emulator.get().getLeadSquaredSecretKey());
        lsq.setRetryInitialDelay(10);
        lsq.setRetryMaxDelay(50);
        return camelContext;
    }

    /** A read: its endpoint, the emulator API and fault operation, and how many leads it must return. */
    record Read(String name, Api api, String uri, String operation, Object body, int leads) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Read> reads() {
        List<String> emails = new ArrayList<>();
        List<String> prospects = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            emails.add("lead" + (i + 1) + "@example.com");
            prospects.add(LeadSquaredApi.prospectIdOf(LeadStore.FIRST_ID + i));
        }
        return List.of(
                new Read("REST getLead", Api.REST, "marketo:getLead", "GET /rest/v1/leads.json", "lead7@example.com", 1),
                new Read("REST getMultipleLeads", Api.REST, "marketo:getMultipleLeads?batchSize=300",
                        "GET /rest/v1/leads.json", emails, KEYS),
                new Read("SOAP getLead", Api.SOAP, "marketo:getLead?api=soap", "getLead", "lead7@example.com", 1),
                new Read("SOAP getMultipleLeads", Api.SOAP, "marketo:getMultipleLeads?api=soap&batchSize=1000",
                        "getMultipleLeads", emails.subList(0, 100), 100),
                new Read("leadsquared:getLeadsByIds", Api.LEADSQUARED, "leadsquared:getLeadsByIds",
                        LeadSquaredApi.OPERATION, prospects, KEYS));
    }

    static Stream<Object[]> retried() {
        List<Object[]> cases = new ArrayList<>();
        for (Read read : reads()) {
            List<Object[]> faults = switch (read.api()) {
                case REST -> List.of(f("601", new Fault.VendorError("601")), f("602", new Fault.ExpireTokens()),
                        f("606", new Fault.VendorError("606")), f("615", new Fault.VendorError("615")),
                        f("604", new Fault.VendorError("604")), f("608", new Fault.VendorError("608")),
                        f("611", new Fault.VendorError("611")), f("HTTP 429", new Fault.HttpStatus(429)),
                        f("HTTP 500", new Fault.HttpStatus(500)), f("HTTP 503", new Fault.HttpStatus(503)),
                        f("dropped", new Fault.DropConnection()), f("answer lost", new Fault.ApplyThenDrop()),
                        f("latency", new Fault.Latency(Duration.ofMillis(2500))),
                        f("200 success:false 611", Fault.Body.json("{\"requestId\":\"e1\",\"success\":false,"
                                                                  + "\"errors\":[{\"code\":\"611\",\"message\":\"System error\"}]}")));
                case SOAP -> List.of(f("20016", new Fault.VendorError("20016")), f("20023", new Fault.VendorError("20023")),
                        f("20024", new Fault.VendorError("20024")), f("20011", new Fault.VendorError("20011")),
                        f("HTTP 500", new Fault.HttpStatus(500)), f("HTTP 503", new Fault.HttpStatus(503)),
                        f("dropped", new Fault.DropConnection()), f("answer lost", new Fault.ApplyThenDrop()),
                        f("latency", new Fault.Latency(Duration.ofMillis(2500))));
                default -> List.of(f("HTTP 429", new Fault.HttpStatus(429)), f("HTTP 500", new Fault.HttpStatus(500)),
                        f("HTTP 503", new Fault.HttpStatus(503)), f("dropped", new Fault.DropConnection()),
                        f("latency", new Fault.Latency(Duration.ofMillis(2500))));
            };
            for (Object[] fault : faults) {
                cases.add(new Object[] { read, fault[0], fault[1] });
            }
        }
        return cases.stream();
    }

    private static Object[] f(String name, Fault fault) {
        return new Object[] { name, fault };
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("retried")
    void transientFaultIsRetriedAndTheReadIsComplete(Read read, String faultName, Fault fault) {
        emulator.get().faults().inject(read.api(), read.operation(), fault, 1);
        String uri = read.uri() + (read.uri().contains("?") ? "&" : "?") + "socketTimeout=1200";

        Exchange out = template.request(uri, e -> e.getMessage().setBody(read.body()));

        assertThat(out.getException()).as("completed after the retry").isNull();
        assertThat(out.getMessage().getBody(List.class)).as("every lead").hasSize(read.leads());
        assertThat(emulator.get().faults().pending()).isZero();
        // the faulted call and its one retry (a 602 from an expired token, like a 601, costs one resend); a call
        // answered after the client's socketTimeout is counted when it ends
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.get().counters().calls(read.api(), read.operation()) >= 2);
        assertThat(emulator.get().counters().calls(read.api(), read.operation())).as("calls: the faulted one and one retry")
                .isEqualTo(2);
    }

    static Stream<Object[]> clearErrors() {
        return Stream.of(
                new Object[] { reads().get(0), "not JSON", new Fault.Body(200, "text/html", "<html>maintenance</html>"),
                        List.of("Marketo getLead failed", "not a Marketo JSON envelope") },
                new Object[] { reads().get(1), "truncated body", Fault.Body.json("{\"requestId\":\"t1\",\"success\":true,\"result\":[{\"id\":1,"),
                        List.of("Marketo getMultipleLeads failed", "not a Marketo JSON envelope") },
                new Object[] { reads().get(0), "200 success:false 1003", Fault.Body.json("{\"requestId\":\"e2\",\"success\":false,"
                        + "\"errors\":[{\"code\":\"1003\",\"message\":\"Invalid value for filterType\"}]}"),
                        List.of("Marketo getLead failed with code 1003", "Invalid value for filterType", "requestId e2") },
                new Object[] { reads().get(4), "not JSON", new Fault.Body(200, "text/html", "<html>maintenance</html>"),
                        List.of("getLeadsByIds") });
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("clearErrors")
    void malformedAnswerFailsOnceWithOneClearError(Read read, String faultName, Fault fault, List<String> expected) {
        emulator.get().faults().inject(read.api(), read.operation(), fault, 1);

        Exchange out = template.request(read.uri(), e -> e.getMessage().setBody(read.body()));

        assertThat(out.getException()).as(faultName).isNotNull();
        for (String fragment : expected) {
            assertThat(out.getException().getMessage()).contains(fragment);
        }
        assertThat(emulator.get().counters().calls(read.api(), read.operation())).as("not retried").isEqualTo(1);
    }
}
