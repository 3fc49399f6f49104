package io.github.camelmarketo.examples.karaf;

import java.util.Hashtable;

import org.apache.camel.CamelContext;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.camel.spi.LanguageResolver;
import org.apache.camel.spi.PropertiesComponent;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts this bundle's CamelContext in Karaf: reads {@code etc/io.github.camelmarketo.example.cfg}, configures the
 * {@code marketo:} and {@code leadsquared:} components from its {@code camel.component.*} entries, adds the routes of
 * each configured component ({@link MarketoExampleRoutes}, {@link LeadSquaredExampleRoutes}) and publishes the context
 * as an OSGi service named {@value #CONTEXT_NAME}.
 *
 * <p>
 * The context starts on its own thread once camel-core-osgi has registered Camel's languages: when Karaf starts this
 * bundle together with the feature, the extender may not have processed camel-core-languages yet, and starting
 * earlier fails with "No language could be found for: simple".
 */
public final class MarketoRoutesActivator implements BundleActivator {

    private static final Logger LOG = LoggerFactory.getLogger(MarketoRoutesActivator.class);

    /** The CamelContext name, also the {@code camel.context.name} property of its OSGi service. */
    public static final String CONTEXT_NAME = "camel-marketo-example";

    /** Where the routes' settings live; {@code ${karaf.etc}} is Karaf's etc directory. */
    static final String CONFIG_LOCATION = "file:${karaf.etc}/io.github.camelmarketo.example.cfg";

    /** How long the start thread waits for Camel's languages before it gives up. */
    static final long LANGUAGES_TIMEOUT_MILLIS = 120_000;

    private volatile CamelContext camelContext;
    private volatile ServiceRegistration<CamelContext> registration;
    private ServiceTracker<LanguageResolver, LanguageResolver> languages;
    private Thread starter;

    @Override
    public void start(BundleContext bundleContext) throws Exception {
        Filter simpleLanguage = FrameworkUtil.createFilter(
                "(&(objectClass=" + LanguageResolver.class.getName() + ")(language=simple))");
        languages = new ServiceTracker<>(bundleContext, simpleLanguage, null);
        languages.open();
        starter = new Thread(() -> {
            try {
                if (languages.waitForService(LANGUAGES_TIMEOUT_MILLIS) == null) {
                    LOG.error("Camel's languages were not registered within {} ms: is the camel-marketo feature installed?",
                            LANGUAGES_TIMEOUT_MILLIS);
                    return;
                }
                startContext(bundleContext);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.error("Cannot start the CamelContext {}", CONTEXT_NAME, e);
            }
        }, CONTEXT_NAME + "-start");
        starter.start();
    }

    private void startContext(BundleContext bundleContext) throws Exception {
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
    public void stop(BundleContext bundleContext) throws InterruptedException {
        if (starter != null) {
            starter.interrupt();
            starter.join(10_000);
            starter = null;
        }
        if (languages != null) {
            languages.close();
            languages = null;
        }
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
