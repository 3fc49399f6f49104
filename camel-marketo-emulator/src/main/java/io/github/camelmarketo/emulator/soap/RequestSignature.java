package io.github.camelmarketo.emulator.soap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.github.camelmarketo.emulator.soap.mktows.AuthenticationHeaderInfo;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * Marketo's SOAP request signature: {@code requestSignature = lowercase hex HMAC-SHA1(encryptionKey,
 * requestTimestamp + mktowsUserId)}, with {@code requestTimestamp} in W3C format with offset
 * ({@code 2013-07-31T12:38:47-07:00}).
 * <p>
 * {@link #verify} throws fault 20014 for a missing header, an unknown user, a bad signature or an unreadable
 * timestamp, and 20016 when the timestamp is further than {@code skew} from now (in either direction).
 */
public final class RequestSignature {

    private final String userId;
    private final String encryptionKey;
    private final Duration skew;
    private final Clock clock;

    public RequestSignature(String userId, String encryptionKey, Duration skew, Clock clock) {
        this.userId = userId;
        this.encryptionKey = encryptionKey;
        this.skew = skew;
        this.clock = clock;
    }

    /** Lowercase hex HMAC-SHA1 of {@code timestamp + userId} keyed with {@code encryptionKey}. */
    public static String sign(String encryptionKey, String timestamp, String userId) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_1, encryptionKey).hmacHex(timestamp + userId);
    }

    /** {@code now} as a W3C timestamp with offset, second precision: what the vendor's samples send. */
    public static String timestamp(OffsetDateTime now) {
        return now.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Accepts the header or throws the vendor's fault. */
    public void verify(AuthenticationHeaderInfo header) {
        if (header == null || header.getMktowsUserId() == null || header.getRequestSignature() == null
                || header.getRequestTimestamp() == null) {
            throw SoapFaults.fault(SoapFaults.AUTHENTICATION_FAILED,
                    "Authentication failed: AuthenticationHeader with mktowsUserId, requestSignature"
                                                            + " and requestTimestamp is required");
        }
        if (!userId.equals(header.getMktowsUserId().trim())) {
            throw SoapFaults.fault(SoapFaults.AUTHENTICATION_FAILED);
        }
        String timestamp = header.getRequestTimestamp().trim();
        String expected = sign(encryptionKey, timestamp, userId);
        byte[] given = header.getRequestSignature().trim().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given)) {
            throw SoapFaults.fault(SoapFaults.AUTHENTICATION_FAILED);
        }
        Instant signedAt;
        try {
            signedAt = OffsetDateTime.parse(timestamp, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw SoapFaults.fault(SoapFaults.AUTHENTICATION_FAILED,
                    "Authentication failed: requestTimestamp must be a W3C date-time with offset,"
                                                            + " e.g. 2013-07-31T12:38:47-07:00");
        }
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(skew) > 0) {
            throw SoapFaults.fault(SoapFaults.REQUEST_EXPIRED);
        }
    }
}
