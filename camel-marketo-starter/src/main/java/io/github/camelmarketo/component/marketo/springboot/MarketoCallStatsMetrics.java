package io.github.camelmarketo.component.marketo.springboot;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Micrometer counters over the component's {@link MarketoCallStats}, one set per Marketo instance (tag
 * {@code instance}). The component registers a stats bean when an endpoint first talks to an instance, so besides
 * binding what exists when the registry is ready, this listens for the CamelContext and its routes starting and binds
 * the instances that appeared since.
 *
 * <ul>
 * <li>{@code marketo.calls}: calls sent (each attempt)</li>
 * <li>{@code marketo.retries}: attempts that repeated a failed call</li>
 * <li>{@code marketo.throttled.waits}: calls that waited for the client-side limiter</li>
 * <li>{@code marketo.limit.responses} with tag {@code code} 606, 615 or 607: vendor limit answers received</li>
 * <li>{@code marketo.token.refreshes}: access tokens fetched</li>
 * <li>{@code marketo.failures}: calls that failed for good</li>
 * </ul>
 */
public class MarketoCallStatsMetrics extends EventNotifierSupport implements MeterBinder {

    private final Set<MarketoCallStats> bound = ConcurrentHashMap.newKeySet();
    private volatile MeterRegistry registry;

    public MarketoCallStatsMetrics(CamelContext camelContext) {
        setCamelContext(camelContext);
        setIgnoreExchangeEvents(true);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        bindNewStats();
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStartedEvent || event instanceof CamelEvent.RouteStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        bindNewStats();
    }

    /** Binds the stats beans of instances not bound yet; a no-op until the meter registry is known. */
    public void bindNewStats() {
        MeterRegistry target = registry;
        if (target == null) {
            return;
        }
        Map<String, MarketoCallStats> all = getCamelContext().getRegistry().findByTypeWithName(MarketoCallStats.class);
        for (MarketoCallStats stats : all.values()) {
            if (bound.add(stats)) {
                bind(target, stats);
            }
        }
    }

    private static void bind(MeterRegistry registry, MarketoCallStats stats) {
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
