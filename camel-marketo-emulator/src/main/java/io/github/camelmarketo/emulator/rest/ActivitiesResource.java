package io.github.camelmarketo.emulator.rest;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.emulator.core.Activity;
import io.github.camelmarketo.emulator.core.ActivityLog;
import io.github.camelmarketo.emulator.core.ActivityTypes;
import io.github.camelmarketo.emulator.core.LeadField;
import io.github.camelmarketo.emulator.core.LeadStore;

/**
 * The activity endpoints of {@code swagger-mapi.json}: {@code activities/pagingtoken.json?sinceDatetime=},
 * {@code activities/leadchanges.json} (required {@code fields}), {@code activities/deletedleads.json},
 * {@code activities.json} (required {@code activityTypeIds}, at most 10) and {@code activities/types.json}. Reads
 * take a required {@code nextPageToken}, at most 30 {@code leadIds}, an optional {@code listId} and {@code batchSize}
 * (default and maximum 300), and always answer the token to continue from with {@code moreResult}; a page may be
 * empty while {@code moreResult} is true (each read scans a bounded stretch of the log).
 */
final class ActivitiesResource {

    static final int MAX_BATCH = 300;
    static final int MAX_LEAD_IDS = 30;
    static final int MAX_ACTIVITY_TYPES = 10;
    /** Activities one read examines at most, unless configured otherwise. */
    static final int DEFAULT_SCAN_LIMIT = 1000;

    private static final String BASE = "/rest/v1/activities";

    private final LeadStore store;
    private final LeadMapper mapper;
    private final IntSupplier scanLimit;

    ActivitiesResource(LeadStore store, LeadMapper mapper, IntSupplier scanLimit) {
        this.store = store;
        this.mapper = mapper;
        this.scanLimit = scanLimit;
    }

    void register(Router router) {
        router.add("GET", BASE + "/pagingtoken.json", this::pagingToken)
                .add("GET", BASE + "/leadchanges.json", this::leadChanges)
                .add("GET", BASE + "/deletedleads.json", this::deletedLeads)
                .add("GET", BASE + "/types.json", this::types)
                .add("GET", BASE + ".json", this::activities);
    }

    RestResponse pagingToken(RestRequest request) {
        String since = request.param("sinceDatetime");
        if (since == null || since.isBlank()) {
            throw RestApiException.invalid("Missing value for required parameter 'sinceDatetime'");
        }
        Instant sinceDatetime = Json.parseDate("sinceDatetime", since);
        ObjectNode envelope = Envelope.done();
        envelope.put("nextPageToken", ActivityToken.encode(ActivityLog.Cursor.since(sinceDatetime)));
        return RestResponse.envelope(envelope);
    }

    RestResponse leadChanges(RestRequest request) {
        ActivityLog.Cursor cursor = ActivityToken.decode(request);
        List<String> names = request.listParam("fields");
        if (names.isEmpty()) {
            throw RestApiException.invalid("Missing value for required parameter 'fields'");
        }
        Set<String> fields = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        mapper.resolve(names).stream().map(LeadField::restName).forEach(fields::add);
        Predicate<Activity> filter = a -> a.activityTypeId() == ActivityTypes.NEW_LEAD
                || a.activityTypeId() == ActivityTypes.CHANGE_DATA_VALUE && fields.contains(a.change().name());
        return read(request, cursor, filter.and(leadFilter(request)), ActivityJson::leadChange);
    }

    RestResponse deletedLeads(RestRequest request) {
        ActivityLog.Cursor cursor = ActivityToken.decode(request);
        store.activities().pruneDeleted(store.clock().instant());
        int batchSize = request.intParam("batchSize", MAX_BATCH, 1, MAX_BATCH);
        return answer(store.activities().readDeletions(cursor, batchSize, scanLimit.getAsInt()), ActivityJson::activity);
    }

    RestResponse activities(RestRequest request) {
        ActivityLog.Cursor cursor = ActivityToken.decode(request);
        Set<Integer> types = new LinkedHashSet<>(ints(request, "activityTypeIds"));
        if (types.isEmpty()) {
            throw RestApiException.invalid("Missing value for required parameter 'activityTypeIds'");
        }
        if (types.size() > MAX_ACTIVITY_TYPES) {
            throw RestApiException.invalid("Too many values in 'activityTypeIds': " + types.size() + ", at most "
                                           + MAX_ACTIVITY_TYPES);
        }
        for (int type : types) {
            if (!ActivityTypes.exists(type)) {
                throw RestApiException.invalid("Invalid activity type id " + type + "; see activities/types.json");
            }
        }
        Set<Integer> assetIds = new HashSet<>(ints(request, "assetIds"));
        store.activities().pruneDeleted(store.clock().instant());
        Predicate<Activity> filter = a -> types.contains(a.activityTypeId())
                && (assetIds.isEmpty() || assetIds.contains((int) a.primaryAttributeValueId()));
        return read(request, cursor, filter.and(leadFilter(request)), ActivityJson::activity);
    }

    RestResponse types(RestRequest request) {
        ArrayNode result = Json.array();
        ActivityTypes.ALL.forEach(type -> result.add(ActivityJson.type(type)));
        return RestResponse.envelope(Envelope.success(result));
    }

    private RestResponse read(RestRequest request, ActivityLog.Cursor cursor, Predicate<Activity> filter,
                              Function<Activity, ObjectNode> render) {
        int batchSize = request.intParam("batchSize", MAX_BATCH, 1, MAX_BATCH);
        return answer(store.activities().read(cursor, batchSize, scanLimit.getAsInt(), filter), render);
    }

    private static RestResponse answer(ActivityLog.Page page, Function<Activity, ObjectNode> render) {
        ArrayNode result = Json.array();
        page.activities().forEach(a -> result.add(render.apply(a)));
        ObjectNode envelope = Envelope.success(result);
        envelope.put("nextPageToken", ActivityToken.encode(page.next()));
        envelope.put("moreResult", page.more());
        return RestResponse.envelope(envelope);
    }

    /** The optional {@code leadIds} (at most 30) and {@code listId} (members now; 1013 if unknown) filters. */
    private Predicate<Activity> leadFilter(RestRequest request) {
        List<Integer> leadIds = ints(request, "leadIds");
        if (leadIds.size() > MAX_LEAD_IDS) {
            throw RestApiException.invalid("Too many values in 'leadIds': " + leadIds.size() + ", at most "
                                           + MAX_LEAD_IDS);
        }
        Set<Integer> leads = new HashSet<>(leadIds);
        Set<Integer> members;
        if (request.param("listId") != null) {
            int listId = request.intParam("listId", 0, 1, Integer.MAX_VALUE);
            members = new HashSet<>(store.findList(listId).orElseThrow(() -> new RestApiException(
                    RestErrors.OBJECT_NOT_FOUND, "Static list " + listId + " not found")).memberIds());
        } else {
            members = null;
        }
        return a -> (leads.isEmpty() || leads.contains(a.leadId())) && (members == null || members.contains(a.leadId()));
    }

    /** An integer list parameter; 1003 naming it when a value is not an integer. */
    private static List<Integer> ints(RestRequest request, String name) {
        return request.listParam(name).stream().map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw RestApiException.invalid("Invalid value for '" + name + "': '" + value + "', expected integers");
            }
        }).toList();
    }
}
