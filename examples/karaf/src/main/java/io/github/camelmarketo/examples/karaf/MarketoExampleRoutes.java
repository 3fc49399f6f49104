package io.github.camelmarketo.examples.karaf;

import java.util.List;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKeyType;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import org.apache.camel.builder.RouteBuilder;

/**
 * Two reusable routes and a demo:
 * <ul>
 * <li>{@code direct:marketo-sync-leads}: body {@code List<Lead>}, result {@code List<SyncResult>} in input order;</li>
 * <li>{@code direct:marketo-get-leads}: body a {@link LeadSelector}, result one page, {@code List<Lead>};</li>
 * <li>{@code marketo-demo}: when {@code demo.enabled=true}, once at start, syncs two leads and reads them back.</li>
 * </ul>
 */
public class MarketoExampleRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:marketo-sync-leads").routeId("marketo-sync-leads")
                .to("marketo:syncMultipleLeads")
                .log("Synced ${body.size()} leads");

        from("direct:marketo-get-leads").routeId("marketo-get-leads")
                .to("marketo:getMultipleLeads?batchSize={{marketo.batchSize:100}}")
                .log("Read ${body.size()} leads");

        from("timer:marketo-demo?repeatCount=1&delay=1000").routeId("marketo-demo")
                .autoStartup("{{demo.enabled:false}}")
                .process(exchange -> exchange.getMessage().setBody(List.of(
                        Lead.withEmail("karaf.demo.1@example.com").set("FirstName", "Ada"),
                        Lead.withEmail("karaf.demo.2@example.com").set("FirstName", "Grace"))))
                .to("direct:marketo-sync-leads")
                .process(exchange -> exchange.getMessage().setBody(new LeadSelector.ByKeys(
                        LeadKeyType.EMAIL, List.of("karaf.demo.1@example.com", "karaf.demo.2@example.com"))))
                .to("direct:marketo-get-leads");
    }
}
