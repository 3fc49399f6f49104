package io.github.camelmarketo.emulator.rest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.contract.RecordedExchange;
import io.github.camelmarketo.emulator.contract.RestRecorder;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import io.github.camelmarketo.emulator.core.VendorLimits;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.DateUtils;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import org.xnio.IoUtils;

/**
 * The request pipeline of the REST emulator, in the vendor's order: request-line length (HTTP 414), routing (610),
 * vendor limits (606/615/607), injected faults, access token (601/602), then the operation. Every answered call is
 * counted as {@code "<METHOD> <path template>"} with its outcome code. Identity calls skip limits and tokens, and
 * take only faults injected for an operation naming them ({@code "/identity/oauth/token"}).
 */
final class RestHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(RestHandler.class.getName());
    private static final AttachmentKey<RestRequest> REQUEST = AttachmentKey.create(RestRequest.class);

    private final MarketoEmulator emulator;
    private final TokenService tokens;
    private final Router router;
    private final boolean guarded;

    /**
     * @param guarded whether calls count against vendor limits, take injected faults and need an access token
     *                (false for the identity service)
     */
    RestHandler(MarketoEmulator emulator, TokenService tokens, Router router, boolean guarded) {
        this.emulator = emulator;
        this.tokens = tokens;
        this.router = router;
        this.guarded = guarded;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        String label = exchange.getRequestMethod() + " " + exchange.getRequestPath();
        try {
            if (requestLineLength(exchange) > emulator.settings().maxUrlLength()) {
                Router.Match match = router.match(exchange.getRequestMethod().toString(), exchange.getRequestPath());
                label = match == null ? label : match.label();
                answer(exchange, label, RestResponse.httpStatus(414, "Request-URI Too Large"));
                return;
            }
            RestRequest request = RestRequest.read(exchange);
            exchange.putAttachment(REQUEST, request);
            Router.Match match = router.match(request.method(), request.path());
            if (match == null) {
                label = request.method() + " " + request.path();
                answer(exchange, label, RestResponse.error(RestApiException.of(RestErrors.NOT_FOUND)));
                return;
            }
            label = match.label();
            request.pathVariables(match.variables());
            if (guarded) {
                handleGuarded(exchange, label, request, match.operation());
                return;
            }
            Optional<Fault> fault = emulator.faults().nextNamed(Api.REST, request.method() + " " + request.path());
            if (fault.isEmpty() || applyFault(exchange, label, fault.get())) {
                answer(exchange, label, match.operation().handle(request));
            }
        } catch (RestApiException e) {
            answer(exchange, label, RestResponse.error(e));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "REST emulator failed on " + label, e);
            answer(exchange, label, RestResponse.error(RestApiException.of(RestErrors.SYSTEM_ERROR)));
        }
    }

    private void handleGuarded(HttpServerExchange exchange, String label, RestRequest request,
                               Router.Operation operation) {
        RestResponse response;
        // the call leaves the concurrency count when its answer is ready, before it is written: a client that sends
        // its next call as soon as it has read this answer must not see 615
        try (VendorLimits.Permit permit = emulator.limits().enter(Api.REST)) {
            if (!permit.allowed()) {
                response = RestResponse.error(limitError(permit.verdict()));
            } else {
                Optional<Fault> fault = emulator.faults().next(Api.REST, request.method() + " " + request.path());
                if (fault.isPresent() && !applyFault(exchange, label, fault.get())) {
                    return;
                }
                authenticate(request);
                response = operation.handle(request);
                if (fault.isPresent() && fault.get() instanceof Fault.ApplyThenDrop) {
                    emulator.counters().record(Api.REST, label, "applied-drop");
                    IoUtils.safeClose(exchange.getConnection());
                    return;
                }
            }
        } catch (RestApiException e) {
            response = RestResponse.error(e);
        }
        answer(exchange, label, response);
    }

    /** Applies an injected fault; true when the call proceeds normally afterwards. */
    private boolean applyFault(HttpServerExchange exchange, String label, Fault fault) {
        if (fault instanceof Fault.VendorError error) {
            answer(exchange, label, RestResponse.error(RestApiException.of(error.code())));
            return false;
        } else if (fault instanceof Fault.HttpStatus status) {
            answer(exchange, label, RestResponse.httpStatus(status.status(), StatusCodes.getReason(status.status())));
            return false;
        } else if (fault instanceof Fault.Body body) {
            answer(exchange, label, new RestResponse(body.status(), body.contentType(),
                    body.body().getBytes(StandardCharsets.UTF_8), Collections.emptyMap(),
                    "body-" + body.status()));
            return false;
        } else if (fault instanceof Fault.DropConnection) {
            emulator.counters().record(Api.REST, label, "drop");
            IoUtils.safeClose(exchange.getConnection());
            return false;
        } else if (fault instanceof Fault.Latency latency) {
            sleep(latency.delay());
        } else if (fault instanceof Fault.ExpireTokens) {
            tokens.expireAll();
        }
        return true;
    }

    private void authenticate(RestRequest request) {
        String token = request.param("access_token");
        String authorization = request.header(Headers.AUTHORIZATION_STRING);
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            token = authorization.substring(7).trim();
        }
        switch (tokens.check(token)) {
            case VALID:
                return;
            case EXPIRED:
                throw RestApiException.of(RestErrors.ACCESS_TOKEN_EXPIRED);
            default:
                throw RestApiException.of(RestErrors.ACCESS_TOKEN_INVALID);
        }
    }

    private RestApiException limitError(VendorLimits.Verdict verdict) {
        switch (verdict) {
            case RATE_LIMITED:
                LimitPolicy policy = emulator.limits().policy(Api.REST);
                return new RestApiException(RestErrors.RATE_LIMITED, "Max rate limit '" + policy.callsPerWindow()
                                                                    + "' exceeded with in '" + seconds(policy.window()) + "' secs");
            case CONCURRENCY_LIMITED:
                return RestApiException.of(RestErrors.CONCURRENCY_LIMITED);
            default:
                return RestApiException.of(RestErrors.DAILY_QUOTA);
        }
    }

    private static String seconds(Duration window) {
        long millis = window.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }

    private static int requestLineLength(HttpServerExchange exchange) {
        String query = exchange.getQueryString();
        return exchange.getRequestURI().length() + (query == null || query.isEmpty() ? 0 : query.length() + 1);
    }

    private void answer(HttpServerExchange exchange, String label, RestResponse response) {
        emulator.counters().record(Api.REST, label, response.code());
        if (guarded || emulator.recorder().isRecordingIdentity()) {
            record(exchange.getAttachment(REQUEST), response);
        }
        exchange.setStatusCode(response.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, response.contentType());
        // the vendor's time, so clients can compare their clock with it (offset included)
        exchange.getResponseHeaders().put(Headers.DATE, DateUtils.toDateString(Date.from(emulator.clock().instant())));
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
        exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
    }

    private void record(RestRequest request, RestResponse response) {
        RestRecorder recorder = emulator.recorder();
        if (request != null && recorder.isRecording()) {
            byte[] body = request.body();
            recorder.record(new RecordedExchange(request.method(), request.path(),
                    Collections.unmodifiableMap(new LinkedHashMap<>(request.params())),
                    request.formPost(), request.contentType(),
                    body.length == 0 ? null : new String(body, StandardCharsets.UTF_8), response.status(),
                    response.contentType(), response.body()));
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
