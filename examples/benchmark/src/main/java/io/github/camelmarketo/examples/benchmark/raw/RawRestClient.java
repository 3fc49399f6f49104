package io.github.camelmarketo.examples.benchmark.raw;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.examples.benchmark.tasks.BenchLeads.BenchLead;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.URIBuilder;

/**
 * The REST baseline: HttpClient 5 and Jackson, the calls of Adobe's OpenAPI document ({@code swagger-mapi.json}):
 * {@code GET /identity/oauth/token}, {@code POST /rest/v1/leads.json} (sync), {@code GET /rest/v1/leads.json}
 * with {@code filterType=email} (sent as {@code POST ?_method=GET} with a form body when the query is long, as the
 * vendor documents), and Bulk Lead Extract ({@code create}, {@code enqueue}, {@code status}, {@code file}: the
 * whole file in one download, parsed as it streams).
 */
public final class RawRestClient implements RawClient {

    private static final int MAX_GET_LENGTH = 7 * 1024;
    private static final Duration MAX_WINDOW = Duration.ofDays(31);

    private final String base;
    private final String clientId;
    private final String clientSecret;
    private final CloseableHttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private volatile String token;

    public RawRestClient(String base, String clientId, String clientSecret) {
        this.base = base;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(20)
                        .setMaxConnPerRoute(20).build())
                .disableAutomaticRetries().build();
    }

    @Override
    public int maxSyncPerCall() {
        return 300;
    }

    @Override
    public int maxKeysPerCall() {
        return 300;
    }

    @Override
    public int sync(List<BenchLead> leads) throws Exception {
        ObjectNode body = json.createObjectNode();
        body.put("action", "createOrUpdate");
        ArrayNode input = body.putArray("input");
        for (BenchLead lead : leads) {
            input.addObject().put("email", lead.email()).put("firstName", lead.firstName()).put("lastName", lead.lastName());
        }
        HttpPost post = new HttpPost(base + "/rest/v1/leads.json");
        post.setEntity(new ByteArrayEntity(json.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        int accepted = 0;
        for (JsonNode record : envelope(post).path("result")) {
            if (!"skipped".equals(record.path("status").asText())) {
                accepted++;
            }
        }
        return accepted;
    }

    @Override
    public int readByEmail(List<String> emails) throws Exception {
        List<NameValuePair> query = List.of(new BasicNameValuePair("filterType", "email"),
                new BasicNameValuePair("filterValues", String.join(",", emails)));
        int count = 0;
        String pageToken = null;
        do {
            List<NameValuePair> params = new ArrayList<>(query);
            if (pageToken != null) {
                params.add(new BasicNameValuePair("nextPageToken", pageToken));
            }
            JsonNode envelope = envelope(get(base + "/rest/v1/leads.json", params));
            count += envelope.path("result").size();
            pageToken = envelope.path("moreResult").asBoolean() ? envelope.path("nextPageToken").asText(null) : null;
        } while (pageToken != null);
        return count;
    }

    /** A GET, or {@code POST ?_method=GET} with the parameters as a form when the query would be too long. */
    private HttpUriRequestBase get(String url, List<NameValuePair> params) throws URISyntaxException {
        int length = params.stream().mapToInt(p -> p.getName().length() + p.getValue().length() + 2).sum();
        if (length <= MAX_GET_LENGTH) {
            return new HttpGet(new URIBuilder(url).addParameters(params).build());
        }
        HttpPost post = new HttpPost(new URIBuilder(url).addParameter("_method", "GET").build());
        post.setEntity(new UrlEncodedFormEntity(params, StandardCharsets.UTF_8));
        return post;
    }

    @Override
    public void readUpdatedSince(Instant oldest, int batchSize, LongPredicate onLeads) throws Exception {
        Instant end = Instant.now();
        Instant windowStart = oldest;
        while (windowStart.isBefore(end)) {
            Instant windowEnd = windowStart.plus(MAX_WINDOW).isBefore(end) ? windowStart.plus(MAX_WINDOW) : end;
            String exportId = runExport(windowStart, windowEnd);
            if (!readFile(exportId, batchSize, onLeads)) {
                return;
            }
            windowStart = windowEnd.plusMillis(1);
        }
    }

    private String runExport(Instant start, Instant end) throws Exception {
        ObjectNode request = json.createObjectNode();
        ArrayNode fields = request.putArray("fields");
        List.of("id", "email", "firstName", "lastName", "createdAt", "updatedAt").forEach(fields::add);
        request.put("format", "CSV");
        ObjectNode updatedAt = request.putObject("filter").putObject("updatedAt");
        updatedAt.put("startAt", start.toString());
        updatedAt.put("endAt", end.toString());
        String exports = base + "/bulk/v1/leads/export";
        HttpPost create = new HttpPost(exports + "/create.json");
        create.setEntity(new ByteArrayEntity(json.writeValueAsBytes(request), ContentType.APPLICATION_JSON));
        String exportId = envelope(create).path("result").path(0).path("exportId").asText();
        envelope(new HttpPost(exports + "/" + exportId + "/enqueue.json"));
        while (true) {
            String status = envelope(new HttpGet(exports + "/" + exportId + "/status.json")).path("result").path(0)
                    .path("status").asText();
            if ("Completed".equals(status)) {
                return exportId;
            }
            if ("Failed".equals(status) || "Cancelled".equals(status)) {
                throw new IllegalStateException("export " + exportId + " " + status);
            }
            Thread.sleep(200);
        }
    }

    /** Downloads the whole file in one call and counts its rows as they arrive, {@code batchSize} at a time. */
    private boolean readFile(String exportId, int batchSize, LongPredicate onLeads) throws Exception {
        HttpGet get = new HttpGet(base + "/bulk/v1/leads/export/" + exportId + "/file.json");
        get.setHeader("Authorization", "Bearer " + token());
        try (ClassicHttpResponse response = http.executeOpen(null, get, null);
             InputStream in = new BufferedInputStream(response.getEntity().getContent(), 64 * 1024)) {
            if (response.getCode() != 200) {
                throw new IllegalStateException("file.json answered HTTP " + response.getCode());
            }
            CsvRows rows = new CsvRows(in);
            rows.next(); // header
            long pending = 0;
            while (rows.next() != null) {
                if (++pending == batchSize) {
                    if (!onLeads.test(pending)) {
                        get.cancel();
                        return false;
                    }
                    pending = 0;
                }
            }
            return pending == 0 || onLeads.test(pending);
        }
    }

    /** Sends with the bearer token; a 601/602 answer gets a new token and one retry. */
    private JsonNode envelope(HttpUriRequestBase request) throws Exception {
        for (int attempt = 0; ; attempt++) {
            request.setHeader("Authorization", "Bearer " + token());
            JsonNode envelope = http.execute(request, response -> json.readTree(EntityUtils.toByteArray(response.getEntity())));
            if (envelope.path("success").asBoolean()) {
                return envelope;
            }
            String code = envelope.path("errors").path(0).path("code").asText();
            if (attempt == 0 && ("601".equals(code) || "602".equals(code))) {
                token = null;
                request.reset();
                continue;
            }
            throw new IllegalStateException("Marketo error " + envelope.path("errors"));
        }
    }

    private String token() throws IOException, URISyntaxException {
        String current = token;
        if (current == null) {
            synchronized (this) {
                if (token == null) {
                    HttpGet get = new HttpGet(new URIBuilder(base + "/identity/oauth/token")
                            .addParameter("grant_type", "client_credentials").addParameter("client_id", clientId)
                            .addParameter("client_secret", clientSecret).build());
                    token = http.execute(get, r -> json.readTree(EntityUtils.toByteArray(r.getEntity()))).path("access_token").asText();
                }
                current = token;
            }
        }
        return current;
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
