package io.github.camelmarketo.component.marketo.client;

import java.util.Map;
import java.util.function.Consumer;

import io.github.camelmarketo.component.marketo.model.MarketoCallStats;

/**
 * Creates the {@link MarketoClient}s of one API and owns what they share across endpoints: one rate limiter and one
 * set of call statistics per Marketo instance (the first endpoint that addresses an instance fixes its limiter: a limit
 * belongs to the vendor account, not to a route), and the API's own shared state (REST tokens, the CXF bus). The
 * {@code marketo} component holds one factory per API.
 */
public interface MarketoClientFactory extends AutoCloseable {

    /**
     * A new client for {@code settings}; the caller closes it.
     *
     * @param onNewInstance runs once when an instance is used for the first time, with its new statistics (e.g. to
     *                      register them)
     */
    MarketoClient create(ClientSettings settings, Consumer<MarketoCallStats> onNewInstance);

    /** The statistics of every instance this factory's clients have called, by instance. */
    Map<String, MarketoCallStats> callStats();

    /** Forgets the shared state (component stop). */
    @Override
    void close();
}
