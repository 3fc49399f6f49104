package io.github.camelmarketo.component.marketo.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code marketo} dev console, resolved by name as Camel JBang and the dev console endpoint do (through the
 * service file the package plugin generates from {@code @DevConsole}), after real calls against the emulator.
 */
class MarketoDevConsoleTest extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(50));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected MarketoApi api() {
        return MarketoApi.rest;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:getLead").to("marketo:getLead");
                from("marketo:getMultipleLeads?leadSelector=staticList&staticListName=VIP&batchSize=2&delay=60000")
                        .routeId("vip").to("mock:vip");
            }
        };
    }

    @Test
    void showsLimiterCallsRetriesByCodeAndConsumerCursors() throws Exception {
        Instant started = Instant.now();
        getMockEndpoint("mock:vip").expectedMinimumMessageCount(2);
        getMockEndpoint("mock:vip").assertIsSatisfied();
        emulator.get().faults().inject(Api.REST, "GET /rest/v1/leads.json", new Fault.VendorError("606"), 1);
        template.sendBody("direct:getLead", "lead1@example.com");
        template.sendBody("direct:getLead", "lead2@example.com");

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("marketo");
        assertThat(console).isInstanceOf(MarketoDevConsole.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> String.valueOf(console.call(DevConsole.MediaType.TEXT))
                .contains("position"));
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        System.out.println("CONSOLE marketo (text)\n" + text);

        // the component's own count of Marketo calls (each attempt, identity calls excluded)
        long calls = marketo().getCallStats().values().iterator().next().getCalls();
        assertThat(calls).isGreaterThanOrEqualTo(4);
        assertThat(text).contains("Marketo instance: 127.0.0.1:" + emulator.get().getPort())
                .contains("Calls: " + calls + " (today: " + calls + " of unlimited), failures: 0")
                .contains("Retries: 1 {606=1}")
                .contains("Limit answers: 606=1 615=0 607=0, token refreshes: 1, token expires ")
                .contains("Consumer vip: selector staticList:name.VIP, watermark null, position ");
        assertThat(text).doesNotContain(emulator.get().getClientSecret()).doesNotContain(emulator.get().getClientId());

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        List<?> instances = (List<?>) json.get("instances");
        List<?> consumers = (List<?>) json.get("consumers");
        assertThat(instances).hasSize(1);
        assertThat(consumers).hasSize(1);
        assertThat(map(instances.get(0))).containsEntry("retries", 1L).containsEntry("calls", calls);
        // the emulator's tokens live 3,599 s (expires_in, whole seconds): the console shows when, never the token
        Instant expires = Instant.parse((String) map(instances.get(0)).get("tokenExpiresAt"));
        assertThat(expires).isBetween(started.plusSeconds(3598), Instant.now().plusSeconds(3599));
        assertThat(text).contains("token expires " + expires);
        assertThat(map(consumers.get(0))).containsEntry("routeId", "vip").containsEntry("selector", "staticList:name.VIP");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
