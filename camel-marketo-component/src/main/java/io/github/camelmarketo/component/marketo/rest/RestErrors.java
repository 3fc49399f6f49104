package io.github.camelmarketo.component.marketo.rest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.MarketoNotFoundException;
import io.github.camelmarketo.component.marketo.model.MarketoQuotaExceededException;
import io.github.camelmarketo.component.marketo.model.MarketoRateLimitException;
import io.github.camelmarketo.component.support.CallBudgetExceededException;
import io.github.camelmarketo.component.support.CallFailure;
import io.github.camelmarketo.component.support.FailureClassifier;
import io.github.camelmarketo.component.support.FailureKind;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * The REST API's failures for the retry engine: vendor codes, HTTP statuses and I/O errors classified into
 * {@link FailureKind}s, and the last failure of a call turned into the {@link MarketoException} a user sees, with what
 * to do next.
 */
final class RestErrors implements FailureClassifier {

    static final RestErrors INSTANCE = new RestErrors();

    private RestErrors() {
    }

    /** The kind a vendor error code (REST {@code errors[].code}) belongs to. */
    static FailureKind kindOfVendorCode(String code) {
        return switch (code == null ? "" : code) {
            case "601", "602" -> FailureKind.TOKEN;
            case "606", "615" -> FailureKind.RATE_LIMITED;
            case "607" -> FailureKind.QUOTA;
            case "414" -> FailureKind.URI_TOO_LONG;
            case "604", "608", "611", "713" -> FailureKind.TRANSIENT;
            default -> FailureKind.PERMANENT;
        };
    }

    /** The kind an HTTP status other than 2xx belongs to. */
    static FailureKind kindOfHttpStatus(int status) {
        if (status == 414) {
            return FailureKind.URI_TOO_LONG;
        }
        if (status == 429) {
            return FailureKind.RATE_LIMITED;
        }
        if (status == 401) {
            return FailureKind.TOKEN;
        }
        return status >= 500 ? FailureKind.TRANSIENT : FailureKind.PERMANENT;
    }

    @Override
    public CallFailure classify(Exception error) {
        if (error instanceof ConnectException || error instanceof ConnectTimeoutException
                || error instanceof UnknownHostException) {
            return new CallFailure(FailureKind.CONNECT_REFUSED, null, describe(error), null, error);
        }
        if (error instanceof InterruptedIOException) {
            return new CallFailure(FailureKind.TIMEOUT, null, "no answer in time: " + describe(error), null, error);
        }
        if (error instanceof IOException) {
            return new CallFailure(FailureKind.TIMEOUT, null, describe(error), null, error);
        }
        return null;
    }

    static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public MarketoException toException(String operation, CallFailure failure, boolean write, int retries) {
        String code = failure.code();
        String message = failure.vendorMessage();
        String requestId = failure.requestId();
        Throwable cause = failure.getCause();
        return switch (failure.kind()) {
            case QUOTA -> new MarketoQuotaExceededException(operation, code, message, requestId,
                    cause instanceof CallBudgetExceededException
                            ? "Nothing was sent: this component's own daily budget (maxDailyCalls) is spent"
                            : "The instance's daily REST API quota (shared by every integration of this Marketo instance) is used up; "
                    + "calls fail until the quota resets at midnight US Central time. Not retried", cause);
            case RATE_LIMITED -> new MarketoRateLimitException(operation, code, message, requestId,
                    "Still rate limited after " + retries + " retries: other integrations probably share this instance's "
                    + "limits; lower rateLimitCalls/maxConcurrentCalls or raise maxRetries", cause);
            case TOKEN -> new MarketoAuthenticationException(operation, code, message, requestId,
                    "The access token was refused even after a refresh; check the API user's permissions", cause);
            case TRANSIENT, TIMEOUT -> new MarketoException(operation, code, message, requestId,
                    write ? "Not retried: the write may have been applied; check the data before sending it again"
                            : "Gave up after " + retries + " retries",
                    cause);
            case CONNECT_REFUSED -> new MarketoException(operation, code, message, requestId,
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
