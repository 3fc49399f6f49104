package io.github.camelmarketo.component.marketo.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks a REST target's identity service for a token, at most once per {@code interval} per target. The identity
 * call does not touch the lead database; the result is cached so that a health endpoint polled every few seconds
 * does not turn into a stream of calls. Credentials go in the form body, never in the URL.
 */
public class MarketoIdentityProbe {

    /**
     * The result of one probe.
     *
     * @param at      when the probe ran
     * @param ok      whether the identity service issued a token
     * @param status  HTTP status (0 when the service could not be reached)
     * @param message why it failed (null when ok); never contains a secret or the token
     */
    public record Result(Instant at, boolean ok, int status, String message) {
    }

    private final HttpClient http;
    private final Duration interval;
    private final Duration timeout;
    private final Clock clock;
    private final Map<MarketoTarget, Result> cache = new ConcurrentHashMap<>();

    public MarketoIdentityProbe(Duration interval, Duration timeout) {
        this(interval, timeout, Clock.systemUTC());
    }

    MarketoIdentityProbe(Duration interval, Duration timeout, Clock clock) {
        this.interval = interval;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The cached result for {@code target} while it is younger than the interval, else a fresh probe. */
    public Result probe(MarketoTarget target) {
        return cache.compute(target, (t, previous) -> {
            Instant now = clock.instant();
            if (previous != null && previous.at().plus(interval).isAfter(now)) {
                return previous;
            }
            return call(t, now);
        });
    }

    private Result call(MarketoTarget target, Instant now) {
        String form = "grant_type=client_credentials&client_id=" + encode(target.clientId()) + "&client_secret="
                      + encode(target.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(target.identityEndpoint()) + "/oauth/token"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean ok = response.statusCode() == 200 && response.body().contains("\"access_token\"");
            String message = ok ? null : "identity service answered HTTP " + response.statusCode() + errorOf(response.body());
            return new Result(now, ok, response.statusCode(), message);
        } catch (IOException e) {
            return new Result(now, false, 0, "identity service unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(now, false, 0, "interrupted");
        }
    }

    /** The vendor's error text ({@code error_description} or {@code error}), never the whole body (it may hold a token). */
    private static String errorOf(String body) {
        for (String key : new String[] { "\"error_description\"", "\"error\"" }) {
            int i = body.indexOf(key);
            if (i >= 0) {
                int start = body.indexOf('"', body.indexOf(':', i) + 1);
                int end = start < 0 ? -1 : body.indexOf('"', start + 1);
                if (end > start) {
                    return ": " + body.substring(start + 1, end);
                }
            }
        }
        return "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
