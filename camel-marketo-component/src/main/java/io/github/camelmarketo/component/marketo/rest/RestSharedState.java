package io.github.camelmarketo.component.marketo.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.github.camelmarketo.component.marketo.MarketoCallStats;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.support.RateLimiter;

/**
 * Component-scoped REST state: one {@link RestInstance} (limiter + stats) per Marketo instance and one
 * {@link TokenManager} per identity URL + client id. The first endpoint that addresses an instance fixes its limiter
 * settings; later endpoints share them (a limit is a property of the vendor account, not of a route).
 */
public final class RestSharedState {

    private final Map<String, RestInstance> instances = new ConcurrentHashMap<>();
    private final Map<String, TokenManager> tokens = new ConcurrentHashMap<>();

    /**
     * The shared state of the instance {@code urls} addresses, created from {@code configuration} on first use;
     * {@code onCreate} runs once for a new instance (e.g. to register its stats).
     */
    public RestInstance instance(RestUrls urls, MarketoConfiguration configuration, Consumer<RestInstance> onCreate) {
        return instances.computeIfAbsent(urls.instanceKey(), key -> {
            RateLimiter limiter = configuration.newCallLimiter();
            RestInstance instance = new RestInstance(key, limiter, new MarketoCallStats(key, () -> limiter.stats().throttledWaits()));
            onCreate.accept(instance);
            return instance;
        });
    }

    /** The token manager of {@code clientId} at {@code urls}' identity service. */
    public TokenManager tokenManager(RestUrls urls, String clientId, MarketoCallStats stats) {
        return tokens.computeIfAbsent(urls.identity() + "|" + clientId, key -> new TokenManager(stats));
    }

    /** The stats of every instance used so far. */
    public Map<String, MarketoCallStats> stats() {
        Map<String, MarketoCallStats> result = new ConcurrentHashMap<>();
        instances.forEach((key, instance) -> result.put(key, instance.stats()));
        return result;
    }

    /** Forgets every token and instance (component stop). */
    public void clear() {
        tokens.clear();
        instances.clear();
    }
}
