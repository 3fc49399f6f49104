package io.github.camelmarketo.component.marketo.model;

/**
 * The lead, list or job named in the request does not exist (SOAP 20103/20111, REST 610/1004).
 */
public class MarketoNotFoundException extends MarketoException {

    public MarketoNotFoundException(String operation, String code, String vendorMessage, String requestId, String hint) {
        super(operation, code, vendorMessage, requestId, hint);
    }

    public MarketoNotFoundException(String operation, String code, String vendorMessage, String requestId, String hint,
                Throwable cause) {
        super(operation, code, vendorMessage, requestId, hint, cause);
    }
}
