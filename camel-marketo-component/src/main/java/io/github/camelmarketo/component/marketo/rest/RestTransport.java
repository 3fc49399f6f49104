package io.github.camelmarketo.component.marketo.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmarketo.component.marketo.client.ClientSettings;
import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.support.CallFailure;
import io.github.camelmarketo.component.support.CallRetrier;
import io.github.camelmarketo.component.support.FailureKind;
import io.github.camelmarketo.component.support.HttpTransportClient;
import io.github.camelmarketo.component.support.ResponseTooLargeException;
import io.github.camelmarketo.component.support.ServerClock;
import io.github.camelmarketo.component.support.TransportFailures;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.URIBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends REST calls for one endpoint: a pooled Apache HttpClient 5, the instance's shared limiter, the client id's
 * shared token, and one explicit bounded retry loop driven by a {@link RetryPolicy}. Every attempt waits for the
 * limiter, sends {@code Authorization: Bearer}, reads the envelope ({@code success:false} is a failure even with
 * HTTP 200) and either returns, refreshes the token and resends (601/602), switches a too-long GET to
 * {@code POST _method=GET} (414), backs off and resends (when the policy allows), or throws a
 * {@link MarketoException}. Thread-safe.
 */
final class RestTransport implements AutoCloseable {

    /** Request lines longer than this are sent as {@code POST _method=GET} right away (the vendor's limit is 8 KB). */
    static final int MAX_GET_LENGTH = 7 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RestTransport.class);

    /** Reads a successful response; throws {@link CallFailure} for a response that is an error. */
    @FunctionalInterface
    interface ResponseReader<T> {
        T read(ClassicHttpResponse response) throws IOException, CallFailure;
    }

    private final ObjectMapper mapper;
    private final RestUrls urls;
    private final RestInstance instance;
    private final TokenManager tokens;
    private final CallRetrier retrier;
    private final ServerClock serverClock = new ServerClock();
    private final String clientId;
    private final String clientSecret;
    private final HttpTransportClient httpClient;

    RestTransport(ClientSettings configuration, RestUrls urls, RestInstance instance, TokenManager tokens,
                  ObjectMapper mapper) {
        this.urls = urls;
        this.instance = instance;
        this.tokens = tokens;
        this.mapper = mapper;
        this.retrier = new CallRetrier(instance.limiter(), configuration.retryPolicy(), instance.stats());
        this.clientId = configuration.getClientId();
        this.clientSecret = configuration.getClientSecret();
        this.httpClient = HttpTransportClient.create(configuration, Math.max(20, configuration.getMaxConcurrentCalls() * 2));
    }

    /** Marketo's clock as its answers' {@code Date} headers tell. */
    ServerClock serverClock() {
        return serverClock;
    }

    RestUrls urls() {
        return urls;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** Sends {@code request} and returns its successful envelope. */
    RestEnvelope call(RestRequest request) {
        return execute(request, this::readEnvelope, false);
    }

    /**
     * Sends {@code request} and hands the response to {@code reader}, which may stop reading early (the connection
     * is then discarded, not drained): used to read a slice of a bulk export file.
     */
    <T> T stream(RestRequest request, ResponseReader<T> reader) {
        return execute(request, reader, true);
    }

    private <T> T execute(RestRequest request, ResponseReader<T> reader, boolean partialRead) {
        boolean longGet = request.isGet() && request.isTargetLongerThan(MAX_GET_LENGTH);
        String[] usedToken = new String[1];
        return retrier.call(request.operation(), request.write(),
                state -> attempt(request, usedToken, state, longGet, reader, partialRead), RestErrors.INSTANCE);
    }

    /**
     * One attempt (the retrier holds a limiter permit): take the current token, or a renewed one after a 601/602, and
     * send; a GET goes as {@code POST _method=GET} when it is long or was refused with 414.
     */
    private <T> T attempt(RestRequest request, String[] usedToken, CallRetrier.AttemptState state, boolean longGet,
                          ResponseReader<T> reader, boolean partialRead)
            throws IOException, CallFailure {
        usedToken[0] = state.renewCredentials()
                ? tokens.refresh(usedToken[0], this::fetchToken) : tokens.token(this::fetchToken);
        boolean asForm = request.isGet() && (longGet || state.alternateForm());
        HttpUriRequestBase http = toHttpRequest(request, usedToken[0], asForm);
        try (ClassicHttpResponse response = httpClient.executeOpen(http)) {
            Header date = response.getFirstHeader("Date");
            serverClock.observe(date == null ? null : date.getValue(), Instant.now());
            try {
                return reader.read(response);
            } finally {
                if (partialRead) {
                    // discard the connection instead of reading the rest of a large file
                    http.cancel();
                }
            }
        } catch (CallFailure failure) {
            if (failure.kind() == FailureKind.URI_TOO_LONG && !request.isGet()) {
                // only a GET has a shorter form
                throw new CallFailure(FailureKind.PERMANENT, failure.code(), failure.vendorMessage(), failure.requestId(),
                        failure);
            }
            throw failure;
        }
    }

    private HttpUriRequestBase toHttpRequest(RestRequest request, String token, boolean asForm) {
        try {
            HttpUriRequestBase http;
            if (asForm) {
                http = new HttpUriRequestBase("POST", withParameter(request.url(), "_method", request.method()));
                http.setEntity(new UrlEncodedFormEntity(request.query(), StandardCharsets.UTF_8));
            } else {
                // the URLs are built from the configured endpoint and ids: only a query needs encoding
                URI uri = request.query().isEmpty() ? new URI(request.url())
                        : new URIBuilder(request.url()).addParameters(request.query()).build();
                http = new HttpUriRequestBase(request.method(), uri);
                if (request.body() != null) {
                    http.setEntity(new ByteArrayEntity(mapper.writeValueAsBytes(request.body()), ContentType.APPLICATION_JSON));
                } else if (request.entity() != null) {
                    http.setEntity(request.entity());
                }
            }
            http.setHeader("Authorization", "Bearer " + token);
            http.setHeader("Accept", "application/json");
            for (Map.Entry<String, String> header : request.headers().entrySet()) {
                http.setHeader(header.getKey(), header.getValue());
            }
            return http;
        } catch (URISyntaxException | IOException e) {
            throw new MarketoException(request.operation(), null, "cannot build the request: " + e.getMessage(), null,
                    "Check restEndpoint", e);
        }
    }

    /** {@code url} with one more parameter whose name and value need no encoding. */
    private static URI withParameter(String url, String name, String value) throws URISyntaxException {
        return new URI(url + (url.indexOf('?') < 0 ? '?' : '&') + name + '=' + value);
    }

    /** Reads a JSON envelope; non-2xx statuses and {@code success:false} become failures. */
    RestEnvelope readEnvelope(ClassicHttpResponse response) throws IOException, CallFailure {
        return parseEnvelope(response.getCode(), response.getReasonPhrase(), body(response));
    }

    /** The body of a JSON (not streamed) response, at most maxResponseSize bytes. */
    byte[] body(ClassicHttpResponse response) throws IOException {
        return httpClient.body(response.getEntity());
    }

    RestEnvelope parseEnvelope(int status, String reason, byte[] body) throws CallFailure {
        if (status < 200 || status >= 300) {
            RestEnvelope envelope = tryParse(body);
            JsonNode error = envelope == null ? null : envelope.firstError();
            if (error != null) {
                throw vendorFailure(envelope, error);
            }
            throw new CallFailure(RestErrors.kindOfHttpStatus(status), Integer.toString(status),
                    "HTTP " + status + (reason == null ? "" : " " + reason), null, null);
        }
        RestEnvelope envelope = tryParse(body);
        if (envelope == null) {
            throw new CallFailure(FailureKind.PERMANENT, null, "response is not a Marketo JSON envelope", null, null);
        }
        if (!envelope.success()) {
            JsonNode error = envelope.firstError();
            if (error == null) {
                throw new CallFailure(FailureKind.PERMANENT, null, "success:false without errors", envelope.requestId(), null);
            }
            throw vendorFailure(envelope, error);
        }
        return envelope;
    }

    private static CallFailure vendorFailure(RestEnvelope envelope, JsonNode error) {
        String code = RestEnvelope.text(error, "code");
        return new CallFailure(RestErrors.kindOfVendorCode(code), code, RestEnvelope.text(error, "message"),
                envelope.requestId(), null);
    }

    private RestEnvelope tryParse(byte[] body) {
        try {
            JsonNode root = body.length == 0 ? null : mapper.readTree(body);
            return root != null && root.isObject() ? new RestEnvelope(root) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Fetches a token from the identity service; failures name the identity URL, never the secret. */
    AccessToken fetchToken() {
        String tokenUrl = urls.tokenUrl();
        // the credentials go in a form body (the vendor also reads them from the query, where every proxy and access
        // log would keep them)
        HttpPost post;
        try {
            post = new HttpPost(tokenUrl);
        } catch (IllegalArgumentException e) {
            throw new MarketoAuthenticationException("getAccessToken", null, "invalid identity URL " + tokenUrl, null,
                    "Check identityEndpoint/munchkinId", e);
        }
        post.setEntity(new UrlEncodedFormEntity(List.of(
                new BasicNameValuePair("grant_type", "client_credentials"),
                new BasicNameValuePair("client_id", clientId),
                new BasicNameValuePair("client_secret", clientSecret)), StandardCharsets.UTF_8));
        post.setHeader("Accept", "application/json");
        try (ClassicHttpResponse response = httpClient.executeOpen(post)) {
            byte[] body = httpClient.body(response.getEntity());
            JsonNode json = parseOrNull(body);
            String token = json == null ? null : RestEnvelope.text(json, "access_token");
            if (response.getCode() != 200 || token == null) {
                String error = json == null ? null : RestEnvelope.text(json, "error");
                String description = json == null ? null : RestEnvelope.text(json, "error_description");
                throw new MarketoAuthenticationException("getAccessToken", error,
                        "identity service " + tokenUrl + " answered HTTP " + response.getCode()
                                                                                  + (description == null ? "" : ": " + description),
                        null, "Check clientId and clientSecret (Admin > Integration > LaunchPoint)");
            }
            long expiresIn = json.path("expires_in").asLong(3599);
            return AccessToken.issuedNow(token, expiresIn);
        } catch (ResponseTooLargeException e) {
            throw new MarketoAuthenticationException("getAccessToken", null, "identity service " + tokenUrl + ": "
                                                                              + e.getMessage(), null, null, e);
        } catch (IOException e) {
            Throwable tls = TransportFailures.tlsVerificationFailure(e);
            if (tls != null) {
                throw new MarketoAuthenticationException("getAccessToken", null, "identity service " + tokenUrl + ": "
                                                                                  + TransportFailures.describeTls(tls), null, null, e);
            }
            throw new MarketoAuthenticationException("getAccessToken", null,
                    "identity service " + tokenUrl + " unreachable: " + RestErrors.describe(e), null,
                    "Check identityEndpoint/munchkinId and the network", e);
        }
    }

    private JsonNode parseOrNull(byte[] body) {
        try {
            return body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Reads a response body as a stream (used for bulk export files). */
    static InputStream content(ClassicHttpResponse response) throws IOException {
        return response.getEntity() == null ? InputStream.nullInputStream() : response.getEntity().getContent();
    }

    @Override
    public void close() {
        try {
            httpClient.close();
        } catch (IOException e) {
            LOG.debug("Closing the REST HTTP client failed", e);
        }
    }
}
