package io.github.camelmarketo.examples.karaf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.support.PropertyBindingSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds {@code camel.component.<scheme>.<option>} properties onto a component, the way camel-main and Spring Boot do:
 * {@code camel.component.marketo.userId}, {@code camel.component.marketo.encryptionKey}, ... Credentials set this
 * way stay out of endpoint URIs, which Camel logs.
 */
final class ComponentSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentSettings.class);

    private ComponentSettings() {
    }

    /** Applies the properties of {@code scheme}; does nothing (and creates no component) when there are none. */
    static void apply(CamelContext context, String scheme) {
        String prefix = "camel.component." + scheme + ".";
        Properties loaded = context.getPropertiesComponent().loadProperties(key -> key.startsWith(prefix));
        Map<String, Object> options = new LinkedHashMap<>();
        // keySet + getProperty: Camel's ordered Properties does not support forEach
        for (Object key : loaded.keySet()) {
            options.put(key.toString().substring(prefix.length()), loaded.getProperty(key.toString()));
        }
        if (options.isEmpty()) {
            return;
        }
        // option names only: values may be secrets
        LOG.info("Configuring component {} with options {}", scheme, options.keySet());
        Component component = context.getComponent(scheme);
        if (component == null) {
            throw new IllegalStateException("No Camel component '" + scheme + "': is feature camel-marketo installed?");
        }
        PropertyBindingSupport.build()
                .withCamelContext(context)
                .withTarget(component)
                .withProperties(options)
                .withIgnoreCase(true)
                .withMandatory(true)
                .bind();
    }
}
