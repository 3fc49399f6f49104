package io.github.camelmarketo.component.marketo.model;

import org.apache.camel.RuntimeCamelException;

/**
 * A call Marketo refused: the vendor's code (REST {@code "606"}, SOAP {@code "20014"}), message, request id (when the
 * vendor sent one) and the operation that failed. The message says what failed and what to do; it never contains a
 * secret.
 */
public class MarketoException extends RuntimeCamelException {

    private final String code;
    private final String vendorMessage;
    private final String requestId;
    private final String operation;

    public MarketoException(String operation, String code, String vendorMessage, String requestId, String hint) {
        this(operation, code, vendorMessage, requestId, hint, null);
    }

    public MarketoException(String operation, String code, String vendorMessage, String requestId, String hint,
                            Throwable cause) {
        super(format(operation, code, vendorMessage, requestId, hint), cause);
        this.code = code;
        this.vendorMessage = vendorMessage;
        this.requestId = requestId;
        this.operation = operation;
    }

    private static String format(String operation, String code, String vendorMessage, String requestId, String hint) {
        StringBuilder sb = new StringBuilder("Marketo ").append(operation).append(" failed");
        if (code != null) {
            sb.append(" with code ").append(code);
        }
        if (vendorMessage != null) {
            sb.append(": ").append(vendorMessage);
        }
        if (requestId != null) {
            sb.append(" (requestId ").append(requestId).append(')');
        }
        if (hint != null) {
            sb.append(". ").append(hint);
        }
        return sb.toString();
    }

    /** Vendor error code, e.g. {@code "606"} or {@code "20014"}; null for transport failures. */
    public String getCode() {
        return code;
    }

    /** The vendor's own message text. */
    public String getVendorMessage() {
        return vendorMessage;
    }

    /** REST {@code requestId}; null for SOAP. */
    public String getRequestId() {
        return requestId;
    }

    /** The component operation (e.g. {@code syncMultipleLeads}). */
    public String getOperation() {
        return operation;
    }
}
