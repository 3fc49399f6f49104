package io.github.camelmarketo.component.marketo.health;

import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** healthCheckProducerEnabled=false and healthCheckConsumerEnabled=false on the component turn the checks off. */
class MarketoHealthCheckDisabledTest extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(20));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected MarketoApi api() {
        return MarketoApi.rest;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        MarketoComponent component = camelContext.getComponent("marketo", MarketoComponent.class);
        component.setHealthCheckProducerEnabled(false);
        component.setHealthCheckConsumerEnabled(false);
        // producer checks switched on for the context before the producers start (camel.health.producersEnabled=true)
        HealthCheckHelper.getHealthCheckRepository(camelContext, "producers", WritableHealthCheckRepository.class)
                .setEnabled(true);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:getLead").to("marketo:getLead");
                from("marketo:getMultipleLeads?leadSelector=staticList&staticListName=VIP&delay=60000").routeId("vip")
                        .to("mock:vip");
            }
        };
    }

    @Test
    void checksAreOff() {
        template.sendBody("direct:getLead", "lead1@example.com");

        HealthCheck producer = check("producers", "producer:marketo://getLead");
        assertThat(producer.isEnabled()).isFalse();
        assertThat(producer.call().getState()).isEqualTo(HealthCheck.State.UNKNOWN);
        HealthCheck.Result consumer = check("consumers", "consumer:vip").call();
        System.out.println("HEALTH consumer disabled: " + consumer.getState() + " " + consumer.getMessage() + " " + consumer.getDetails());
        assertThat(consumer.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
    }

    private HealthCheck check(String repository, String id) {
        return HealthCheckHelper.getHealthCheckRepository(context, repository, HealthCheckRepository.class).stream()
                .filter(c -> c.getId().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no check " + id));
    }
}
