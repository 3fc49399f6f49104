package io.github.camelmarketo.component.marketo.model;

/**
 * Credentials were refused or a token could not be obtained (SOAP 20014, REST 601/603 or identity errors).
 */
public class MarketoAuthenticationException extends MarketoException {

    public MarketoAuthenticationException(String operation, String code, String vendorMessage, String requestId, String hint) {
        super(operation, code, vendorMessage, requestId, hint);
    }

    public MarketoAuthenticationException(String operation, String code, String vendorMessage, String requestId, String hint,
                Throwable cause) {
        super(operation, code, vendorMessage, requestId, hint, cause);
    }
}
