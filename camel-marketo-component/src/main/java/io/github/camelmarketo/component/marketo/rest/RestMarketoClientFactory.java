package io.github.camelmarketo.component.marketo.rest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.github.camelmarketo.component.marketo.client.ClientSettings;
import io.github.camelmarketo.component.marketo.client.MarketoClient;
import io.github.camelmarketo.component.marketo.client.MarketoClientFactory;
import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.component.support.RateLimiter;

/**
 * Creates {@link RestMarketoClient}s and owns the REST state shared by the endpoints of one component: one
 * {@link RestInstance} (limiter + stats) per Marketo instance and one {@link TokenManager} per identity URL and client
 * id, so every endpoint of a CamelContext spends one budget and one token together.
 */
public final class RestMarketoClientFactory implements MarketoClientFactory {

    private final Map<String, RestInstance> instances = new ConcurrentHashMap<>();
    private final Map<String, TokenManager> tokens = new ConcurrentHashMap<>();

    @Override
    public MarketoClient create(ClientSettings settings, Consumer<MarketoCallStats> onNewInstance) {
        RestUrls urls = RestUrls.of(settings);
        RestInstance instance = instances.computeIfAbsent(urls.instanceKey(), key -> {
            RateLimiter limiter = settings.newRateLimiter();
            RestInstance created = new RestInstance(key, limiter,
                    new MarketoCallStats(key, limiter::stats));
            onNewInstance.accept(created.stats());
            return created;
        });
        TokenManager tokenManager = tokens.computeIfAbsent(urls.identity() + "|" + settings.getClientId(),
                key -> new TokenManager(instance.stats()));
        return new RestMarketoClient(settings, urls, instance, tokenManager);
    }

    @Override
    public Map<String, MarketoCallStats> callStats() {
        Map<String, MarketoCallStats> result = new TreeMap<>();
        instances.forEach((key, instance) -> result.put(key, instance.stats()));
        return result;
    }

    @Override
    public void close() {
        tokens.clear();
        instances.clear();
    }
}
