package io.github.camelmarketo.component.marketo.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;

/**
 * One Marketo instance an application talks to, as far as health and metrics care: the API, the URL it calls and
 * the REST credentials needed to ask the identity service for a token. {@link #toString()} and
 * {@link #details()} never show a secret.
 *
 * @param api              SOAP or REST (never auto)
 * @param url              SOAP endpoint, or REST base URL
 * @param identityEndpoint REST identity base URL (null for SOAP)
 * @param clientId         REST client id (null for SOAP)
 * @param clientSecret     REST client secret (null for SOAP)
 */
public record MarketoTarget(MarketoApi api, String url, String identityEndpoint, String clientId, String clientSecret) {

    /**
     * The target a configuration points at, or an error naming the options to set. URLs not set explicitly are
     * derived from {@code munchkinId} as the component does.
     */
    public static MarketoTarget of(MarketoConfiguration configuration) {
        MarketoApi api = configuration.resolveApi();
        String munchkinId = configuration.getMunchkinId();
        if (api == MarketoApi.soap) {
            String soap = configuration.getSoapEndpoint() != null
                    ? configuration.getSoapEndpoint() : "https://" + require(munchkinId, "soapEndpoint") + ".mktoapi.com/soap/mktows/2_x";
            return new MarketoTarget(api, soap, null, null, null);
        }
        String rest = configuration.getRestEndpoint() != null
                ? configuration.getRestEndpoint() : "https://" + require(munchkinId, "restEndpoint") + ".mktorest.com/rest";
        String identity = configuration.getIdentityEndpoint() != null
                ? configuration.getIdentityEndpoint() : "https://" + require(munchkinId, "identityEndpoint") + ".mktorest.com/identity";
        return new MarketoTarget(api, rest, identity, configuration.getClientId(), configuration.getClientSecret());
    }

    private static String require(String munchkinId, String option) {
        if (munchkinId == null || munchkinId.isBlank()) {
            throw new IllegalArgumentException("Set munchkinId or " + option);
        }
        return munchkinId;
    }

    /** Secret-free description for health details. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("api", api.name());
        details.put("url", url);
        if (identityEndpoint != null) {
            details.put("identityEndpoint", identityEndpoint);
        }
        return details;
    }

    @Override
    public String toString() {
        return api + " " + url;
    }
}
