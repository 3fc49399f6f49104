package io.github.camelmarketo.examples.karaf;

import java.util.Hashtable;

import org.apache.camel.CamelContext;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts this bundle's CamelContext in Karaf: reads {@code etc/io.github.camelmarketo.example.cfg}, configures the
 * {@code marketo:} and {@code leadsquared:} components from its {@code camel.component.*} entries, adds the routes of
 * each configured component ({@link MarketoExampleRoutes}, {@link LeadSquaredExampleRoutes}) and publishes the context
 * as an OSGi service named {@value #CONTEXT_NAME}.
 */
public final class MarketoRoutesActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(MarketoRoutesActivator.class);

    /** The CamelContext name, also the {@code camel.context.name} property of its OSGi service. */
    public static final String CONTEXT_NAME = "camel-marketo-example";

    /** Where the routes' settings live; {@code ${karaf.etc}} is Karaf's etc directory. */
    static final String CONFIG_LOCATION = "file:${karaf.etc}/io.github.camelmarketo.example.cfg";

    private CamelContext camelContext;
    private ServiceRegistration<CamelContext> registration;

    @Override
    public void start(BundleContext bundleContext) throws Exception {
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
        context.getCamelContextExtension().setName(CONTEXT_NAME);
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.setLocation(CONFIG_LOCATION);
        properties.setIgnoreMissingLocation(true);
        boolean marketo = ComponentSettings.apply(context, "marketo");
        if (marketo) {
            context.addRoutes(new MarketoExampleRoutes());
        }
        boolean leadSquared = ComponentSettings.apply(context, "leadsquared");
        if (leadSquared) {
            context.addRoutes(new LeadSquaredExampleRoutes());
        }
        if (!marketo && !leadSquared) {
            LOG.warn("No camel.component.marketo.* or camel.component.leadsquared.* settings in {}: no routes added",
                    CONFIG_LOCATION);
        }
        context.start();
        camelContext = context;

        Hashtable<String, Object> serviceProperties = new Hashtable<>();
        serviceProperties.put("camel.context.name", CONTEXT_NAME);
        registration = bundleContext.registerService(CamelContext.class, context, serviceProperties);
    }

    @Override
    public void stop(BundleContext bundleContext) {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (camelContext != null) {
            camelContext.stop();
            camelContext = null;
        }
    }
}
