package io.github.camelmarketo.component.marketo.metrics;

import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerComponent;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;

/**
 * camel-micrometer's registry of a CamelContext: the {@code metricsRegistry} bean, else the single
 * {@code MeterRegistry} bean, else the one of an existing {@code micrometer} component. Loaded only when
 * camel-micrometer is on the class path ({@link CamelMicrometerHook}).
 */
final class CamelMicrometerRegistry {

    private CamelMicrometerRegistry() {
    }

    /** Binds the meters of {@code stats} to the registry; false when the CamelContext has none. */
    static boolean bind(CamelContext camelContext, MarketoCallStats stats) {
        MeterRegistry registry = MicrometerUtils.getMeterRegistryFromCamelRegistry(camelContext.getRegistry(),
                MicrometerConstants.METRICS_REGISTRY_NAME);
        if (registry == null && camelContext.hasComponent("micrometer") instanceof MicrometerComponent micrometer) {
            registry = micrometer.getMetricsRegistry();
        }
        if (registry == null) {
            return false;
        }
        MarketoMeters.bindTo(registry, stats);
        return true;
    }
}
