package io.github.camelmarketo.component.marketo.rest;

/**
 * A failed attempt of one REST call, classified for the retry loop. Internal: the loop turns the last one into a
 * {@link io.github.camelmarketo.component.marketo.model.MarketoException}.
 */
final class RestCallFailure extends Exception {

    private final FailureKind kind;
    private final String code;
    private final String vendorMessage;
    private final String requestId;

    RestCallFailure(FailureKind kind, String code, String vendorMessage, String requestId, Throwable cause) {
        super(code + ": " + vendorMessage, cause, false, false);
        this.kind = kind;
        this.code = code;
        this.vendorMessage = vendorMessage;
        this.requestId = requestId;
    }

    /** The kind a vendor error code (REST {@code errors[].code}) belongs to. */
    static FailureKind kindOfVendorCode(String code) {
        return switch (code == null ? "" : code) {
            case "601", "602" -> FailureKind.TOKEN;
            case "606", "615" -> FailureKind.RATE_LIMITED;
            case "607" -> FailureKind.QUOTA;
            case "414" -> FailureKind.URI_TOO_LONG;
            case "604", "608", "611", "713" -> FailureKind.TRANSIENT;
            default -> FailureKind.FATAL;
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
        return status >= 500 ? FailureKind.TRANSIENT : FailureKind.FATAL;
    }

    FailureKind kind() {
        return kind;
    }

    String code() {
        return code;
    }

    String vendorMessage() {
        return vendorMessage;
    }

    String requestId() {
        return requestId;
    }
}
