package io.github.camelmarketo.examples.quickstart;

import org.apache.camel.builder.RouteBuilder;

/**
 * Java DSL half of the quickstart: reads {@code leads.csv} once, syncs it with {@code marketo:syncMultipleLeads},
 * then hands over to the YAML route that streams the leads back.
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
                .log("Streaming them back with marketo:getMultipleLeads?leadSelector=lastUpdateAt (route stream-leads, YAML DSL)")
                .to("direct:stream-leads");
    }
}
