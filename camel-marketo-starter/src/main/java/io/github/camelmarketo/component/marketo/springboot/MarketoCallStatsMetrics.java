package io.github.camelmarketo.component.marketo.springboot;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelmarketo.component.marketo.metrics.MarketoMeters;
import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Micrometer counters over the component's {@link MarketoCallStats}, one set per Marketo instance (tag
 * {@code instance}), as defined by the component's {@link MarketoMeters} (which also binds them for Camel Main users
 * of camel-micrometer). The component registers a stats bean when an endpoint first talks to an instance, so besides
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
                MarketoMeters.bindTo(target, stats);
            }
        }
    }

}
