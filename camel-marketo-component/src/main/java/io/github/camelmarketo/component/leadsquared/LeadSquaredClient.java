package io.github.camelmarketo.component.leadsquared;

import java.io.Closeable;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.component.support.CallLimiter;
import org.apache.camel.RuntimeCamelException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LeadSquared account over Apache HttpClient 5: sends a ByIds request for one page, through the shared
 * {@link CallLimiter}, retrying HTTP 429 (after pausing the limiter for the rate window), 5xx and lost connections
 * (exponential backoff with jitter) up to {@code maxRetries}; anything else becomes a {@link LeadSquaredException}.
 *
 * <p>
 * The keys travel in the request URI (or, with keysInHeaders, in headers), so neither the URI nor the headers are ever
 * logged or put into an exception; log lines and errors name only the base URL's host and the operation.
 */
final class LeadSquaredClient implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(LeadSquaredClient.class);
    private static final int MAX_ERROR_TEXT = 300;

    private record Answer(int status, byte[] body) {
    }

    private final LeadSquaredConfiguration configuration;
    private final LeadSquaredOperation operation;
    private final CallLimiter limiter;
    private final ObjectMapper json = new ObjectMapper();
    private final CloseableHttpClient http;
    private final String host;
    private final String uri;
    private final LeadSquaredPageReader pages;

    LeadSquaredClient(LeadSquaredConfiguration configuration, LeadSquaredOperation operation, CallLimiter limiter) {
        this.configuration = configuration;
        this.operation = operation;
        this.limiter = limiter;
        String baseUrl = configuration.resolveBaseUrl();
        this.host = baseUrl.replaceFirst("^[a-zA-Z]+://", "");
        this.uri = configuration.isKeysInHeaders()
                ? baseUrl + operation.getPath()
                : baseUrl + operation.getPath() + "?accessKey=" + encode(configuration.getAccessKey())
                  + "&secretKey=" + encode(configuration.getSecretKey());
        this.http = buildHttpClient(configuration);
        this.pages = new LeadSquaredPageReader(json, operation, host);
    }

    private static CloseableHttpClient buildHttpClient(LeadSquaredConfiguration configuration) {
        int connections = Math.max(2, configuration.getMaxConcurrentCalls());
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(configuration.getConnectTimeout()))
                                .setSocketTimeout(Timeout.ofMilliseconds(configuration.getSocketTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(configuration.getSocketTimeout()))
                        .build())
                // retries are ours: bounded, rate-aware and counted
                .disableAutomaticRetries();
        if (configuration.getHttpClientConfigurer() != null) {
            configuration.getHttpClientConfigurer().configureHttpClient(builder);
        }
        return builder.build();
    }

    /** The host (and port) calls go to, for messages. */
    String host() {
        return host;
    }

    /** Retrieves one page of the leads with {@code ids} (at most the vendor maximum). */
    LeadSquaredPage retrieve(List<String> ids, List<String> columns, int pageIndex, int pageSize) {
        byte[] body = requestBody(ids, columns, pageIndex, pageSize);
        int attempt = 0;
        while (true) {
            attempt++;
            Answer answer;
            try {
                answer = send(body);
            } catch (IOException e) {
                if (attempt > configuration.getMaxRetries()) {
                    throw new LeadSquaredException(operation.name(), host, 0, null, describe(e), attempt, e);
                }
                LOG.debug("LeadSquared {} on {}: no answer ({}), retry {} of {}", operation, host, e.getClass().getSimpleName(),
                        attempt, configuration.getMaxRetries());
                backoff(attempt);
                continue;
            }
            if (answer.status() == 200) {
                return pages.read(answer.body(), answer.status(), attempt);
            }
            boolean retryable = answer.status() == 429 || answer.status() >= 500;
            if (!retryable || attempt > configuration.getMaxRetries()) {
                throw error(answer, attempt);
            }
            LOG.debug("LeadSquared {} on {}: HTTP {}, retry {} of {}", operation, host, answer.status(), attempt,
                    configuration.getMaxRetries());
            if (answer.status() == 429) {
                // the vendor counts a fixed window: hold every caller sharing these keys for one full window
                limiter.pauseFor(Duration.ofMillis(configuration.getRateLimitWindow()));
            } else {
                backoff(attempt);
            }
        }
    }

    private Answer send(byte[] body) throws IOException {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        if (configuration.isKeysInHeaders()) {
            post.setHeader("x-LSQ-AccessKey", configuration.getAccessKey());
            post.setHeader("x-LSQ-SecretKey", configuration.getSecretKey());
        }
        try (CallLimiter.Permit permit = limiter.acquire()) {
            return http.execute(post, response -> new Answer(response.getCode(),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeCamelException("Interrupted while waiting for the LeadSquared rate limiter", e);
        }
    }

    private byte[] requestBody(List<String> ids, List<String> columns, int pageIndex, int pageSize) {
        ObjectNode root = json.createObjectNode();
        ids.forEach(root.putObject("SearchParameters").putArray("LeadIds")::add);
        root.putObject("Columns").put("Include_CSV", String.join(",", columns));
        ObjectNode paging = root.putObject("Paging");
        paging.put("PageIndex", pageIndex);
        paging.put("PageSize", pageSize);
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new RuntimeCamelException(e);
        }
    }

    private LeadSquaredException error(Answer answer, int attempts) {
        String type = null;
        String message;
        try {
            JsonNode root = json.readTree(answer.body());
            type = LeadSquaredPageReader.text(root, "ExceptionType");
            message = LeadSquaredPageReader.text(root, "ExceptionMessage");
        } catch (IOException e) {
            message = null;
        }
        if (message == null && type == null) {
            String raw = new String(answer.body(), StandardCharsets.UTF_8).strip();
            message = raw.isEmpty() ? null : raw.length() > MAX_ERROR_TEXT ? raw.substring(0, MAX_ERROR_TEXT) + "..." : raw;
        }
        return new LeadSquaredException(operation.name(), host, answer.status(), type, message, attempts, null);
    }

    private static String describe(IOException e) {
        // HttpClient's messages name host:port only, never the request URI
        return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    }

    private void backoff(int attempt) {
        long delay = Math.min(configuration.getRetryMaxDelay(),
                configuration.getRetryInitialDelay() * (1L << Math.min(attempt - 1, 20)));
        long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        try {
            Thread.sleep(jittered);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeCamelException("Interrupted while waiting to retry LeadSquared " + operation, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    @Override
    public String toString() {
        return "LeadSquaredClient[" + operation + " on " + host + "]";
    }
}
