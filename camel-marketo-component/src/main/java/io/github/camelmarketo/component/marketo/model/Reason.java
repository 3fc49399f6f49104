package io.github.camelmarketo.component.marketo.model;

/**
 * Why a record was skipped or failed: the vendor's code (REST {@code reasons[].code}, e.g. {@code "1004"}; SOAP
 * carries only a message, code null) and message.
 */
public record Reason(String code, String message) {

    @Override
    public String toString() {
        return code == null ? message : code + ": " + message;
    }
}
