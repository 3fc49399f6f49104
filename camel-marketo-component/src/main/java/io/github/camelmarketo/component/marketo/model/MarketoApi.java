package io.github.camelmarketo.component.marketo.model;

/** Which Marketo API an endpoint talks to. */
public enum MarketoApi {
    /** REST when {@code clientId} is set, SOAP when {@code userId} and {@code encryptionKey} are set. */
    auto,
    /** The SOAP API (mktows 2_x), retired by Adobe in 2026. */
    soap,
    /** The REST API (identity + /rest/v1 + /bulk/v1). */
    rest
}
