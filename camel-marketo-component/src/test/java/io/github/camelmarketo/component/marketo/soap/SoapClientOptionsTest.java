package io.github.camelmarketo.component.marketo.soap;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Advanced SOAP options: the user's cxfConfigurer runs after the component's setup; socketTimeout bounds a call. */
class SoapClientOptionsTest extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(10));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    /** Records what it saw and counts outgoing messages. */
    static final class RecordingConfigurer implements CxfConfigurer {
        final AtomicInteger factories = new AtomicInteger();
        final AtomicLong receiveTimeoutSeen = new AtomicLong();
        final AtomicInteger sent = new AtomicInteger();

        @Override
        public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
            factories.incrementAndGet();
        }

        @Override
        public void configureClient(Client client) {
            receiveTimeoutSeen.set(((HTTPConduit) client.getConduit()).getClient().getReceiveTimeout());
            client.getOutInterceptors().add(new AbstractPhaseInterceptor<Message>(Phase.SETUP) {
                @Override
                public void handleMessage(Message message) {
                    sent.incrementAndGet();
                }
            });
        }

        @Override
        public void configureServer(Server server) {
            throw new AssertionError("a client-only component never configures a server");
        }
    }

    @Test
    void cxfConfigurerRunsLastOnTheOneProxyOfTheEndpoint() {
        RecordingConfigurer configurer = new RecordingConfigurer();
        context.getRegistry().bind("recording", configurer);
        String uri = "marketo:getLead?socketTimeout=45s&cxfConfigurer=#recording";
        for (int i = 1; i <= 3; i++) {
            assertThat(template.requestBody(uri, "lead" + i + "@example.com", List.class)).hasSize(1);
        }
        assertThat(configurer.factories).hasValue(1);
        assertThat(configurer.receiveTimeoutSeen).hasValue(45_000);
        assertThat(configurer.sent).hasValue(3);
    }

    @Test
    void socketTimeoutEndsASlowCall() {
        emulator.get().faults().inject(Api.SOAP, "getLead", new Fault.Latency(Duration.ofSeconds(2)), 1);
        try {
            template.requestBody("marketo:getLead?socketTimeout=300&maxRetries=0", "lead1@example.com");
            throw new AssertionError("the call did not time out");
        } catch (CamelExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(MarketoException.class).hasMessageContaining("getLead");
        }
    }
}
