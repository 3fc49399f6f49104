package io.github.camelmarketo.component.marketo.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoConsumer;
import io.github.camelmarketo.component.marketo.consumer.LeadCursor;
import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.component.support.RateLimiterStats;
import org.apache.camel.Component;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code marketo} dev console ({@code camel get marketo} / {@code camel cmd}, the dev console HTTP endpoint): for
 * each Marketo instance the component called, its client-side limiter (calls in the window, in flight, waits), calls
 * today against the daily budget, calls, retries by vendor code, limit answers, token refreshes and when the current
 * access token expires (REST), and the last failure;
 * then each {@code marketo:} consumer's committed cursor (selector, watermark, position). It shows counters and
 * cursors only: never a credential or an access token.
 */
@DevConsole(name = "marketo", displayName = "Marketo", description = "Marketo instances (limiter, calls, retries) and consumer cursors")
public class MarketoDevConsole extends AbstractDevConsole {

    public MarketoDevConsole() {
        super("camel", "marketo", "Marketo", "Marketo instances (limiter, calls, retries) and consumer cursors");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> instance : instances()) {
            text.append(String.format("Marketo instance: %s%n", instance.get("instance")));
            text.append(String.format("    Calls: %s (today: %s of %s), failures: %s%n", instance.get("calls"),
                    instance.get("callsToday"), budget(instance.get("maxDailyCalls")), instance.get("failures")));
            text.append(String.format("    Limiter: %s calls in window, %s in flight, %s throttled waits (%s ms waited)%n",
                    instance.get("callsInWindow"), instance.get("inFlight"), instance.get("throttledWaits"),
                    instance.get("totalWaitMillis")));
            text.append(String.format("    Retries: %s %s%n", instance.get("retries"), instance.get("retriesByCode")));
            text.append(String.format("    Limit answers: 606=%s 615=%s 607=%s, token refreshes: %s%s%n",
                    instance.get("rateLimitResponses"), instance.get("concurrencyLimitResponses"),
                    instance.get("quotaExceededResponses"), instance.get("tokenRefreshes"),
                    instance.get("tokenExpiresAt") == null ? "" : ", token expires " + instance.get("tokenExpiresAt")));
            if (instance.get("lastFailure") instanceof Map<?, ?> failure) {
                text.append(String.format("    Last failure: %s code %s: %s%n", failure.get("at"), failure.get("code"),
                        failure.get("message")));
            }
        }
        for (Map<String, Object> consumer : consumers()) {
            text.append(String.format("Consumer %s: selector %s, watermark %s, position %s%s%n", consumer.get("routeId"),
                    consumer.get("selector"), consumer.get("watermark"), consumer.get("position"),
                    Boolean.TRUE.equals(consumer.get("finished")) ? " (finished)" : ""));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        root.put("instances", instances().stream().map(JsonObject::new).toList());
        root.put("consumers", consumers().stream().map(JsonObject::new).toList());
        return root;
    }

    private List<Map<String, Object>> instances() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (MarketoComponent component : components()) {
            for (MarketoCallStats stats : component.getCallStats().values()) {
                result.add(instance(stats));
            }
        }
        return result;
    }

    private static Map<String, Object> instance(MarketoCallStats stats) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("instance", stats.getInstance());
        row.put("calls", stats.getCalls());
        RateLimiterStats limiter = stats.getLimiterStats();
        if (limiter != null) {
            row.put("callsToday", limiter.callsToday());
            row.put("maxDailyCalls", limiter.maxDailyCalls());
            row.put("callsInWindow", limiter.callsInWindow());
            row.put("inFlight", limiter.inFlight());
            row.put("totalWaitMillis", limiter.totalWait().toMillis());
        }
        row.put("throttledWaits", stats.getThrottledWaits());
        row.put("retries", stats.getRetries());
        row.put("retriesByCode", new JsonObject(new LinkedHashMap<>(stats.getRetriesByCode())));
        row.put("rateLimitResponses", stats.getRateLimitResponses());
        row.put("concurrencyLimitResponses", stats.getConcurrencyLimitResponses());
        row.put("quotaExceededResponses", stats.getQuotaExceededResponses());
        row.put("tokenRefreshes", stats.getTokenRefreshes());
        if (stats.getTokenExpiresAt() != null) {
            row.put("tokenExpiresAt", stats.getTokenExpiresAt().toString());
        }
        row.put("failures", stats.getFailures());
        MarketoCallStats.CallOutcome failure = stats.getLastFailure();
        if (failure != null) {
            JsonObject last = new JsonObject();
            last.put("at", failure.at().toString());
            last.put("code", failure.code());
            last.put("message", failure.message());
            row.put("lastFailure", last);
        }
        return row;
    }

    private List<Map<String, Object>> consumers() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof MarketoConsumer consumer) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("routeId", route.getRouteId());
                row.put("endpoint", consumer.getEndpoint().getEndpointUri());
                LeadCursor cursor = consumer.getCommittedCursor();
                if (cursor != null) {
                    row.put("selector", cursor.selector());
                    row.put("watermark", cursor.watermark() == null ? null : cursor.watermark().toString());
                    row.put("position", cursor.position());
                    row.put("finished", cursor.finished());
                }
                result.add(row);
            }
        }
        return result;
    }

    private List<MarketoComponent> components() {
        List<MarketoComponent> result = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            if (component instanceof MarketoComponent marketo) {
                result.add(marketo);
            }
        }
        return result;
    }

    private static String budget(Object maxDailyCalls) {
        return maxDailyCalls instanceof Long max && max > 0 ? max.toString() : "unlimited";
    }
}
