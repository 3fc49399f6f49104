package io.github.camelmarketo.component.marketo.rest;

/**
 * What a failed REST call means for a retry. {@link RetryPolicy} decides per kind and per read/write.
 */
enum FailureKind {
    /** 601/602: the access token is invalid or expired; nothing was applied. Refresh and resend. */
    TOKEN,
    /** 606/615 (and HTTP 429): rate or concurrency limit; the vendor applied nothing. */
    RATE_LIMITED,
    /** 607: daily quota used up. Never retried. */
    QUOTA,
    /** HTTP 414: the GET was too long; resend as POST with {@code _method=GET}. */
    URI_TOO_LONG,
    /** 604/608/611/713 or HTTP 5xx: the vendor may or may not have applied a write. */
    TRANSIENT,
    /** The connection could not be opened (refused, connect timeout): the request never left. */
    CONNECT_FAILED,
    /** The connection broke after the request was sent (reset, no response, read timeout). */
    CONNECTION_LOST,
    /** Anything else: a bad request, not found, a job that failed. Never retried. */
    FATAL
}
