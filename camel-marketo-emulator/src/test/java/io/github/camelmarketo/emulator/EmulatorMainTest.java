package io.github.camelmarketo.emulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorMainTest {

    @Test
    void startsOnTheRequestedPortAndPrintsUrlsAndTestCredentials() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MarketoEmulator emulator = EmulatorMain.start(
                new String[] { "--port", "0", "--leads", "250", "--seed", "7", "--token-ttl", "60" },
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            String banner = bytes.toString(StandardCharsets.UTF_8);
            assertThat(emulator.store().size()).isEqualTo(250);
            assertThat(emulator.settings().randomSeed()).isEqualTo(7);
            assertThat(emulator.settings().tokenTtl()).isEqualTo(Duration.ofSeconds(60));
            assertThat(banner).contains(emulator.getSoapEndpoint() + "?WSDL", emulator.getRestEndpoint(),
                    emulator.getIdentityEndpoint(), emulator.getBulkEndpoint(), emulator.getSoapUserId(),
                    emulator.getClientId(), "250 leads", "VIP", "test credentials");

            HttpResponse<String> wsdl = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(emulator.getSoapEndpoint() + "?WSDL")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wsdl.statusCode()).isEqualTo(200);
            assertThat(wsdl.body()).contains("MktMktowsApiService", "location=\"" + emulator.getSoapEndpoint() + "\"");
        } finally {
            emulator.stop();
        }
    }

    @Test
    void defaultsToAThousandLeadsAndAcceptsAHost() {
        MarketoEmulator emulator = EmulatorMain.parse(new String[0]).build();
        assertThat(emulator.settings().leads()).isEqualTo(1000);
        assertThat(EmulatorMain.parse(new String[] { "--host", "0.0.0.0" }).build().settings().host()).isEqualTo("0.0.0.0");
    }

    @Test
    void clockOffsetExportFilterAndAllowanceOptions() {
        MarketoEmulator emulator = EmulatorMain.parse(new String[] { "--clock-offset", "-30s",
                "--updated-at-filter", "off", "--export-daily-mb", "2" }).build();
        assertThat(emulator.settings().clockOffset()).isEqualTo(Duration.ofSeconds(-30));
        assertThat(emulator.clock().offset()).isEqualTo(Duration.ofSeconds(-30));
        assertThat(emulator.settings().exportUpdatedAtFilter()).isFalse();
        assertThat(emulator.settings().exportDailyBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(EmulatorMain.duration("o", "8d")).isEqualTo(Duration.ofDays(8));
        assertThat(EmulatorMain.duration("o", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(EmulatorMain.duration("o", "PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(EmulatorMain.duration("o", "45")).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--clock-offset", "soon" }))
                .hasMessageContaining("--clock-offset").hasMessageContaining("soon");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--updated-at-filter", "maybe" }))
                .hasMessageContaining("on or off");
    }

    @Test
    void leadSquaredReadingsAreFlags() {
        MarketoEmulator defaults = EmulatorMain.parse(new String[0]).build();
        assertThat(defaults.leadSquared().recordCount()).isEqualTo(LeadSquaredApi.RecordCount.PER_REQUEST);
        assertThat(defaults.leadSquared().omittedColumns()).isEmpty();
        MarketoEmulator example = EmulatorMain.parse(new String[] {
                "--leadsquared-record-count", "per-page", "--leadsquared-omit-columns", "example" }).build();
        assertThat(example.leadSquared().recordCount()).isEqualTo(LeadSquaredApi.RecordCount.PER_PAGE);
        assertThat(example.leadSquared().omittedColumns()).containsExactlyInAnyOrder("prospectid", "owneridemailaddress",
                "prospectautoid");
        assertThat(EmulatorMain.parse(new String[] { "--leadsquared-omit-columns", "ProspectId, Phone" }).build()
                .leadSquared().omittedColumns()).containsExactlyInAnyOrder("prospectid", "phone");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--leadsquared-record-count", "sometimes" }))
                .hasMessageContaining("--leadsquared-record-count").hasMessageContaining("per-page");
    }

    @Test
    void badArgumentsNameTheOption() {
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--leads", "many" }))
                .hasMessageContaining("--leads").hasMessageContaining("many");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--port", "70000" }))
                .hasMessageContaining("--port").hasMessageContaining("65535");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--verbose", "1" }))
                .hasMessageContaining("--verbose").hasMessageContaining("--port");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--seed" }))
                .hasMessageContaining("--seed needs a value");
    }
}
