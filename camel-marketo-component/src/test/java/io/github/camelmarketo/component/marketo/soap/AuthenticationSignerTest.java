package io.github.camelmarketo.component.marketo.soap;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelmarketo.component.marketo.soap.mktows.AuthenticationHeaderInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The AuthenticationHeader as Marketo checks it (vendor-docs/soap-authentication-signature.md). */
class AuthenticationSignerTest {

    private static String hmacSha1Hex(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(text.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    @Test
    void timestampIsW3cWithOffsetAndSignatureIsLowercaseHexHmacOfTimestampPlusUserId() throws Exception {
        // the seed's syncLead example: 2013-07-31T12:38:47-07:00
        Clock clock = Clock.fixed(Instant.parse("2013-07-31T19:38:47Z"), ZoneId.of("America/Los_Angeles"));
        AuthenticationSigner signer = new AuthenticationSigner("bigcorp1_461839624B16E06BA2D663", "secret-key", clock);
        AuthenticationHeaderInfo header = signer.sign();
        assertThat(header.getMktowsUserId()).isEqualTo("bigcorp1_461839624B16E06BA2D663");
        assertThat(header.getRequestTimestamp()).isEqualTo("2013-07-31T12:38:47-07:00");
        assertThat(header.getRequestSignature())
                .isEqualTo(hmacSha1Hex("secret-key", "2013-07-31T12:38:47-07:00bigcorp1_461839624B16E06BA2D663"))
                .matches("[0-9a-f]{40}");
    }

    @Test
    void utcIsWrittenAsANumericOffset() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        assertThat(new AuthenticationSigner("u", "k", clock).sign().getRequestTimestamp()).isEqualTo("2026-01-02T03:04:05+00:00");
    }

    @Test
    void theSignatureChangesWithTheTimestampAndTheKeyNeverShows() {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        AuthenticationHeaderInfo first = new AuthenticationSigner("u", "k-4711", Clock.fixed(now, ZoneOffset.UTC)).sign();
        AuthenticationSigner later = new AuthenticationSigner("u", "k-4711", Clock.fixed(now.plusSeconds(61), ZoneOffset.UTC));
        AuthenticationHeaderInfo second = later.sign();
        assertThat(second.getRequestTimestamp()).isEqualTo("2026-01-02T03:05:06+00:00");
        assertThat(second.getRequestSignature()).isNotEqualTo(first.getRequestSignature());
        assertThat(later.toString()).doesNotContain("k-4711").contains("userId=u");
    }
}
