package io.github.camelmarketo.component.leadsquared;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.component.support.CallFailure;
import io.github.camelmarketo.component.support.CallRetrier;
import io.github.camelmarketo.component.support.FailureClassifier;
import io.github.camelmarketo.component.support.FailureKind;
import io.github.camelmarketo.component.support.HttpTransportClient;
import io.github.camelmarketo.component.support.RateLimiter;
import io.github.camelmarketo.component.support.TransportFailures;
import org.apache.camel.RuntimeCamelException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LeadSquared account over Apache HttpClient 5: sends a ByIds request for one page through the shared retry
 * engine ({@link CallRetrier}) and rate limiter: HTTP 429 pauses the limiter for the rate window, 5xx and lost
 * connections are retried with backoff up to {@code maxRetries}; anything else becomes a {@link LeadSquaredException}.
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
    private final CallRetrier retrier;
    private final Errors errors = new Errors();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpTransportClient http;
    private final String host;
    private final String uri;
    private final LeadSquaredPageReader pages;

    LeadSquaredClient(LeadSquaredConfiguration configuration, LeadSquaredOperation operation, RateLimiter limiter) {
        this.configuration = configuration;
        this.operation = operation;
        this.retrier = new CallRetrier(limiter, configuration.retryPolicy(), null);
        String baseUrl = configuration.resolveBaseUrl();
        this.host = baseUrl.replaceFirst("^[a-zA-Z]+://", "");
        this.uri = configuration.isKeysInHeaders()
                ? baseUrl + operation.getPath()
                : baseUrl + operation.getPath() + "?accessKey=" + encode(configuration.getAccessKey())
                  + "&secretKey=" + encode(configuration.getSecretKey());
        this.http = HttpTransportClient.create(configuration, Math.max(2, configuration.getMaxConcurrentCalls()));
        this.pages = new LeadSquaredPageReader(json, operation, host);
    }

    /** The host (and port) calls go to, for messages. */
    String host() {
        return host;
    }

    /** Retrieves one page of the leads with {@code ids} (at most the vendor maximum). */
    LeadSquaredPage retrieve(List<String> ids, List<String> columns, int pageIndex, int pageSize) {
        byte[] body = requestBody(ids, columns, pageIndex, pageSize);
        return retrier.call(operation.name(), false, state -> {
            Answer answer = send(body);
            if (answer.status() != 200) {
                throw failure(answer);
            }
            return pages.read(answer.body(), answer.status(), state.retries() + 1);
        }, errors);
    }

    /** A non-200 answer for the retry engine: 429 pauses every caller for one rate window, 5xx is transient. */
    private CallFailure failure(Answer answer) {
        FailureKind kind = answer.status() == 429 ? FailureKind.RATE_LIMITED
                : answer.status() >= 500 ? FailureKind.TRANSIENT : FailureKind.PERMANENT;
        // the vendor counts a fixed window: after a 429 hold every caller sharing these keys for one full window
        Duration pause = kind == FailureKind.RATE_LIMITED ? Duration.ofMillis(configuration.getRateLimitWindow()) : null;
        return new CallFailure(kind, Integer.toString(answer.status()), null, null, pause, new AnswerHolder(answer));
    }

    private Answer send(byte[] body) throws IOException {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        if (configuration.isKeysInHeaders()) {
            post.setHeader("x-LSQ-AccessKey", configuration.getAccessKey());
            post.setHeader("x-LSQ-SecretKey", configuration.getSecretKey());
        }
        return http.execute(post, response -> new Answer(response.getCode(), http.body(response.getEntity())));
    }

    /** Carries an error answer from the attempt to {@link Errors#toException}. */
    private static final class AnswerHolder extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Answer answer;

        AnswerHolder(Answer answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    /** LeadSquared's failures for the retry engine, and the {@link LeadSquaredException} a caller sees. */
    private final class Errors implements FailureClassifier {
        @Override
        public CallFailure classify(Exception error) {
            if (error instanceof ConnectException) {
                return new CallFailure(FailureKind.CONNECT_REFUSED, null, describe((IOException) error), null, error);
            }
            return error instanceof IOException io
                    ? new CallFailure(FailureKind.TIMEOUT, null, describe(io), null, error) : null;
        }

        @Override
        public RuntimeException toException(String operationName, CallFailure failure, boolean write, int retries) {
            if (failure.getCause() instanceof AnswerHolder holder) {
                return error(holder.answer, retries + 1);
            }
            if (TransportFailures.classify(failure.getCause()) != null) {
                return LeadSquaredException.refusedByTransport(operationName, host, failure.vendorMessage(), retries + 1,
                        failure.getCause());
            }
            return new LeadSquaredException(operationName, host, 0, null, failure.vendorMessage(), retries + 1,
                    failure.getCause());
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
        if (answer.status() >= 300 && answer.status() < 400) {
            message = "redirect not followed: the keys are never sent to another address; set host (or baseUrl) to the "
                      + "API host of the account's region";
        } else if (message == null && type == null) {
            String raw = new String(answer.body(), StandardCharsets.UTF_8).strip();
            message = raw.isEmpty() ? null : raw.length() > MAX_ERROR_TEXT ? raw.substring(0, MAX_ERROR_TEXT) + "..." : raw;
        }
        return new LeadSquaredException(operation.name(), host, answer.status(), type, message, attempts, null);
    }

    private static String describe(IOException e) {
        // HttpClient's messages name host:port only, never the request URI
        return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
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
