package io.github.camelmarketo.emulator.soap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.cxf.Bus;
import org.junit.jupiter.api.Test;

import io.github.camelmarketo.emulator.MarketoEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/** Each emulator has its own CXF bus, released on stop; emulators run side by side and restart cleanly. */
class SoapApiLifecycleTest {

    @Test
    void twoEmulatorsRunSideBySideAndRestart() throws Exception {
        try (MarketoEmulator first = MarketoEmulator.builder().leads(3).build().start();
             MarketoEmulator second = MarketoEmulator.builder().leads(4).soapCredentials("other_user", "other-key").build()
                     .start()) {
            Bus firstBus = first.soap().bus();
            assertThat(firstBus).isNotNull().isNotSameAs(second.soap().bus());
            assertThat(getLead(first).statusCode()).isEqualTo(200);
            assertThat(getLead(second).statusCode()).isEqualTo(200);

            first.stop();
            assertThat(first.soap().bus()).isNull();
            assertThat(firstBus.getState()).isEqualTo(Bus.BusState.SHUTDOWN);
            assertThat(getLead(second).statusCode()).isEqualTo(200);

            first.start();
            assertThat(getLead(first).statusCode()).isEqualTo(200);
            assertThat(wsdl(first)).contains("location=\"" + first.getSoapEndpoint() + "\"");
        }
    }

    private static HttpResponse<String> getLead(MarketoEmulator emulator) {
        return SoapEnvelopes.post(emulator, "getLead", SoapEnvelopes.envelope(emulator, "",
                "<ns1:paramsGetLead><leadKey><keyType>EMAIL</keyType><keyValue>lead1@example.com</keyValue></leadKey>"
                                                          + "</ns1:paramsGetLead>"));
    }

    private static String wsdl(MarketoEmulator emulator) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.getSoapEndpoint() + "?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
