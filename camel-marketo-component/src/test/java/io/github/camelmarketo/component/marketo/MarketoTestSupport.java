package io.github.camelmarketo.component.marketo;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Routes against the emulator: the {@code marketo} component gets the emulator's credentials and URLs at component
 * level (where users should put them), for SOAP ({@link MarketoApi#soap}) or REST, with short retry delays.
 * Subclasses register a {@link MarketoEmulatorExtension} and may adjust the configuration.
 */
public abstract class MarketoTestSupport extends CamelTestSupport {

    /** The emulator of the concrete test class. */
    protected abstract MarketoEmulatorExtension emulatorExtension();

    /** Which API the component is configured for. */
    protected MarketoApi api() {
        return MarketoApi.soap;
    }

    /** Hook to change component-level options before the routes start. */
    protected void configure(MarketoConfiguration configuration) {
    }

    protected MarketoEmulator emulator() {
        return emulatorExtension().get();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        MarketoComponent component = new MarketoComponent();
        configureFor(component.getConfiguration(), emulator(), api());
        configure(component.getConfiguration());
        camelContext.addComponent("marketo", component);
        return camelContext;
    }

    /** Points {@code configuration} at {@code emulator} with the credentials of {@code api}. */
    public static void configureFor(MarketoConfiguration configuration, MarketoEmulator emulator, MarketoApi api) {
        configuration.setApi(api);
        if (api == MarketoApi.soap) {
            configuration.setUserId(emulator.getSoapUserId());
            configuration.setEncryptionKey(emulator.getSoapEncryptionKey());
            configuration.setSoapEndpoint(emulator.getSoapEndpoint());
        } else {
            configuration.setClientId(emulator.getClientId());
            configuration.setClientSecret(emulator.getClientSecret());
            configuration.setRestEndpoint(emulator.getRestEndpoint());
            configuration.setIdentityEndpoint(emulator.getIdentityEndpoint());
        }
        configuration.setRetryInitialDelay(20);
        configuration.setRetryMaxDelay(200);
    }

    protected MarketoComponent marketo() {
        return context.getComponent("marketo", MarketoComponent.class);
    }
}
