package io.github.camelmarketo.component.marketo.health;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.URISupport;

/**
 * Adds a producer's {@link MarketoProducerHealthCheck} to Camel's {@code producers} health-check repository (present
 * with camel-health) and removes it again, as Camel's own components do; nothing happens without the repository.
 */
public final class ProducerHealthChecks {

    private ProducerHealthChecks() {
    }

    /**
     * Registers a check for the producer of {@code endpoint}, enabled as the component's
     * {@code healthCheckProducerEnabled} says.
     *
     * @return the check, or null when Camel has no producers repository
     */
    public static MarketoProducerHealthCheck register(Endpoint endpoint, String api, String operation,
                                                      Supplier<MarketoCallStats> stats) {
        CamelContext context = endpoint.getCamelContext();
        WritableHealthCheckRepository repository
                = HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class);
        if (repository == null) {
            return null;
        }
        BooleanSupplier componentEnabled = endpoint.getComponent() instanceof HealthCheckComponent component
                ? component::isHealthCheckProducerEnabled : () -> true;
        MarketoProducerHealthCheck check = new MarketoProducerHealthCheck(
                "producer:" + URISupport.sanitizeUri(endpoint.getEndpointUri()), api, operation, stats, componentEnabled);
        repository.addHealthCheck(check);
        return check;
    }

    /** Removes {@code check} (null: nothing) from the producers repository. */
    public static void unregister(Endpoint endpoint, MarketoProducerHealthCheck check) {
        if (check == null) {
            return;
        }
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(),
                "producers", WritableHealthCheckRepository.class);
        if (repository != null) {
            repository.removeHealthCheck(check);
        }
    }
}
