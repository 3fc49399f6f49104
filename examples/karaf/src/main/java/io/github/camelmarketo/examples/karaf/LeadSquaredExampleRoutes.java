package io.github.camelmarketo.examples.karaf;

import org.apache.camel.builder.RouteBuilder;

/**
 * {@code direct:leadsquared-get-leads}: body the ProspectIds (a collection, an array or a comma-separated String),
 * result {@code List<LeadSquaredLead>} in the order of the ids; header {@code CamelLeadSquaredMissingIds} lists the ids
 * without a lead.
 */
public class LeadSquaredExampleRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:leadsquared-get-leads").routeId("leadsquared-get-leads")
                .to("leadsquared:getLeadsByIds")
                .log("Read ${body.size()} LeadSquared leads");
    }
}
