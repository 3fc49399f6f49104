package io.github.camelmarketo.component.marketo.rest;

import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.component.support.RateLimiter;

/**
 * What the endpoints of one CamelContext share per Marketo instance: the limiter that keeps them inside the
 * vendor's limits together, and the call counters.
 *
 * @param key     the instance (REST host)
 * @param limiter the shared client-side limiter
 * @param stats   the shared counters
 */
public record RestInstance(String key, RateLimiter limiter, MarketoCallStats stats) {
}
