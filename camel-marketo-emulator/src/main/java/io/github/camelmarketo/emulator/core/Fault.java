package io.github.camelmarketo.emulator.core;

import java.time.Duration;

/**
 * A fault the emulator injects instead of (or before) answering a call. See {@link FaultInjector}.
 */
public sealed interface Fault {

    /** Answer with this HTTP status and the vendor's error body for it (e.g. 500, 502, 503). */
    record HttpStatus(int status) implements Fault {
    }

    /**
     * Answer with a vendor error code: REST {@code "606"}, {@code "604"}, {@code "611"}, ... in an HTTP 200
     * {@code success:false} envelope; SOAP {@code "20023"} etc. as a SOAP fault.
     */
    record VendorError(String code) implements Fault {
    }

    /** Wait this long, then answer normally. */
    record Latency(Duration delay) implements Fault {
    }

    /** Close the connection without writing a response (the client sees a reset / no response). */
    record DropConnection() implements Fault {
    }

    /**
     * Run the call normally (a write is applied), then close the connection without writing the answer: the client
     * cannot tell this from {@link DropConnection}, so it must not send a write again.
     */
    record ApplyThenDrop() implements Fault {
    }

    /** Answer with this redirect status (301/302/303/307/308) and a {@code Location} header. */
    record Redirect(int status, String location) implements Fault {
    }

    /**
     * Answer with exactly this HTTP status, content type and body instead of the real answer: a malformed or
     * unexpected answer (not JSON, another JSON shape, an error body with HTTP 200). Honoured by the LeadSquared and
     * REST APIs.
     */
    record Body(int status, String contentType, String body) implements Fault {

        /** A JSON body with HTTP 200. */
        public static Body json(String body) {
            return new Body(200, "application/json; charset=utf-8", body);
        }
    }

    /** Expire every issued token now; the call itself is answered normally (then with 602 if it used one). */
    record ExpireTokens() implements Fault {
    }
}
