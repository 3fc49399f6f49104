package io.github.camelmarketo.component.marketo.model;

/**
 * The daily API quota is used up (SOAP 20015, REST 607); retrying today will not help.
 */
public class MarketoQuotaExceededException extends MarketoException {

    public MarketoQuotaExceededException(String operation, String code, String vendorMessage, String requestId, String hint) {
        super(operation, code, vendorMessage, requestId, hint);
    }

    public MarketoQuotaExceededException(String operation, String code, String vendorMessage, String requestId, String hint,
                Throwable cause) {
        super(operation, code, vendorMessage, requestId, hint, cause);
    }
}
