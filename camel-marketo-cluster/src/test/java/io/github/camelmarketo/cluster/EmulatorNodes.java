package io.github.camelmarketo.cluster;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.emulator.MarketoEmulator;

/** Points a node's marketo component at the emulator. */
final class EmulatorNodes {

    private EmulatorNodes() {
    }

    /** A marketo component for {@code api} against {@code emulator}, with short retry delays. */
    static MarketoComponent component(MarketoEmulator emulator, MarketoApi api) {
        MarketoComponent component = new MarketoComponent();
        configureFor(component.getConfiguration(), emulator.getBaseUrl(), emulator, api);
        return component;
    }

    static void configureFor(MarketoConfiguration configuration, String baseUrl, MarketoEmulator emulator, MarketoApi api) {
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
}
