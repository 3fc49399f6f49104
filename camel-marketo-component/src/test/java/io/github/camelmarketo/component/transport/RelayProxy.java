package io.github.camelmarketo.component.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A plain HTTP forward proxy on a loopback port: takes absolute-form requests ({@code GET http://host:port/path}),
 * optionally demands {@code Proxy-Authorization: Basic} (answering 407 otherwise), relays each request to its target
 * and the answer back. Counts relayed requests and 407 answers, and remembers the lengths of the last and the largest relayed answer.
 * With {@link #chunked(boolean)} it relays answers without {@code Content-Length}.
 */
public final class RelayProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        HOP_BY_HOP.addAll(List.of("Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authorization", "Host",
                "Content-Length", "Transfer-Encoding", "Expect", "Upgrade", "TE", "Trailer"));
    }

    private final HttpServer server;
    private final HttpClient relay = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String expectedAuthorization;
    private final AtomicInteger relayed = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicLong lastResponseLength = new AtomicLong(-1);
    private final AtomicLong largestResponseLength = new AtomicLong(-1);
    private volatile boolean chunked;

    /** A proxy that relays every request, or only those with {@code username}/{@code password} when not null. */
    public RelayProxy(String username, String password) throws IOException {
        this.expectedAuthorization = username == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "relay-proxy");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests relayed to their target. */
    public int relayed() {
        return relayed.get();
    }

    /** Requests answered 407 (missing or wrong Proxy-Authorization). */
    public int refused() {
        return refused.get();
    }

    /** Body length of the last relayed answer. */
    public long lastResponseLength() {
        return lastResponseLength.get();
    }

    /** Body length of the largest relayed answer. */
    public long largestResponseLength() {
        return largestResponseLength.get();
    }

    /** Relay answers with chunked encoding (no Content-Length). */
    public void chunked(boolean chunked) {
        this.chunked = chunked;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI target = exchange.getRequestURI();
            if (expectedAuthorization != null
                    && !expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                refused.incrementAndGet();
                exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"test-proxy\"");
                exchange.sendResponseHeaders(407, -1);
                return;
            }
            if (target.getScheme() == null) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!HOP_BY_HOP.contains(header.getKey())) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            relayed.incrementAndGet();
            HttpResponse<byte[]> response;
            try {
                response = relay.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] answer = response.body();
            lastResponseLength.set(answer.length);
            largestResponseLength.accumulateAndGet(answer.length, Math::max);
            exchange.sendResponseHeaders(response.statusCode(), chunked ? 0 : answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
