package io.github.camelmarketo.component.marketo.metrics;

import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds an instance's call stats to camel-micrometer's registry when camel-micrometer is on the class path, and does
 * nothing otherwise. This class names no Micrometer type, so the component can call it without camel-micrometer.
 */
public final class CamelMicrometerHook {

    private static final Logger LOG = LoggerFactory.getLogger(CamelMicrometerHook.class);
    private static final boolean AVAILABLE = present("org.apache.camel.component.micrometer.MicrometerUtils")
            && present("io.micrometer.core.instrument.MeterRegistry");

    private CamelMicrometerHook() {
    }

    /** Whether camel-micrometer (and so Micrometer) can be loaded. */
    public static boolean isAvailable() {
        return AVAILABLE;
    }

    /** Binds the meters of {@code stats} if camel-micrometer and a registry are there; never fails the caller. */
    public static void bind(CamelContext camelContext, MarketoCallStats stats) {
        if (!AVAILABLE) {
            return;
        }
        try {
            if (CamelMicrometerRegistry.bind(camelContext, stats)) {
                LOG.debug("Marketo meters of {} bound to camel-micrometer's registry", stats.getInstance());
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Cannot bind the Marketo meters of {}: {}", stats.getInstance(), e.toString());
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, CamelMicrometerHook.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
