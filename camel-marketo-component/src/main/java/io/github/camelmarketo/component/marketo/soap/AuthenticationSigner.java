package io.github.camelmarketo.component.marketo.soap;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import io.github.camelmarketo.component.marketo.soap.mktows.AuthenticationHeaderInfo;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * Signs SOAP requests the way Marketo checks them: {@code requestTimestamp} in W3C format with an offset
 * ({@code 2013-07-31T12:38:47-07:00}) and {@code requestSignature} = lowercase hex HMAC-SHA1(encryptionKey,
 * requestTimestamp + userId). A new header is made for every request, at send time, so a signature never goes stale
 * (fault 20016). Stateless apart from the key; thread-safe.
 */
final class AuthenticationSigner {

    /** W3C date-time with a numeric offset ({@code +00:00}, never {@code Z}), as the vendor's samples send it. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final String userId;
    private final String encryptionKey;
    private final Clock clock;

    AuthenticationSigner(String userId, String encryptionKey, Clock clock) {
        this.userId = userId;
        this.encryptionKey = encryptionKey;
        this.clock = clock;
    }

    /** A freshly signed header for one request. */
    AuthenticationHeaderInfo sign() {
        String timestamp = TIMESTAMP.format(ZonedDateTime.now(clock));
        AuthenticationHeaderInfo header = new AuthenticationHeaderInfo();
        header.setMktowsUserId(userId);
        header.setRequestTimestamp(timestamp);
        header.setRequestSignature(signature(timestamp));
        return header;
    }

    String signature(String timestamp) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_1, encryptionKey).hmacHex(timestamp + userId);
    }

    @Override
    public String toString() {
        // never the key
        return "AuthenticationSigner[userId=" + userId + "]";
    }
}
