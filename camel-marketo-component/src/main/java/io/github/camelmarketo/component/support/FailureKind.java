package io.github.camelmarketo.component.support;

/**
 * What a failed call means for a retry, whatever the vendor. A transport's {@link FailureClassifier} maps its errors
 * (vendor codes, HTTP statuses, I/O errors) to one of these; {@link RetryPolicy} decides per kind and per read or
 * write, and {@link CallRetrier} applies the kinds that come with a remedy (a token refresh, the alternate request
 * form).
 */
public enum FailureKind {
    /** The credential was refused as invalid or expired (REST 601/602, SOAP 20016): nothing was applied. Renew it and resend. */
    TOKEN,
    /** A rate or concurrency limit (REST 606/615, SOAP 20023/20024, HTTP 429): nothing was applied. Wait and resend. */
    RATE_LIMITED,
    /** The daily quota is used up (REST 607, SOAP 20015, the client's own daily budget). Never retried. */
    QUOTA,
    /** A transient server error (REST 604/608/611/713, SOAP 10001/20011, HTTP 5xx): a write may have been applied. */
    TRANSIENT,
    /** The request was sent but no complete answer came (read timeout, connection reset): a write may have been applied. */
    TIMEOUT,
    /** The connection could not be opened (refused, connect timeout, unknown host): the request never left. */
    CONNECT_REFUSED,
    /** The request line was too long (HTTP 414): resend once in the alternate form (REST: {@code POST _method=GET}). */
    URI_TOO_LONG,
    /** Anything else: a bad request, an authentication failure, not found, a rejected record. Never retried. */
    PERMANENT
}
