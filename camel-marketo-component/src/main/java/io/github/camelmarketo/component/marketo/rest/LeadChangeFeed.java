package io.github.camelmarketo.component.marketo.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.component.marketo.model.Activity;
import io.github.camelmarketo.component.marketo.model.ActivityPage;
import io.github.camelmarketo.component.marketo.model.ActivityType;
import io.github.camelmarketo.component.marketo.model.MarketoException;

/**
 * The activity calls of {@code swagger-mapi.json}, shared by the lead-change consumer and the activity producer
 * operations: {@code activities/pagingtoken.json} (required {@code sinceDatetime}), {@code activities/leadchanges.json}
 * (required {@code nextPageToken} and {@code fields}), {@code activities/deletedleads.json} (required
 * {@code nextPageToken}), {@code activities.json} (required {@code nextPageToken} and {@code activityTypeIds}, at most
 * 10; optional {@code leadIds}, at most 30, or {@code listId}) and {@code activities/types.json}. Every page read
 * takes {@code batchSize} at most 300 and is mapped to an {@link ActivityPage} by one mapping of the vendor's
 * {@code Activity}/{@code LeadChange} record. Reads, so the transport retries them like every GET.
 */
final class LeadChangeFeed {

    /** The vendor's largest (and default) {@code batchSize} of the activity reads. */
    static final int MAX_BATCH_SIZE = 300;

    /** ISO-8601 with an offset, also written without a colon ({@code +0000}) as some vendor answers do. */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd().toFormatter(Locale.ROOT);

    private final RestTransport transport;

    LeadChangeFeed(RestTransport transport) {
        this.transport = transport;
    }

    /** The token that starts an activity read at {@code sinceDatetime}; {@code operation} labels errors and logs. */
    String pagingToken(String operation, Instant sinceDatetime) {
        RestEnvelope envelope = transport.call(RestRequest.get(operation, activities("/pagingtoken.json"))
                .param("sinceDatetime", sinceDatetime.toString()));
        String token = envelope.nextPageToken();
        if (token == null) {
            throw new MarketoException(operation, null, "activities/pagingtoken.json returned no nextPageToken",
                    envelope.requestId(), null);
        }
        return token;
    }

    ActivityPage leadChanges(String operation, String nextPageToken, List<String> fields, int batchSize) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("activities/leadchanges.json needs at least one field");
        }
        return page(operation, RestRequest.get(operation, activities("/leadchanges.json"))
                .param("nextPageToken", nextPageToken)
                .param("fields", String.join(",", RestLeadMapper.restNames(fields)))
                .param("batchSize", batch(batchSize)), nextPageToken);
    }

    ActivityPage deletedLeads(String operation, String nextPageToken, int batchSize) {
        return page(operation, RestRequest.get(operation, activities("/deletedleads.json"))
                .param("nextPageToken", nextPageToken)
                .param("batchSize", batch(batchSize)), nextPageToken);
    }

    /**
     * One page of activities of the given types: {@code activities.json}. The lists are comma-separated, as the
     * parameters' descriptions say; callers keep them within the vendor's limits (10 types, 30 lead ids).
     *
     * @param leadIds at most 30, or empty for every lead
     * @param listId  members of this static list only, or null
     */
    ActivityPage leadActivities(String operation, String nextPageToken, List<Integer> activityTypeIds,
                                List<Long> leadIds, Long listId, int batchSize) {
        return page(operation, RestRequest.get(operation, transport.urls().rest() + "/v1/activities.json")
                .param("nextPageToken", nextPageToken)
                .param("activityTypeIds", join(activityTypeIds))
                .param("leadIds", leadIds.isEmpty() ? null : join(leadIds))
                .param("listId", listId)
                .param("batchSize", batch(batchSize)), nextPageToken);
    }

    /** The activity types of the instance: {@code activities/types.json}. */
    List<ActivityType> types(String operation) {
        RestEnvelope envelope = transport.call(RestRequest.get(operation, activities("/types.json")));
        List<ActivityType> types = new ArrayList<>();
        for (JsonNode record : envelope.result()) {
            List<ActivityType.Attribute> attributes = new ArrayList<>();
            record.path("attributes").forEach(a -> attributes.add(typeAttribute(a)));
            JsonNode primary = record.get("primaryAttribute");
            types.add(new ActivityType(record.path("id").asInt(), RestEnvelope.text(record, "name"),
                    RestEnvelope.text(record, "description"), RestEnvelope.text(record, "apiName"),
                    primary == null || primary.isNull() ? null : typeAttribute(primary), attributes));
        }
        return types;
    }

    private ActivityPage page(String operation, RestRequest request, String token) {
        RestEnvelope envelope = transport.call(request);
        List<Activity> activities = new ArrayList<>();
        for (JsonNode record : envelope.result()) {
            activities.add(activity(operation, record, envelope));
        }
        String next = envelope.nextPageToken();
        // the vendor always answers a token; keep the old one should it not, so the feed never goes back
        return new ActivityPage(activities, next != null ? next : token, Boolean.TRUE.equals(envelope.moreResult()));
    }

    /** An {@code Activity} or {@code LeadChange} record. */
    private static Activity activity(String operation, JsonNode record, RestEnvelope envelope) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        record.path("attributes").forEach(attribute -> {
            String name = RestEnvelope.text(attribute, "name");
            if (name != null) {
                attributes.put(name, scalar(attribute.get("value")));
            }
        });
        List<Activity.FieldChange> changes = new ArrayList<>();
        record.path("fields").forEach(field -> {
            String name = RestEnvelope.text(field, "name");
            if (name != null) {
                changes.add(new Activity.FieldChange(field.hasNonNull("id") ? field.get("id").asInt() : null, name,
                        RestEnvelope.text(field, "newValue"), RestEnvelope.text(field, "oldValue")));
            }
        });
        return new Activity(longOrNull(record, "id"), RestEnvelope.text(record, "marketoGUID"),
                record.path("leadId").asLong(), date(operation, record, envelope), record.path("activityTypeId").asInt(),
                longOrNull(record, "campaignId"), longOrNull(record, "primaryAttributeValueId"),
                RestEnvelope.text(record, "primaryAttributeValue"), attributes, changes);
    }

    private static ActivityType.Attribute typeAttribute(JsonNode node) {
        return new ActivityType.Attribute(RestEnvelope.text(node, "name"), RestEnvelope.text(node, "dataType"),
                RestEnvelope.text(node, "apiName"));
    }

    /** An attribute value as sent: String, Number or Boolean (JSON text of anything else). */
    private static Object scalar(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.isBoolean() ? value.booleanValue() : value.toString();
    }

    private static Long longOrNull(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }

    private static Instant date(String operation, JsonNode record, RestEnvelope envelope) {
        String text = RestEnvelope.text(record, "activityDate");
        try {
            return text == null ? null : OffsetDateTime.parse(text, DATE).toInstant();
        } catch (DateTimeParseException e) {
            throw new MarketoException(operation, null, "activity " + RestEnvelope.text(record, "id")
                                                        + " has an unreadable activityDate '" + text + "'",
                    envelope.requestId(), null, e);
        }
    }

    private String activities(String path) {
        return transport.urls().rest() + "/v1/activities" + path;
    }

    private static String join(List<? extends Number> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static int batch(int batchSize) {
        return Math.max(1, Math.min(batchSize, MAX_BATCH_SIZE));
    }
}
