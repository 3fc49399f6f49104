package io.github.camelmarketo.component.leadsquared;

import java.io.Closeable;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.component.support.CallLimiter;
import io.github.camelmarketo.component.support.QuietHttpConnections;
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

    /** One page of a ByIds answer: {@code RecordCount} (leads found for all ids of the request) and the page's leads. */
    record Page(int recordCount, List<LeadSquaredLead> leads) {
    }

    private record Answer(int status, byte[] body) {
    }

    private final LeadSquaredConfiguration configuration;
    private final LeadSquaredOperation operation;
    private final CallLimiter limiter;
    private final ObjectMapper json = new ObjectMapper();
    private final CloseableHttpClient http;
    private final String host;
    private final String uri;

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
    }

    private static CloseableHttpClient buildHttpClient(LeadSquaredConfiguration configuration) {
        int connections = Math.max(2, configuration.getMaxConcurrentCalls());
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setConnectionFactory(QuietHttpConnections.factory())
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
                .disableAutomaticRetries()
                // a redirect would carry the keys (headers or query) to wherever it points: never followed
                .disableRedirectHandling();
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
    Page retrieve(List<String> ids, List<String> columns, int pageIndex, int pageSize) {
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
                return parsePage(answer.body(), attempt);
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

    private Page parsePage(byte[] body, int attempts) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new LeadSquaredException(operation.name(), host, 200, null, "the answer is not JSON", attempts, e);
        }
        JsonNode leads = root == null ? null : root.get("Leads");
        if (leads == null || !leads.isArray()) {
            throw new LeadSquaredException(operation.name(), host, 200, text(root, "ExceptionType"),
                    text(root, "ExceptionMessage") != null ? text(root, "ExceptionMessage") : "the answer has no Leads array",
                    attempts, null);
        }
        List<LeadSquaredLead> page = new ArrayList<>(leads.size());
        for (JsonNode node : leads) {
            page.add(toLead(node, attempts));
        }
        JsonNode count = root.get("RecordCount");
        return new Page(count != null && count.canConvertToInt() ? count.intValue() : -1, page);
    }

    private LeadSquaredLead toLead(JsonNode node, int attempts) {
        String prospectId = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if ("ProspectId".equalsIgnoreCase(field.getKey())) {
                prospectId = field.getValue().asText(null);
            }
        }
        UUID id;
        try {
            id = UUID.fromString(prospectId);
        } catch (RuntimeException e) {
            throw new LeadSquaredException(operation.name(), host, 200, null,
                    "a lead in the answer has no valid ProspectId (" + prospectId + ")", attempts, e);
        }
        LeadSquaredLead lead = new LeadSquaredLead(id);
        node.fields().forEachRemaining(f -> lead.set(f.getKey(), valueOf(f.getValue())));
        return lead;
    }

    private static String valueOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private LeadSquaredException error(Answer answer, int attempts) {
        String type = null;
        String message;
        try {
            JsonNode root = json.readTree(answer.body());
            type = text(root, "ExceptionType");
            message = text(root, "ExceptionMessage");
        } catch (IOException e) {
            message = null;
        }
        if (answer.status() >= 300 && answer.status() < 400) {
            message = "redirect not followed: the keys are never sent to another address; set host (or baseUrl) to the "
                      + "API host of the account's region";
        } else if (message == null && type == null) {
            String raw = new String(answer.body(), StandardCharsets.UTF_8).strip();
            message = raw.isEmpty() ? null : raw.length() > MAX_ERROR_TEXT ? raw.substring(0, MAX_ERROR_TEXT) + "..." : raw;
        }
        return new LeadSquaredException(operation.name(), host, answer.status(), type, message, attempts, null);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root == null ? null : root.get(field);
        return node == null || node.isNull() ? null : node.asText();
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
