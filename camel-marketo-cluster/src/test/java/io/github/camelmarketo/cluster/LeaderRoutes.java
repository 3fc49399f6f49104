package io.github.camelmarketo.cluster;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.emulator.MarketoEmulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** The consumer route every node runs behind {@code master:}, and what the tests compare its deliveries with. */
final class LeaderRoutes {

    /** The cluster namespace (one leader per namespace). */
    static final String NAMESPACE = "marketo-leads";

    private LeaderRoutes() {
    }

    /** A fixed watermark, the same on every node (the selector, and so the cursor's identity, must not differ). */
    static String since() {
        return Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).toString();
    }

    /** {@code master:marketo-leads:marketo:getMultipleLeads?...} with the cursor in the bean {@code #cursors}. */
    static String masterUri(String since, int batchSize) {
        return "master:" + NAMESPACE + ":marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=" + since
               + "&batchSize=" + batchSize + "&stateRepository=#cursors&stateKey=marketo-leads&delay=10&greedy=true";
    }

    /** The route: every lead goes to {@code sink}, which gets the node name and the lead id. */
    static RouteBuilder route(String uri, String node, Sink sink) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(NAMESPACE).process(exchange -> sink.accept(node, lead(exchange).getId()));
            }
        };
    }

    private static Lead lead(Exchange exchange) {
        return exchange.getMessage().getBody(Lead.class);
    }

    /** Every lead id of the emulator. */
    static List<Long> allIds(MarketoEmulator emulator) {
        return emulator.store().changesAfter(0, null, null, Integer.MAX_VALUE).stream()
                .map(l -> (long) l.getId()).collect(Collectors.toList());
    }

    /** Where a node's deliveries go. */
    @FunctionalInterface
    interface Sink {
        void accept(String node, long leadId) throws Exception;
    }
}
