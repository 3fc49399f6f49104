package io.github.camelmarketo.component.marketo.springboot;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoEndpoint;
import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.component.marketo.model.MarketoQuotaExceededException;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Health of the Marketo instances the application's {@code marketo:} endpoints (and the component defaults) point
 * at. REST: the identity service issues a token (probed at most once per interval). SOAP: there is no free call to
 * probe, so it reports the configuration and the outcome of the last call routes made. DOWN when a REST target's
 * identity probe fails, or the last call to a target failed on authentication or the daily quota; UNKNOWN when no
 * Marketo target is configured.
 */
public class MarketoHealthIndicator extends AbstractHealthIndicator {

    private final CamelContext camelContext;
    private final MarketoIdentityProbe identityProbe;
    private final MarketoCallRecorder recorder;

    public MarketoHealthIndicator(CamelContext camelContext, MarketoIdentityProbe identityProbe, MarketoCallRecorder recorder) {
        super("Marketo health check failed");
        this.camelContext = camelContext;
        this.identityProbe = identityProbe;
        this.recorder = recorder;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> targets = new LinkedHashMap<>();
        boolean down = false;
        for (MarketoTarget target : targets()) {
            Map<String, Object> details = target.details();
            down |= !check(target, details);
            targets.put(target.toString(), details);
        }
        if (targets.isEmpty()) {
            builder.unknown().withDetail("reason", "no marketo component or endpoint is configured");
            return;
        }
        builder.status(down ? Status.DOWN : Status.UP).withDetail("targets", targets);
    }

    /** Fills {@code details}; false when the target is down. */
    private boolean check(MarketoTarget target, Map<String, Object> details) {
        boolean up = true;
        if (target.api() == MarketoApi.rest) {
            MarketoIdentityProbe.Result result = identityProbe.probe(target);
            details.put("identity", result.ok() ? "token issued" : result.message());
            details.put("identityCheckedAt", result.at().toString());
            up = result.ok();
        }
        Optional<MarketoCallRecorder.CallOutcome> last = recorder.lastOutcome(target);
        if (last.isPresent()) {
            MarketoCallRecorder.CallOutcome outcome = last.get();
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("operation", outcome.operation());
            call.put("at", outcome.at().toString());
            call.put("success", outcome.success());
            if (!outcome.success()) {
                call.put("code", outcome.code());
                call.put("error", outcome.error());
                up &= !(outcome.exception() instanceof MarketoAuthenticationException
                        || outcome.exception() instanceof MarketoQuotaExceededException);
            }
            details.put("lastCall", call);
        } else if (target.api() == MarketoApi.soap) {
            details.put("lastCall", "none yet (SOAP is not probed: a probe would spend API quota)");
        }
        return up;
    }

    /** Distinct targets of the component defaults (when they hold credentials) and of every marketo endpoint. */
    private Set<MarketoTarget> targets() {
        Set<MarketoTarget> targets = new LinkedHashSet<>();
        if (camelContext.hasComponent("marketo") instanceof MarketoComponent component
                && component.getConfiguration() != null) {
            addIfConfigured(targets, component.getConfiguration());
        }
        for (Endpoint endpoint : camelContext.getEndpoints()) {
            if (endpoint instanceof MarketoEndpoint marketo) {
                addIfConfigured(targets, marketo.getConfiguration());
            }
        }
        return targets;
    }

    private static void addIfConfigured(Set<MarketoTarget> targets, MarketoConfiguration configuration) {
        try {
            targets.add(MarketoTarget.of(configuration));
        } catch (IllegalArgumentException e) {
            // component defaults without credentials: endpoints carry their own
        }
    }
}
