package io.github.camelmarketo.emulator.leadsquared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import io.github.camelmarketo.emulator.core.VendorLimits;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.PathHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

/**
 * LeadSquared "Get Leads in Bulk by Ids": {@code POST /v2/LeadManagement.svc/Leads/Retrieve/ByIds?accessKey=..&secretKey=..}
 * (the keys may also come as headers {@code x-LSQ-AccessKey} / {@code x-LSQ-SecretKey}, as the vendor allows).
 *
 * <p>
 * Leads are the shared {@code LeadStore}'s, identified by the GUIDs of {@link ProspectIds}
 * ({@link #prospectIdOf(int)} gives a store lead's id). Request and answer as the vendor documents them:
 * <ul>
 * <li>body {@code {"SearchParameters":{"LeadIds":[...]}, "Columns":{"Include_CSV":"..."}, "Paging":{"PageIndex":1,"PageSize":1000}}};
 * at most {@value #MAX_LEAD_IDS} ids per request;</li>
 * <li>answer {@code {"RecordCount":n,"Leads":[{column:value,...}]}}: {@code Leads} is the requested page of the leads
 * found, in the order the ids were requested. Ids that match no lead (unknown, deleted or not a GUID) are left out;
 * duplicate ids return the lead once;</li>
 * <li>errors {@code {"Status":"Error","ExceptionType":..,"ExceptionMessage":..}} with HTTP 401 (bad keys), 400 (body
 * not JSON, content type not JSON, LeadIds or Include_CSV missing, more than {@value #MAX_LEAD_IDS} ids, bad paging),
 * 404 (any other path or method under {@code /v2}), 429 (over the {@link Api#LEADSQUARED} {@link LimitPolicy},
 * vendor: 25 calls / 5 s) and any status injected with {@link Fault.HttpStatus}.</li>
 * </ul>
 * Faults ({@link Fault.Latency}, {@link Fault.DropConnection}, {@link Fault.HttpStatus}; a numeric
 * {@link Fault.VendorError} acts as that HTTP status) are taken with operation {@value #OPERATION}; every answered
 * call is counted as {@code counters().record(LEADSQUARED, "ByIds", "<http status>")} ({@code "dropped"} for a
 * dropped connection). {@link Fault.Body} answers with exactly the injected status and body (malformed answers).
 *
 * <p>
 * The document leaves two things open, and the emulator serves either reading (builder default, changeable at run
 * time, back to the builder's on {@link #reset()}):
 * <ul>
 * <li>{@link #recordCount(RecordCount)}: its example answers a page of 3 leads with {@code "RecordCount": 3}, so
 * {@code RecordCount} may count the leads found for the whole request ({@link RecordCount#PER_REQUEST}, default)
 * or those of the page answered ({@link RecordCount#PER_PAGE});</li>
 * <li>{@link #omitColumns(Collection)}: its example request asks for {@code ProspectId}, {@code OwnerIdEmailAddress}
 * and {@code ProspectAutoID}, yet its example answer carries none of them ({@link #EXAMPLE_OMITTED_COLUMNS}); the
 * columns named here are left out of every answered lead although requested (default none).</li>
 * </ul>
 */
public final class LeadSquaredApi {

    /** The only retrieval path served. */
    public static final String BY_IDS_PATH = "/v2/LeadManagement.svc/Leads/Retrieve/ByIds";
    /** Vendor maximum of lead ids per request. */
    public static final int MAX_LEAD_IDS = 10_000;
    /** Operation name for counters and fault rules. */
    public static final String OPERATION = "ByIds";
    /** The requested columns the document's example answer does not carry. */
    public static final Set<String> EXAMPLE_OMITTED_COLUMNS = Set.of("ProspectId", "OwnerIdEmailAddress", "ProspectAutoID");

    /** What {@code RecordCount} counts: the document's example fits both. */
    public enum RecordCount {
        /** The leads found for all ids of the request: the same number on every page. */
        PER_REQUEST,
        /** The leads of the page answered. */
        PER_PAGE
    }

    private final MarketoEmulator emulator;
    private final ObjectMapper json = new ObjectMapper();
    private volatile RecordCount recordCount;
    private volatile Set<String> omittedColumns;

    public LeadSquaredApi(MarketoEmulator emulator) {
        this.emulator = emulator;
        reset();
    }

    /** The ProspectId (GUID) under which LeadSquared serves the store lead with this Marketo id. */
    public static String prospectIdOf(int marketoId) {
        return ProspectIds.format(marketoId);
    }

    /** Registers this API's handlers on the emulator's single HTTP port. */
    public void mount(PathHandler paths) {
        paths.addPrefixPath("/v2", new BlockingHandler(this::handle));
    }

    /**
     * Back to the builder's readings ({@code RecordCount}, omitted columns); LeadSquared keeps no session state and
     * the lead store is reset by the emulator.
     */
    public void reset() {
        recordCount(emulator.settings().leadSquaredRecordCount());
        omitColumns(emulator.settings().leadSquaredOmittedColumns());
    }

    /** From now on, answers count {@code RecordCount} this way (until {@link #reset()}). */
    public void recordCount(RecordCount reading) {
        this.recordCount = Objects.requireNonNull(reading, "reading");
    }

    /** What answers count in {@code RecordCount}. */
    public RecordCount recordCount() {
        return recordCount;
    }

    /**
     * From now on, answers leave these columns out (names ignore case) even when requested, as the document's example
     * answer does with {@link #EXAMPLE_OMITTED_COLUMNS}; an empty collection answers every requested column.
     */
    public void omitColumns(Collection<String> columns) {
        Set<String> lower = new HashSet<>();
        columns.forEach(c -> lower.add(c.trim().toLowerCase(Locale.ROOT)));
        this.omittedColumns = Set.copyOf(lower);
    }

    /** The columns answers leave out, lower-case. */
    public Set<String> omittedColumns() {
        return omittedColumns;
    }

    /** Nothing to release: the handler lives on the emulator's server. */
    public void stop() {
    }

    private void handle(HttpServerExchange exchange) throws IOException {
        if (!Methods.POST.equals(exchange.getRequestMethod()) || !BY_IDS_PATH.equals(exchange.getRequestPath())) {
            answer(exchange, "unknown", LeadSquaredError.notFound());
            return;
        }
        try (VendorLimits.Permit permit = emulator.limits().enter(Api.LEADSQUARED)) {
            if (!permit.allowed()) {
                answer(exchange, OPERATION, rateLimited());
                return;
            }
            Optional<Fault> fault = emulator.faults().next(Api.LEADSQUARED, OPERATION);
            if (fault.isPresent() && applyFault(exchange, fault.get())) {
                return;
            }
            try {
                authenticate(exchange);
                ByIdsRequest request = readRequest(exchange);
                emulator.counters().record(Api.LEADSQUARED, OPERATION, "200");
                writeJson(exchange, 200, retrieve(request));
            } catch (LeadSquaredError error) {
                answer(exchange, OPERATION, error);
            }
        }
    }

    /** Applies an injected fault; true when the call has been answered (or dropped) by it. */
    private boolean applyFault(HttpServerExchange exchange, Fault fault) throws IOException {
        if (fault instanceof Fault.Latency latency) {
            sleep(latency.delay());
            return false;
        }
        if (fault instanceof Fault.DropConnection) {
            emulator.counters().record(Api.LEADSQUARED, OPERATION, "dropped");
            exchange.getConnection().close();
            return true;
        }
        if (fault instanceof Fault.HttpStatus status) {
            answer(exchange, OPERATION, LeadSquaredError.forStatus(status.status()));
            return true;
        }
        if (fault instanceof Fault.Redirect redirect) {
            emulator.counters().record(Api.LEADSQUARED, OPERATION, Integer.toString(redirect.status()));
            exchange.setStatusCode(redirect.status());
            exchange.getResponseHeaders().put(Headers.LOCATION, redirect.location());
            exchange.endExchange();
            return true;
        }
        if (fault instanceof Fault.Body body) {
            emulator.counters().record(Api.LEADSQUARED, OPERATION, Integer.toString(body.status()));
            write(exchange, body.status(), body.contentType(), body.body().getBytes(StandardCharsets.UTF_8));
            return true;
        }
        if (fault instanceof Fault.VendorError vendor && vendor.code().matches("\\d{3}")) {
            answer(exchange, OPERATION, LeadSquaredError.forStatus(Integer.parseInt(vendor.code())));
            return true;
        }
        return false; // ExpireTokens: LeadSquared has no tokens
    }

    private LeadSquaredError rateLimited() {
        LimitPolicy policy = emulator.limits().policy(Api.LEADSQUARED);
        Duration window = policy.window();
        String length = window.toMillis() % 1000 == 0 ? window.toSeconds() + " second(s)" : window.toMillis() + " millisecond(s)";
        return new LeadSquaredError(429, "MXAPIRateLimitExceededException",
                "API calls exceeded the limit of " + policy.callsPerWindow() + " in " + length);
    }

    private void authenticate(HttpServerExchange exchange) throws LeadSquaredError {
        String accessKey = credential(exchange, "accessKey", "x-LSQ-AccessKey");
        String secretKey = credential(exchange, "secretKey", "x-LSQ-SecretKey");
        if (!emulator.getLeadSquaredAccessKey().equals(accessKey) || !emulator.getLeadSquaredSecretKey().equals(secretKey)) {
            throw LeadSquaredError.unauthorized();
        }
    }

    private static String credential(HttpServerExchange exchange, String queryName, String headerName) {
        Deque<String> query = exchange.getQueryParameters().get(queryName);
        if (query != null && !query.isEmpty()) {
            return query.peekFirst();
        }
        return exchange.getRequestHeaders().getFirst(headerName);
    }

    private ByIdsRequest readRequest(HttpServerExchange exchange) throws IOException, LeadSquaredError {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw LeadSquaredError.badRequest("Content-Type must be application/json, was " + contentType);
        }
        return ByIdsRequest.parse(json, exchange.getInputStream().readAllBytes());
    }

    private Map<String, Object> retrieve(ByIdsRequest request) {
        List<EmulatorLead> found = new ArrayList<>();
        for (String id : request.leadIds()) {
            OptionalInt marketoId = ProspectIds.marketoIdOf(id);
            if (marketoId.isPresent()) {
                emulator.store().findById(marketoId.getAsInt()).ifPresent(found::add);
            }
        }
        long from = (long) (request.pageIndex() - 1) * request.pageSize();
        Set<String> omitted = omittedColumns;
        List<String> columns = request.columns().stream().filter(c -> !omitted.contains(c.toLowerCase(Locale.ROOT))).toList();
        List<Map<String, String>> page = new ArrayList<>();
        for (long i = from; i < found.size() && i < from + request.pageSize(); i++) {
            page.add(LeadColumns.project(found.get((int) i), columns));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RecordCount", recordCount == RecordCount.PER_PAGE ? page.size() : found.size());
        body.put("Leads", page);
        return body;
    }

    private void answer(HttpServerExchange exchange, String operation, LeadSquaredError error) throws IOException {
        emulator.counters().record(Api.LEADSQUARED, operation, Integer.toString(error.status()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", "Error");
        body.put("ExceptionType", error.exceptionType());
        body.put("ExceptionMessage", error.getMessage());
        writeJson(exchange, error.status(), body);
    }

    private void writeJson(HttpServerExchange exchange, int status, Object body) throws IOException {
        write(exchange, status, "application/json; charset=utf-8", json.writeValueAsBytes(body));
    }

    private static void write(HttpServerExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.setResponseContentLength(bytes.length);
        exchange.getOutputStream().write(bytes);
        exchange.endExchange();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
