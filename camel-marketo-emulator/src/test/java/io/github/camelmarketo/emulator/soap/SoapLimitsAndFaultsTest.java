package io.github.camelmarketo.emulator.soap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LimitPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Vendor limits (20023, 20024, 20015) and every injected fault type on the SOAP API, with the call counters. */
class SoapLimitsAndFaultsTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(10));

    private static final String GET_LEAD = """
            <ns1:paramsGetLead><leadKey><keyType>EMAIL</keyType><keyValue>lead1@example.com</keyValue></leadKey></ns1:paramsGetLead>""";

    @Test
    void callsOverTheRateWindowAre20023() {
        emulator.get().limits().setPolicy(Api.SOAP, LimitPolicy.unlimited().withCallsPerWindow(3, Duration.ofMinutes(1)));

        for (int i = 0; i < 3; i++) {
            assertThat(getLead().statusCode()).isEqualTo(200);
        }
        assertFault(getLead(), "20023", "Rate Limit Exceeded");
        assertThat(emulator.get().counters().responses(Api.SOAP, "20023")).isEqualTo(1);
        assertThat(emulator.get().counters().calls(Api.SOAP, "getLead")).isEqualTo(4);
    }

    @Test
    void rateWindowSlides() {
        emulator.get().limits().setPolicy(Api.SOAP, LimitPolicy.unlimited().withCallsPerWindow(2, Duration.ofMillis(300)));
        getLead();
        getLead();
        assertFault(getLead(), "20023", "Rate Limit Exceeded");

        await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> getLead().statusCode() == 200);
    }

    @Test
    void dailyQuotaIs20015() {
        emulator.get().limits().setPolicy(Api.SOAP, LimitPolicy.unlimited().withDailyQuota(2));
        getLead();
        getLead();
        assertFault(getLead(), "20015", "Request Limit Exceeded");
        assertThat(emulator.get().limits().usedToday(Api.SOAP)).isEqualTo(2);
    }

    @Test
    void concurrentCallsOverTheCapAre20024() throws Exception {
        emulator.get().limits().setPolicy(Api.SOAP, LimitPolicy.unlimited().withMaxConcurrent(1));
        emulator.get().faults().inject(Api.SOAP, "getLead", new Fault.Latency(Duration.ofSeconds(2)), 1);

        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(SoapLimitsAndFaultsTest::getLead);
        await().atMost(5, TimeUnit.SECONDS).until(() -> emulator.get().faults().pending() == 0);
        HttpResponse<String> second = post("getMultipleLeads", SoapGetMultipleLeadsTest.body(
                SoapGetMultipleLeadsTest.listByName("VIP"), null, null));

        assertFault(second, "20024", "Concurrency Limit Exceeded");
        assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void injectedVendorErrorIsAnsweredAsThatFault() {
        emulator.get().faults().inject(Api.SOAP, "getLead", new Fault.VendorError("20011"), 1);

        assertFault(getLead(), "20011", "Internal Error");
        assertThat(getLead().statusCode()).isEqualTo(200);
        assertThat(emulator.get().counters().responses(Api.SOAP, "20011")).isEqualTo(1);
    }

    @Test
    void injectedFaultOnlyHitsTheNamedOperation() {
        emulator.get().faults().inject(Api.SOAP, "syncLead", new Fault.VendorError("20023"), 1);

        assertThat(getLead().statusCode()).isEqualTo(200);
        assertThat(emulator.get().faults().pending()).isEqualTo(1);
    }

    @Test
    void injectedHttpStatusIsAnsweredWithThatStatus() {
        emulator.get().faults().inject(Api.SOAP, new Fault.HttpStatus(503), 1);

        HttpResponse<String> response = getLead();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).doesNotContain("Envelope");
        assertThat(emulator.get().counters().responses(Api.SOAP, "503")).isEqualTo(1);
        assertThat(getLead().statusCode()).isEqualTo(200);
    }

    @Test
    void injectedLatencyStillAnswers() {
        emulator.get().faults().inject(Api.SOAP, new Fault.Latency(Duration.ofMillis(200)), 1);

        HttpResponse<String> response = getLead();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("successGetLead");
    }

    @Test
    void droppedConnectionGivesNoResponse() {
        emulator.get().faults().inject(Api.SOAP, new Fault.DropConnection(), 1);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.get().getSoapEndpoint()))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "http://www.marketo.com/mktows/getLead")
                .POST(HttpRequest.BodyPublishers.ofString(SoapEnvelopes.envelope(emulator.get(), "", GET_LEAD)))
                .build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(emulator.get().counters().responses(Api.SOAP, "drop")).isEqualTo(1);
        assertThat(getLead().statusCode()).isEqualTo(200);
    }

    @Test
    void expireTokensDoesNotConcernSoap() {
        emulator.get().faults().inject(Api.SOAP, new Fault.ExpireTokens(), 1);

        assertThat(getLead().statusCode()).isEqualTo(200);
        assertThat(emulator.get().faults().pending()).isZero();
    }

    @Test
    void requestsCxfCannotReadGetVendorFaultsWithoutJavaDetails() {
        HttpResponse<String> garbage = post("getLead", "<not-xml");
        HttpResponse<String> unknownOperation = post("getLeadActivity", SoapEnvelopes.envelope(emulator.get(), "",
                "<ns1:paramsGetLeadActivity><leadKey/></ns1:paramsGetLeadActivity>"));
        HttpResponse<String> unexpectedElement = post("getLead", SoapEnvelopes.envelope(emulator.get(), "",
                "<ns1:paramsGetLead><leadKey><keyType>EMAIL</keyType><bogus/></leadKey></ns1:paramsGetLead>"));

        assertFault(garbage, "20012", "Request Not Understood");
        assertFault(unknownOperation, "20019", "Unsupported Operation");
        assertFault(unexpectedElement, "20012", "Request Not Understood");
        for (HttpResponse<String> response : java.util.List.of(garbage, unknownOperation, unexpectedElement)) {
            assertThat(response.body()).doesNotContain("\tat ", "java.lang", "org.apache.cxf");
        }
        assertThat(emulator.get().counters().responses(Api.SOAP, "20012")).isEqualTo(2);
    }

    @Test
    void unknownKeyTypeIs20102() {
        assertFault(post("getLead", SoapEnvelopes.envelope(emulator.get(), "",
                "<ns1:paramsGetLead><leadKey><keyType>SHOESIZE</keyType><keyValue>9</keyValue></leadKey></ns1:paramsGetLead>")),
                "20102", "Lead Key Bad");
    }

    // ------------------------------------------------------------------ helpers

    private static HttpResponse<String> getLead() {
        return post("getLead", SoapEnvelopes.envelope(emulator.get(), "", GET_LEAD));
    }

    private static HttpResponse<String> post(String operation, String bodyOrEnvelope) {
        MarketoEmulator e = emulator.get();
        String envelope = bodyOrEnvelope.contains("Envelope") || !bodyOrEnvelope.startsWith("<ns1:")
                ? bodyOrEnvelope : SoapEnvelopes.envelope(e, "", bodyOrEnvelope);
        return SoapEnvelopes.post(e, operation, envelope);
    }

    private static void assertFault(HttpResponse<String> response, String code, String title) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(SoapEnvelopes.text(SoapEnvelopes.parse(response.body()), "faultstring")).isEqualTo(code + " - " + title);
        assertThat(SoapEnvelopes.text(SoapEnvelopes.parse(response.body()), "code")).isEqualTo(code);
    }
}
