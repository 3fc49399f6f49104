package io.github.camelmarketo.component.marketo.model;

/**
 * The rate or concurrency limit was still exceeded after the configured retries (SOAP 20023/20024, REST 606/615).
 */
public class MarketoRateLimitException extends MarketoException {

    public MarketoRateLimitException(String operation, String code, String vendorMessage, String requestId, String hint) {
        super(operation, code, vendorMessage, requestId, hint);
    }

    public MarketoRateLimitException(String operation, String code, String vendorMessage, String requestId, String hint,
                Throwable cause) {
        super(operation, code, vendorMessage, requestId, hint, cause);
    }
}
