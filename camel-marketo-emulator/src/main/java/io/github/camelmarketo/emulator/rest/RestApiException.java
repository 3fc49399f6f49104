package io.github.camelmarketo.emulator.rest;

/**
 * A Marketo REST error: answered as HTTP 200 with {@code success:false} and {@code errors[{code,message}]}.
 */
final class RestApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    RestApiException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The vendor code, as a string ({@code "601"}, {@code "1003"}). */
    String code() {
        return code;
    }

    /** Error {@code code} with the vendor's standard message for it. */
    static RestApiException of(String code) {
        return new RestApiException(code, RestErrors.message(code));
    }

    /** 1003: a parameter or value the vendor rejects. */
    static RestApiException invalid(String message) {
        return new RestApiException(RestErrors.INVALID_VALUE, message);
    }
}
