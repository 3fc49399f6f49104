package io.github.camelmarketo.component.support;

import java.time.Duration;

/**
 * One failed attempt of a call, classified: its {@link FailureKind}, the vendor code (or HTTP status) and message, the
 * vendor's request id, and optionally how long the vendor asked to wait. An attempt function may throw it directly
 * when it recognises an error answer; {@link FailureClassifier#classify(Exception)} turns any other exception into
 * one. Internal to the call: {@link FailureClassifier#toException} turns the last one into what the caller sees.
 */
public final class CallFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final String code;
    private final String vendorMessage;
    private final String requestId;
    private final transient Duration retryAfter;

    public CallFailure(FailureKind kind, String code, String vendorMessage, String requestId, Throwable cause) {
        this(kind, code, vendorMessage, requestId, null, cause);
    }

    /**
     * @param retryAfter how long every caller of the budget should wait before the next call (a rate-limit answer whose
     *                   window is known), or {@code null} to use the backoff delay
     */
    public CallFailure(FailureKind kind, String code, String vendorMessage, String requestId, Duration retryAfter,
                       Throwable cause) {
        super(code + ": " + vendorMessage, cause, false, false);
        this.kind = kind;
        this.code = code;
        this.vendorMessage = vendorMessage;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    public FailureKind kind() {
        return kind;
    }

    /** The vendor's error code or the HTTP status, {@code null} for I/O failures. */
    public String code() {
        return code;
    }

    public String vendorMessage() {
        return vendorMessage;
    }

    /** The vendor's request id, when it gave one. */
    public String requestId() {
        return requestId;
    }

    /** The pause the vendor asked for, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
