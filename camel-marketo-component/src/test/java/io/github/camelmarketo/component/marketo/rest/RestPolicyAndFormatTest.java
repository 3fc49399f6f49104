package io.github.camelmarketo.component.marketo.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.support.FailureKind;
import io.github.camelmarketo.component.support.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pieces of the REST transport that need no server: retry rules, URLs, CSV rows, extract positions, api=auto. */
class RestPolicyAndFormatTest {

    @ParameterizedTest
    @EnumSource(FailureKind.class)
    void writesAreRetriedOnlyWhenNothingWasApplied(FailureKind kind) {
        boolean provenNotApplied = kind == FailureKind.TOKEN || kind == FailureKind.RATE_LIMITED
                                   || kind == FailureKind.CONNECT_REFUSED;
        assertThat(RetryPolicy.isRetryable(kind, true)).isEqualTo(provenNotApplied);
        boolean readRetryable = kind != FailureKind.QUOTA && kind != FailureKind.PERMANENT && kind != FailureKind.URI_TOO_LONG;
        assertThat(RetryPolicy.isRetryable(kind, false)).isEqualTo(readRetryable);
    }

    @Test
    void vendorCodesMapToKinds() {
        assertThat(RestErrors.kindOfVendorCode("602")).isEqualTo(FailureKind.TOKEN);
        assertThat(RestErrors.kindOfVendorCode("615")).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(RestErrors.kindOfVendorCode("607")).isEqualTo(FailureKind.QUOTA);
        assertThat(RestErrors.kindOfVendorCode("608")).isEqualTo(FailureKind.TRANSIENT);
        assertThat(RestErrors.kindOfVendorCode("1003")).isEqualTo(FailureKind.PERMANENT);
        assertThat(RestErrors.kindOfHttpStatus(503)).isEqualTo(FailureKind.TRANSIENT);
        assertThat(RestErrors.kindOfHttpStatus(414)).isEqualTo(FailureKind.URI_TOO_LONG);
        assertThat(RestErrors.kindOfHttpStatus(400)).isEqualTo(FailureKind.PERMANENT);
    }

    @Test
    void retryDelaysGrowWithJitterAndStayBounded() {
        RetryPolicy policy = new RetryPolicy(6, 100, 1000);
        for (int retry = 0; retry < 40; retry++) {
            long expectedCap = Math.min(1000, 100L << Math.min(retry, 30));
            assertThat(policy.delayMillis(retry)).isBetween(expectedCap / 2, expectedCap);
        }
        assertThat(policy.shouldRetry(FailureKind.TRANSIENT, false, 5)).isTrue();
        assertThat(policy.shouldRetry(FailureKind.TRANSIENT, false, 6)).isFalse();
        assertThatThrownBy(() -> new RetryPolicy(-1, 1, 1)).hasMessageContaining("maxRetries");
    }

    @Test
    void urlsComeFromTheMunchkinIdOrTheOptions() {
        MarketoConfiguration configuration = new MarketoConfiguration();
        configuration.setMunchkinId("123-ABC-456");
        RestUrls urls = RestUrls.of(configuration);
        assertThat(urls.rest()).isEqualTo("https://123-ABC-456.mktorest.com/rest");
        assertThat(urls.bulk()).isEqualTo("https://123-ABC-456.mktorest.com/bulk");
        assertThat(urls.identity()).isEqualTo("https://123-ABC-456.mktorest.com/identity");
        assertThat(urls.tokenUrl()).isEqualTo("https://123-ABC-456.mktorest.com/identity/oauth/token");
        assertThat(urls.instanceKey()).isEqualTo("123-ABC-456.mktorest.com");

        configuration.setRestEndpoint("http://localhost:8080/rest/");
        configuration.setIdentityEndpoint("http://localhost:8080/identity");
        urls = RestUrls.of(configuration);
        assertThat(urls.rest()).isEqualTo("http://localhost:8080/rest");
        assertThat(urls.bulk()).isEqualTo("http://localhost:8080/bulk");
        assertThat(urls.instanceKey()).isEqualTo("localhost:8080");
    }

    @Test
    void apiAutoPicksTheTransportFromTheCredentialsOrSaysWhatToSet() {
        MarketoConfiguration configuration = new MarketoConfiguration();
        assertThatThrownBy(configuration::resolveApi).hasMessageContaining("clientId and clientSecret")
                .hasMessageContaining("userId and encryptionKey");
        configuration.setClientId("id");
        assertThatThrownBy(configuration::resolveApi).hasMessageContaining("clientSecret");
        configuration.setClientSecret("secret");
        assertThat(configuration.resolveApi()).isEqualTo(MarketoApi.rest);
        configuration.setUserId("user");
        configuration.setEncryptionKey("key");
        assertThatThrownBy(configuration::resolveApi).hasMessageContaining("api=rest or api=soap");
        configuration.setApi(MarketoApi.rest);
        assertThat(configuration.resolveApi()).isEqualTo(MarketoApi.rest);
    }

    @Test
    void csvRowsWithQuotesAndLineBreaksAndTheirByteOffsets() throws IOException {
        String csv = "id,email,company\r\n1,a@x.com,\"Acme, Inc.\"\n2,b@x.com,\"say \"\"hi\"\"\nthere\"\n3,c@x.com,Zoë\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        CsvRowReader reader = new CsvRowReader(new ByteArrayInputStream(bytes));
        assertThat(reader.nextRow()).containsExactly("id", "email", "company");
        long afterHeader = reader.consumed();
        assertThat(reader.nextRow()).containsExactly("1", "a@x.com", "Acme, Inc.");
        long afterFirst = reader.consumed();
        assertThat(reader.nextRow()).containsExactly("2", "b@x.com", "say \"hi\"\nthere");
        assertThat(reader.nextRow()).containsExactly("3", "c@x.com", "Zoë");
        assertThat(reader.nextRow()).isNull();
        assertThat(reader.consumed()).isEqualTo(bytes.length);

        // resuming at a recorded offset reads the following rows, as a Range request does
        CsvRowReader resumed = new CsvRowReader(new ByteArrayInputStream(bytes, (int) afterFirst, bytes.length));
        assertThat(resumed.nextRow()).startsWith("2");
        CsvRowReader skipping = new CsvRowReader(new ByteArrayInputStream(bytes));
        skipping.skip(afterHeader);
        assertThat(skipping.nextRow()).startsWith("1");
    }

    @Test
    void csvRowsReadInPlaceFromAChunkMatchTheStreamAndCountFromTheChunkStart() throws IOException {
        String csv = "id,email,company\n1,a@x.com,\"Acme, Inc.\"\n2,b@x.com,\"say \"\"hi\"\"\nthere\"\n3,c@x.com,Zoë\r\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        int from = csv.indexOf("1,a@x.com");
        // a longer cell than the reader's initial cell buffer
        byte[] longCell = ("4,d@x.com," + "x".repeat(1000) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[file.length + longCell.length];
        System.arraycopy(file, 0, bytes, 0, file.length);
        System.arraycopy(longCell, 0, bytes, file.length, longCell.length);

        CsvRowReader inPlace = new CsvRowReader(bytes, from, file.length);
        assertThat(inPlace.nextRow()).containsExactly("1", "a@x.com", "Acme, Inc.");
        assertThat(inPlace.nextRow()).containsExactly("2", "b@x.com", "say \"hi\"\nthere");
        assertThat(inPlace.nextRow()).containsExactly("3", "c@x.com", "Zoë");
        assertThat(inPlace.nextRow()).as("the reader stops at the end it was given").isNull();
        assertThat(inPlace.atEnd()).isTrue();
        assertThat(inPlace.consumed()).isEqualTo(file.length - from);

        CsvRowReader rest = new CsvRowReader(bytes, file.length, bytes.length);
        assertThat(rest.nextRow()).containsExactly("4", "d@x.com", "x".repeat(1000));
        // a stream is read in blocks, so rows that span blocks come out whole
        CsvRowReader streamed = new CsvRowReader(new java.io.BufferedInputStream(new ByteArrayInputStream(bytes), 7));
        int rows = 0;
        while (streamed.nextRow() != null) {
            rows++;
        }
        assertThat(rows).isEqualTo(5);
        assertThat(streamed.consumed()).isEqualTo(bytes.length);
    }

    @Test
    void aGetIsLongWhenItsEncodedTargetExceedsTheLimitWhicheverBoundDecides() {
        String url = "https://123-ABC-456.mktorest.com/rest/v1/leads.json";
        // ASCII letters are not encoded: the unencoded length decides exactly
        int room = 100 - url.length() - "?filterType=email&filterValues=".length();
        assertThat(RestRequest.get("op", url).param("filterType", "email").param("filterValues", "a".repeat(room))
                .isTargetLongerThan(100)).isFalse();
        assertThat(RestRequest.get("op", url).param("filterType", "email").param("filterValues", "a".repeat(room + 1))
                .isTargetLongerThan(100)).isTrue();
        // '@' and ',' become %40 and %2C: short unencoded, long once encoded
        String emails = "a@x,b@y";
        RestRequest encoded = RestRequest.get("op", url).param("filterValues", emails);
        int encodedLength = url.length() + "?filterValues=".length() + "a%40x%2Cb%40y".length();
        assertThat(encoded.isTargetLongerThan(encodedLength)).isFalse();
        assertThat(encoded.isTargetLongerThan(encodedLength - 1)).isTrue();
        assertThat(RestRequest.get("op", url).isTargetLongerThan(url.length())).isFalse();
    }

    @Test
    void extractPositionsRoundTripAndCutWindowsOf31Days() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant end = Instant.parse("2026-03-15T00:00:00Z");
        ExtractPosition pos = ExtractPosition.start(start, end).withExport("job-1").at(1234, List.of("id", "email"));
        ExtractPosition decoded = ExtractPosition.decode(pos.encode());
        assertThat(decoded).isEqualTo(pos);
        assertThat(ExtractPosition.isExtractPosition(pos.encode())).isTrue();

        List<Instant[]> windows = new ArrayList<>();
        ExtractPosition window = ExtractPosition.start(start, end);
        while (true) {
            windows.add(new Instant[] { window.windowStart(), window.windowEnd() });
            if (window.isLastWindow()) {
                break;
            }
            window = window.nextWindow();
        }
        assertThat(windows).hasSize(3);
        for (Instant[] w : windows) {
            assertThat(Duration.between(w[0], w[1])).isLessThanOrEqualTo(Duration.ofDays(31));
        }
        assertThat(windows.get(1)[0]).isEqualTo(windows.get(0)[1].plusMillis(1));
        assertThat(windows.get(2)[1]).isEqualTo(end);
    }
}
