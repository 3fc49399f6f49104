package io.github.camelmarketo.component.marketo.metrics;

import java.util.function.ToDoubleFunction;

import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The Micrometer meters of one Marketo instance, read from its {@link MarketoCallStats} (tag {@code instance}):
 *
 * <ul>
 * <li>{@code marketo.calls}: calls sent (each attempt)</li>
 * <li>{@code marketo.retries}: attempts that repeated a failed call</li>
 * <li>{@code marketo.throttled.waits}: calls that waited for the client-side limiter</li>
 * <li>{@code marketo.limit.responses} with tag {@code code} 606, 615 or 607: vendor limit answers received</li>
 * <li>{@code marketo.token.refreshes}: access tokens fetched</li>
 * <li>{@code marketo.failures}: calls that failed for good</li>
 * </ul>
 *
 * The component binds them to camel-micrometer's registry when an instance's stats appear
 * ({@link CamelMicrometerHook}); the Spring Boot starter binds them to Spring's registries. This class needs only
 * micrometer-core. Binding twice to one registry is harmless:
 * Micrometer keeps the first meter of a name and tags.
 */
public final class MarketoMeters {

    private MarketoMeters() {
    }

    /** Registers the meters of {@code stats} in {@code registry}. */
    public static void bindTo(MeterRegistry registry, MarketoCallStats stats) {
        Tags tags = Tags.of("instance", stats.getInstance());
        counter(registry, "marketo.calls", "Marketo API calls sent (each attempt)", tags, stats, MarketoCallStats::getCalls);
        counter(registry, "marketo.retries", "Marketo API calls repeated after a retryable failure", tags, stats,
                MarketoCallStats::getRetries);
        counter(registry, "marketo.throttled.waits", "Marketo API calls that waited for the client-side limiter", tags, stats,
                MarketoCallStats::getThrottledWaits);
        counter(registry, "marketo.limit.responses", "Vendor limit answers received", tags.and("code", "606"), stats,
                MarketoCallStats::getRateLimitResponses);
        counter(registry, "marketo.limit.responses", "Vendor limit answers received", tags.and("code", "615"), stats,
                MarketoCallStats::getConcurrencyLimitResponses);
        counter(registry, "marketo.limit.responses", "Vendor limit answers received", tags.and("code", "607"), stats,
                MarketoCallStats::getQuotaExceededResponses);
        counter(registry, "marketo.token.refreshes", "Marketo access tokens fetched", tags, stats,
                MarketoCallStats::getTokenRefreshes);
        counter(registry, "marketo.failures", "Marketo API calls that failed for good", tags, stats, MarketoCallStats::getFailures);
    }

    private static void counter(MeterRegistry registry, String name, String description, Tags tags, MarketoCallStats stats,
                                ToDoubleFunction<MarketoCallStats> value) {
        FunctionCounter.builder(name, stats, value).description(description).tags(tags).register(registry);
    }
}
