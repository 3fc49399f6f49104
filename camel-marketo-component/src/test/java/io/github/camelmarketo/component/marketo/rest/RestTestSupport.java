package io.github.camelmarketo.component.marketo.rest;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.component.marketo.MarketoEndpoint;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;

/**
 * Routes against the emulator's REST API ({@link MarketoTestSupport} configured for {@code api=rest}), plus access to
 * the REST client and the instance's call stats.
 */
abstract class RestTestSupport extends MarketoTestSupport {

    @Override
    protected MarketoApi api() {
        return MarketoApi.rest;
    }

    /** A REST client of the endpoint {@code uri}, as the producer creates it; the caller closes it. */
    protected RestMarketoClient client(String uri) {
        return (RestMarketoClient) context.getEndpoint(uri, MarketoEndpoint.class).createClient();
    }

    /** The call stats of the emulator's instance. */
    protected MarketoCallStats stats() {
        return marketo().getCallStats().values().iterator().next();
    }
}
