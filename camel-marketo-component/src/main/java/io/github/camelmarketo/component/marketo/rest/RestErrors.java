package io.github.camelmarketo.component.marketo.rest;

import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.MarketoNotFoundException;
import io.github.camelmarketo.component.marketo.model.MarketoQuotaExceededException;
import io.github.camelmarketo.component.marketo.model.MarketoRateLimitException;

/** Turns the last failure of a REST call into the {@link MarketoException} a user sees, with what to do next. */
final class RestErrors {

    private RestErrors() {
    }

    static MarketoException toException(String operation, RestCallFailure failure, boolean write, int retries) {
        String code = failure.code();
        String message = failure.vendorMessage();
        String requestId = failure.requestId();
        Throwable cause = failure.getCause();
        return switch (failure.kind()) {
            case QUOTA -> new MarketoQuotaExceededException(operation, code, message, requestId,
                    "The instance's daily REST API quota (shared by every integration of this Marketo instance) is used up; "
                    + "calls fail until the quota resets at midnight US Central time. Not retried", cause);
            case RATE_LIMITED -> new MarketoRateLimitException(operation, code, message, requestId,
                    "Still rate limited after " + retries + " retries: other integrations probably share this instance's "
                    + "limits; lower rateLimitCalls/maxConcurrentCalls or raise maxRetries", cause);
            case TOKEN -> new MarketoAuthenticationException(operation, code, message, requestId,
                    "The access token was refused even after a refresh; check the API user's permissions", cause);
            case TRANSIENT, CONNECTION_LOST -> new MarketoException(operation, code, message, requestId,
                    write ? "Not retried: the write may have been applied; check the data before sending it again"
                            : "Gave up after " + retries + " retries",
                    cause);
            case CONNECT_FAILED -> new MarketoException(operation, code, message, requestId,
                    "Could not connect after " + retries + " retries; check restEndpoint/munchkinId and the network", cause);
            default -> fatal(operation, code, message, requestId, cause);
        };
    }

    private static MarketoException fatal(String operation, String code, String message, String requestId, Throwable cause) {
        return switch (code == null ? "" : code) {
            case "603" -> new MarketoAuthenticationException(operation, code, message, requestId,
                    "Access denied: the API user's role lacks the permission for this call", cause);
            case "610", "1004", "1013" -> new MarketoNotFoundException(operation, code, message, requestId, null, cause);
            case "1029" -> new MarketoException(operation, code, message, requestId,
                    "Too many bulk export jobs queued or the daily export limit is reached; try again later", cause);
            case "1035" -> new MarketoException(operation, code, message, requestId,
                    "This subscription does not support that bulk export filter", cause);
            default -> new MarketoException(operation, code, message, requestId, null, cause);
        };
    }
}
