package io.github.camelmarketo.examples.karaf;

import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.PropertyConfigurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets {@code camel.component.<scheme>.<option>} properties on a component, the way camel-main and Spring Boot do:
 * {@code camel.component.marketo.userId}, {@code camel.component.marketo.encryptionKey}, ... Credentials set this
 * way stay out of endpoint URIs, which Camel logs. Option names are logged, values never (they may be secrets).
 */
final class ComponentSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentSettings.class);

    private ComponentSettings() {
    }

    /**
     * Applies the properties of {@code scheme} through the component's generated configurer. Returns false, and
     * creates no component, when there are none; fails naming the option when the component has no such option.
     */
    static boolean apply(CamelContext context, String scheme) {
        String prefix = "camel.component." + scheme + ".";
        Properties loaded = context.getPropertiesComponent().loadProperties(key -> key.startsWith(prefix));
        // keySet + getProperty: Camel's ordered Properties does not support forEach
        Set<String> keys = new TreeSet<>();
        loaded.keySet().forEach(key -> keys.add(key.toString()));
        if (keys.isEmpty()) {
            return false;
        }
        Component component = context.getComponent(scheme);
        if (component == null) {
            throw new IllegalStateException("No Camel component '" + scheme + "': is feature camel-marketo installed?");
        }
        PropertyConfigurer configurer = component.getComponentPropertyConfigurer();
        for (String key : keys) {
            String option = key.substring(prefix.length());
            if (configurer == null || !configurer.configure(context, component, option, loaded.getProperty(key), true)) {
                throw new IllegalArgumentException("Unknown option " + key + ": " + scheme + " has no component option '"
                                                   + option + "'");
            }
        }
        LOG.info("Configured component {} with options {}", scheme,
                keys.stream().map(key -> key.substring(prefix.length())).toList());
        return true;
    }
}
