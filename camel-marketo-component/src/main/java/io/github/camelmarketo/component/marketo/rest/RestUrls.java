package io.github.camelmarketo.component.marketo.rest;

import java.net.URI;

import io.github.camelmarketo.component.marketo.client.ClientSettings;

/**
 * The REST, bulk and identity base URLs of one Marketo instance, from {@code munchkinId} or the explicit
 * {@code restEndpoint}/{@code identityEndpoint} options.
 *
 * @param rest     base up to {@code /rest}, e.g. {@code https://123-ABC-456.mktorest.com/rest}
 * @param bulk     bulk API base on the same host, e.g. {@code https://123-ABC-456.mktorest.com/bulk}
 * @param identity identity base, e.g. {@code https://123-ABC-456.mktorest.com/identity}
 */
public record RestUrls(String rest, String bulk, String identity) {

    /** The URLs a configuration names; explicit options win over munchkinId. */
    public static RestUrls of(ClientSettings configuration) {
        String munchkinHost = configuration.getMunchkinId() == null
                ? null : "https://" + configuration.getMunchkinId().trim() + ".mktorest.com";
        String rest = trimSlash(configuration.getRestEndpoint() != null
                ? configuration.getRestEndpoint() : required(munchkinHost, "restEndpoint") + "/rest");
        String identity = trimSlash(configuration.getIdentityEndpoint() != null
                ? configuration.getIdentityEndpoint() : required(munchkinHost, "identityEndpoint") + "/identity");
        String bulk = rest.endsWith("/rest") ? rest.substring(0, rest.length() - "/rest".length()) + "/bulk" : rest + "/bulk";
        return new RestUrls(rest, bulk, identity);
    }

    /** The URL of the identity token call (no query, so it may appear in messages). */
    public String tokenUrl() {
        return identity + "/oauth/token";
    }

    /**
     * Key of the Marketo instance these URLs address (host and port of the REST base): the unit Marketo's rate
     * limits and quotas apply to.
     */
    public String instanceKey() {
        URI uri = URI.create(rest);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static String required(String munchkinHost, String option) {
        if (munchkinHost == null) {
            throw new IllegalArgumentException("Set munchkinId or " + option + " for api=rest");
        }
        return munchkinHost;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
