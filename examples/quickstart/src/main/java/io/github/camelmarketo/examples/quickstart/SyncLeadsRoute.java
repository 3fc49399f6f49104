package io.github.camelmarketo.examples.quickstart;

import org.apache.camel.builder.RouteBuilder;

/**
 * Java DSL half of the quickstart: reads {@code leads.csv} once, syncs it with {@code marketo:syncMultipleLeads},
 * then starts the YAML route whose polling consumer streams the leads back.
 */
public class SyncLeadsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:sync-leads?repeatCount=1").routeId("sync-leads")
                .to("language:constant:resource:classpath:leads.csv")
                .convertBodyTo(String.class)
                .bean(LeadCsv.class, "parse")
                .log("Syncing ${body.size} leads from leads.csv with marketo:syncMultipleLeads")
                .to("marketo:syncMultipleLeads")
                .bean("summary", "synced")
                .log("Streaming them back with from(marketo:getMultipleLeads?leadSelector=lastUpdateAt) (route stream-leads, YAML DSL)")
                .process(exchange -> exchange.getContext().getRouteController().startRoute("stream-leads"));
    }
}
