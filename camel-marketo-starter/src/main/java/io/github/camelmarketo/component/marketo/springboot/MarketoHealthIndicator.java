package io.github.camelmarketo.component.marketo.springboot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelmarketo.component.marketo.MarketoConsumer;
import io.github.camelmarketo.component.marketo.health.MarketoProducerHealthCheck;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code /actuator/health/marketo}: a view of the Camel health checks of the application's {@code marketo:}
 * endpoints, so Spring Boot, Camel Main ({@code camel:health}) and Karaf report the same thing. It calls the
 * {@link MarketoProducerHealthCheck} of every producer (registered in Camel's {@code producers} repository, which
 * Camel 4 turns on only with {@code camel.health.producers-enabled=true}) and Camel's consumer check of every route
 * whose consumer is a {@link MarketoConsumer} ({@code camel.health.consumers-enabled}, on by default). Neither spends
 * an API call: a producer check reports the outcome of the last exchange and the instance's call counters.
 *
 * <p>
 * DOWN when any of these checks is DOWN, UP when all are UP, UNKNOWN (with the reason) when there is none. Details:
 * one entry per check id with its state, message and details (which never hold a credential).
 */
public class MarketoHealthIndicator extends AbstractHealthIndicator {

    static final String NO_CHECKS = "no marketo health check is registered: producers need "
                                    + "camel.health.producers-enabled=true (Camel 4 turns producer checks off by default), "
                                    + "consumers camel.health.consumers-enabled=true (the default)";

    private final CamelContext camelContext;

    public MarketoHealthIndicator(CamelContext camelContext) {
        super("Marketo health check failed");
        this.camelContext = camelContext;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(camelContext);
        Map<String, Object> checks = new TreeMap<>();
        boolean down = false;
        boolean up = true;
        if (registry != null && registry.isEnabled()) {
            for (HealthCheck check : registry.stream().filter(this::isMarketoCheck).toList()) {
                if (registry.isExcluded(check) || !check.isEnabled()) {
                    continue;
                }
                HealthCheck.Result result = check.call();
                down |= result.getState() == HealthCheck.State.DOWN;
                up &= result.getState() == HealthCheck.State.UP;
                checks.put(check.getId(), describe(result));
            }
        }
        if (checks.isEmpty()) {
            builder.unknown().withDetail("reason", NO_CHECKS);
            return;
        }
        builder.status(down ? Status.DOWN : up ? Status.UP : Status.UNKNOWN).withDetail("checks", checks);
    }

    private boolean isMarketoCheck(HealthCheck check) {
        if (check instanceof MarketoProducerHealthCheck) {
            return true;
        }
        // Camel's consumer checks are named consumer:<route id>
        String id = check.getId();
        if (id == null || !id.startsWith("consumer:")) {
            return false;
        }
        Route route = camelContext.getRoute(id.substring("consumer:".length()));
        return route != null && route.getConsumer() instanceof MarketoConsumer;
    }

    private static Map<String, Object> describe(HealthCheck.Result result) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("state", result.getState().name());
        result.getMessage().ifPresent(message -> entry.put("message", message));
        result.getError().ifPresent(error -> entry.put("error", error.getMessage()));
        Map<String, Object> details = new TreeMap<>(result.getDetails());
        // the check's own id, group and enablement repeat what the entry says
        details.keySet().removeIf(key -> key.equals(HealthCheck.CHECK_ID) || key.equals(HealthCheck.CHECK_GROUP)
                                         || key.equals(HealthCheck.CHECK_ENABLED));
        entry.put("details", details);
        return entry;
    }
}
