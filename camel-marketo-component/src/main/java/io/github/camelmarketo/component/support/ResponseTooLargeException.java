package io.github.camelmarketo.component.support;

import java.io.IOException;

/**
 * A response body larger than maxResponseSize: the call fails without retry and without reading the rest. The message
 * names the size and the option; the transports' errors add the operation.
 */
public final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private ResponseTooLargeException(String message) {
        super(message);
    }

    /** A body whose declared length ({@code Content-Length}) is over the cap. */
    public static ResponseTooLargeException declared(long contentLength, long maxResponseSize) {
        return new ResponseTooLargeException("the response has " + contentLength + " bytes (Content-Length), more than "
                                             + "maxResponseSize (" + maxResponseSize + " bytes); raise maxResponseSize to "
                                             + "accept larger responses");
    }

    /** A body of unknown length that went past the cap while it was read. */
    public static ResponseTooLargeException exceeded(long maxResponseSize) {
        return new ResponseTooLargeException("the response is longer than maxResponseSize (" + maxResponseSize
                                             + " bytes); raise maxResponseSize to accept larger responses");
    }

    /** The ResponseTooLargeException in {@code error}'s cause chain, or {@code null}. */
    public static ResponseTooLargeException in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ResponseTooLargeException tooLarge) {
                return tooLarge;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** A permanent (never retried) failure for the retry engine. */
    public CallFailure toFailure() {
        return new CallFailure(FailureKind.PERMANENT, null, getMessage(), null, this);
    }
}
