package io.github.camelmarketo.examples.springboot;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.emulator.MarketoEmulator;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code emulator}: starts a Marketo emulator in this process (on a free port unless
 * {@code marketo.emulator.port} is set) and points the {@code marketo} component at it. The customizer runs after
 * the starter's, so it wins over any {@code camel.component.marketo.*} URL or credential.
 */
@Configuration(proxyBeanMethods = false)
@Profile("emulator")
public class EmulatorConfiguration {

    @Bean(destroyMethod = "stop")
    MarketoEmulator marketoEmulator(@Value("${marketo.emulator.port:0}") int port,
                                    @Value("${marketo.emulator.leads:200}") int leads) {
        return MarketoEmulator.builder().port(port).leads(leads).build().start();
    }

    @Bean
    ComponentCustomizer marketoEmulatorCustomizer(MarketoEmulator emulator,
                                                  @Value("${marketo.emulator.api:rest}") MarketoApi api) {
        return ComponentCustomizer.builder(MarketoComponent.class)
                .withOrder(Ordered.LOWEST)
                .build(component -> pointAt(component.getConfiguration(), emulator, api));
    }

    private static void pointAt(MarketoConfiguration configuration, MarketoEmulator emulator, MarketoApi api) {
        configuration.setApi(api);
        configuration.setUserId(null);
        configuration.setEncryptionKey(null);
        configuration.setClientId(null);
        configuration.setClientSecret(null);
        if (api == MarketoApi.soap) {
            configuration.setSoapEndpoint(emulator.getSoapEndpoint());
            configuration.setUserId(emulator.getSoapUserId());
            configuration.setEncryptionKey(emulator.getSoapEncryptionKey());
        } else {
            configuration.setRestEndpoint(emulator.getRestEndpoint());
            configuration.setIdentityEndpoint(emulator.getIdentityEndpoint());
            configuration.setClientId(emulator.getClientId());
            configuration.setClientSecret(emulator.getClientSecret());
        }
    }
}
