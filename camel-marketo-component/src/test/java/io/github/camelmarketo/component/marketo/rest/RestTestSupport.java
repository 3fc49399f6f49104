package io.github.camelmarketo.component.marketo.rest;

import io.github.camelmarketo.component.marketo.MarketoCallStats;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoEndpoint;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Routes against the emulator's REST API: the {@code marketo} component gets the emulator's client id/secret and
 * URLs at component level (as users should set credentials), with short retry delays. Subclasses register the
 * emulator extension and may adjust the configuration in {@link #configure(MarketoConfiguration)}.
 */
abstract class RestTestSupport extends CamelTestSupport {

    /** The emulator of the concrete test class. */
    protected abstract MarketoEmulatorExtension emulatorExtension();

    protected MarketoEmulator emulator() {
        return emulatorExtension().get();
    }

    /** Hook to change component-level options before the routes start. */
    protected void configure(MarketoConfiguration configuration) {
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        MarketoComponent component = new MarketoComponent();
        MarketoConfiguration configuration = component.getConfiguration();
        configuration.setClientId(emulator().getClientId());
        configuration.setClientSecret(emulator().getClientSecret());
        configuration.setRestEndpoint(emulator().getRestEndpoint());
        configuration.setIdentityEndpoint(emulator().getIdentityEndpoint());
        configuration.setRetryInitialDelay(20);
        configuration.setRetryMaxDelay(200);
        configure(configuration);
        camelContext.addComponent("marketo", component);
        return camelContext;
    }

    protected MarketoComponent marketo() {
        return context.getComponent("marketo", MarketoComponent.class);
    }

    /** A REST client of the endpoint {@code uri}, as the producer creates it; the caller closes it. */
    protected RestMarketoClient client(String uri) {
        return (RestMarketoClient) context.getEndpoint(uri, MarketoEndpoint.class).createClient();
    }

    /** The call stats of the emulator's instance. */
    protected MarketoCallStats stats() {
        return marketo().getCallStats().values().iterator().next();
    }
}
