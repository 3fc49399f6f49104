package io.github.camelmarketo.emulator.soap;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** AuthenticationHeader checks: 20014 for anything unverifiable, 20016 outside the configured skew. */
class SoapAuthenticationTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(
            b -> b.leads(5).signatureSkew(Duration.ofMinutes(5)));

    private static final String GET_LEAD = """
            <ns1:paramsGetLead><leadKey><keyType>EMAIL</keyType><keyValue>lead1@example.com</keyValue></leadKey></ns1:paramsGetLead>""";

    @Test
    void correctlySignedRequestIsAnswered() {
        assertThat(call(signedEnvelope(emulator.get().getSoapUserId(), emulator.get().getSoapEncryptionKey(),
                SoapEnvelopes.now())).statusCode()).isEqualTo(200);
    }

    @Test
    void timestampInUtcWithZIsAccepted() {
        String timestamp = RequestSignature.timestamp(OffsetDateTime.now(ZoneOffset.UTC));
        assertThat(timestamp).endsWith("Z");
        assertThat(call(signedEnvelope(emulator.get().getSoapUserId(), emulator.get().getSoapEncryptionKey(), timestamp))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void wrongKeyIs20014() {
        assertFault(call(signedEnvelope(emulator.get().getSoapUserId(), "not-the-key", SoapEnvelopes.now())), "20014");
    }

    @Test
    void unknownUserIs20014() {
        assertFault(call(signedEnvelope("someone_else_123", emulator.get().getSoapEncryptionKey(), SoapEnvelopes.now())),
                "20014");
    }

    @Test
    void uppercaseOrTamperedSignatureIs20014() {
        String good = signedEnvelope(emulator.get().getSoapUserId(), emulator.get().getSoapEncryptionKey(), SoapEnvelopes.now());
        String signature = good.replaceAll("(?s).*<requestSignature>([^<]*)</requestSignature>.*", "$1");
        assertFault(call(good.replace(signature, signature.toUpperCase())), "20014");
        assertFault(call(good.replace(signature, signature.substring(1) + "0")), "20014");
    }

    @Test
    void signatureOverAnotherTimestampIs20014() {
        String good = signedEnvelope(emulator.get().getSoapUserId(), emulator.get().getSoapEncryptionKey(), SoapEnvelopes.now());
        String shifted = good.replaceAll("<requestTimestamp>[^<]*</requestTimestamp>",
                "<requestTimestamp>" + RequestSignature.timestamp(OffsetDateTime.now().minusSeconds(30)) + "</requestTimestamp>");
        assertFault(call(shifted), "20014");
    }

    @Test
    void missingHeaderIs20014() {
        String envelope = """
                <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="http://www.marketo.com/mktows/">
                  <SOAP-ENV:Body>%s</SOAP-ENV:Body>
                </SOAP-ENV:Envelope>""".formatted(GET_LEAD);
        Document fault = assertFault(call(envelope), "20014");
        assertThat(SoapEnvelopes.text(fault, "message")).contains("AuthenticationHeader");
    }

    @Test
    void unreadableTimestampIs20014() {
        Document fault = assertFault(call(signedEnvelope(emulator.get().getSoapUserId(),
                emulator.get().getSoapEncryptionKey(), "yesterday")), "20014");
        assertThat(SoapEnvelopes.text(fault, "message")).contains("requestTimestamp");
    }

    @Test
    void timestampOlderThanTheSkewIs20016() {
        String old = RequestSignature.timestamp(OffsetDateTime.now(ZoneOffset.ofHours(-8)).minusMinutes(6));
        Document fault = assertFault(call(signedEnvelope(emulator.get().getSoapUserId(),
                emulator.get().getSoapEncryptionKey(), old)), "20016");
        assertThat(SoapEnvelopes.text(fault, "faultstring")).isEqualTo("20016 - Request Expired");
    }

    @Test
    void timestampTooFarInTheFutureIs20016() {
        String future = RequestSignature.timestamp(OffsetDateTime.now(ZoneOffset.ofHours(2)).plusMinutes(6));
        assertFault(call(signedEnvelope(emulator.get().getSoapUserId(), emulator.get().getSoapEncryptionKey(), future)),
                "20016");
    }

    @Test
    void timestampWithinTheSkewIsAccepted() {
        String recent = RequestSignature.timestamp(OffsetDateTime.now(ZoneOffset.ofHours(-7)).minusMinutes(4));
        assertThat(call(signedEnvelope(emulator.get().getSoapUserId(), emulator.get().getSoapEncryptionKey(), recent))
                .statusCode()).isEqualTo(200);
        assertThat(emulator.get().counters().responses(Api.SOAP, "200")).isEqualTo(1);
    }

    @Test
    void signatureMatchesTheVendorsPublishedExample() {
        // the PHP sample's algorithm: hash_hmac('sha1', timestamp . userId, key) = lowercase hex
        String signature = RequestSignature.sign("key", "2013-07-31T12:38:47-07:00", "user");
        assertThat(signature).hasSize(40).matches("[0-9a-f]+");
        assertThat(signature).isEqualTo(org.apache.commons.codec.digest.HmacUtils
                .hmacSha1Hex("key", "2013-07-31T12:38:47-07:00user"));
    }

    private static String signedEnvelope(String userId, String key, String timestamp) {
        MarketoEmulator e = emulator.get();
        return SoapEnvelopes.resign(SoapEnvelopes.envelope(e, "", GET_LEAD), userId, key, timestamp);
    }

    private static HttpResponse<String> call(String envelope) {
        return SoapEnvelopes.post(emulator.get(), "getLead", envelope);
    }

    private static Document assertFault(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).isEqualTo(500);
        Document doc = SoapEnvelopes.parse(response.body());
        assertThat(SoapEnvelopes.text(doc, "code")).isEqualTo(code);
        assertThat(SoapEnvelopes.text(doc, "faultstring")).startsWith(code + " - ");
        assertThat(emulator.get().counters().responses(Api.SOAP, code)).isPositive();
        return doc;
    }
}
