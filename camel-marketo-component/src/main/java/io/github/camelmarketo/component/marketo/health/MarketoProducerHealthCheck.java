package io.github.camelmarketo.component.marketo.health;

import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.MarketoQuotaExceededException;
import io.github.camelmarketo.component.support.CallBudgetExceededException;
import io.github.camelmarketo.component.support.RateLimiterStats;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The health of one {@code marketo:} producer, from the calls its exchanges made (a health probe spends no API call):
 * DOWN with the reason when its last call failed on authentication (601 still answered after a token refresh, 602,
 * SOAP 20014) or on the daily quota (607, SOAP 20015, or the client-side daily budget), or when the instance's daily
 * budget is used up; UP otherwise, also after other failures (a rejected lead does not make Marketo unhealthy).
 *
 * <p>
 * Details: {@code instance}, {@code api}, {@code operation}, {@code calls}, {@code calls.today},
 * {@code last.call.at}, {@code last.call.outcome} ({@code none}, {@code success} or {@code failure}) and
 * {@code last.call.code}. None of them holds a credential.
 */
public class MarketoProducerHealthCheck implements HealthCheck {

    /** The outcome of the producer's last exchange. */
    private record Outcome(Instant at, Exception failure) {
    }

    private final String id;
    private final String api;
    private final String operation;
    private final Supplier<MarketoCallStats> stats;
    private volatile Outcome last;
    private final BooleanSupplier componentEnabled;
    private volatile boolean enabled = true;

    /**
     * @param id        the check id ({@code producer:} and the endpoint's URI without secrets)
     * @param api       {@code soap} or {@code rest}
     * @param operation the endpoint's operation
     * @param stats     the call statistics of the endpoint's Marketo instance (null until the producer started)
     * @param componentEnabled the component's {@code healthCheckProducerEnabled}, read on every call: off there means off
     */
    public MarketoProducerHealthCheck(String id, String api, String operation, Supplier<MarketoCallStats> stats,
                                      BooleanSupplier componentEnabled) {
        this.id = id;
        this.componentEnabled = componentEnabled;
        this.api = api;
        this.operation = operation;
        this.stats = stats;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled && componentEnabled.getAsBoolean();
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        // a Marketo outage or an expired credential does not call for a restart of the application
        return false;
    }

    /** Records that an exchange completed. */
    public void succeeded() {
        last = new Outcome(Instant.now(), null);
    }

    /** Records that an exchange failed with {@code failure}. */
    public void failed(Exception failure) {
        last = new Outcome(Instant.now(), failure);
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        builder.detail(CHECK_ID, id);
        builder.detail(CHECK_GROUP, getGroup());
        boolean on = isEnabled();
        builder.detail(CHECK_ENABLED, on);
        if (!on) {
            return builder.message("Disabled").unknown().build();
        }
        builder.detail("api", api);
        builder.detail("operation", operation);
        MarketoCallStats instance = stats.get();
        RateLimiterStats limiter = instance == null ? null : instance.getLimiterStats();
        if (instance != null) {
            builder.detail("instance", instance.getInstance());
            builder.detail("calls", instance.getCalls());
        }
        if (limiter != null) {
            builder.detail("calls.today", limiter.callsToday());
        }
        Outcome outcome = last;
        if (outcome == null) {
            builder.detail("last.call.outcome", "none");
        } else {
            builder.detail("last.call.at", outcome.at().toString());
            builder.detail("last.call.outcome", outcome.failure() == null ? "success" : "failure");
            String code = outcome.failure() instanceof MarketoException vendor ? vendor.getCode() : null;
            if (code != null) {
                builder.detail("last.call.code", code);
            }
        }
        String reason = downReason(outcome == null ? null : outcome.failure(), limiter);
        if (reason == null) {
            builder.up();
        } else {
            builder.message(reason);
            if (outcome != null && outcome.failure() != null) {
                builder.error(outcome.failure());
            }
            builder.down();
        }
        return builder.build();
    }

    private static String downReason(Exception failure, RateLimiterStats limiter) {
        if (failure instanceof MarketoAuthenticationException auth) {
            return "Marketo authentication failed" + code(auth) + ": " + auth.getMessage();
        }
        if (failure instanceof MarketoQuotaExceededException quota) {
            return "Marketo daily quota exhausted" + code(quota) + ": " + quota.getMessage();
        }
        if (failure instanceof CallBudgetExceededException budget) {
            return "Daily call budget exhausted: " + budget.getMessage();
        }
        if (limiter != null && limiter.maxDailyCalls() > 0 && limiter.callsToday() >= limiter.maxDailyCalls()) {
            return "Daily call budget exhausted: " + limiter.callsToday() + " of " + limiter.maxDailyCalls() + " calls today";
        }
        return null;
    }

    private static String code(MarketoException e) {
        return e.getCode() == null ? "" : " (" + e.getCode() + ")";
    }
}
