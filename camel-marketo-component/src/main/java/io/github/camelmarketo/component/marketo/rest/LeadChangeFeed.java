package io.github.camelmarketo.component.marketo.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.component.marketo.model.ActivityPage;
import io.github.camelmarketo.component.marketo.model.LeadActivity;
import io.github.camelmarketo.component.marketo.model.MarketoException;

/**
 * The activity feed calls of {@code swagger-mapi.json} the lead-change consumer uses:
 * {@code activities/pagingtoken.json} (required {@code sinceDatetime}), {@code activities/leadchanges.json}
 * (required {@code nextPageToken} and {@code fields}, {@code batchSize} at most 300) and
 * {@code activities/deletedleads.json} (required {@code nextPageToken}, {@code batchSize} at most 300), mapped to
 * {@link ActivityPage}s. Reads, so the transport retries them like every GET.
 */
final class LeadChangeFeed {

    /** The vendor's largest (and default) {@code batchSize} of the activity reads. */
    static final int MAX_BATCH_SIZE = 300;

    private static final String OPERATION = "getMultipleLeads";
    /** ISO-8601 with an offset, also written without a colon ({@code +0000}) as some vendor answers do. */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd().toFormatter(Locale.ROOT);

    private final RestTransport transport;

    LeadChangeFeed(RestTransport transport) {
        this.transport = transport;
    }

    String pagingToken(Instant sinceDatetime) {
        RestEnvelope envelope = transport.call(RestRequest.get(OPERATION, activities("/pagingtoken.json"))
                .param("sinceDatetime", sinceDatetime.toString()));
        String token = envelope.nextPageToken();
        if (token == null) {
            throw new MarketoException(OPERATION, null, "activities/pagingtoken.json returned no nextPageToken",
                    envelope.requestId(), null);
        }
        return token;
    }

    ActivityPage leadChanges(String nextPageToken, List<String> fields, int batchSize) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("activities/leadchanges.json needs at least one field");
        }
        return page(RestRequest.get(OPERATION, activities("/leadchanges.json"))
                .param("nextPageToken", nextPageToken)
                .param("fields", String.join(",", RestLeadMapper.restNames(fields)))
                .param("batchSize", batch(batchSize)), nextPageToken);
    }

    ActivityPage deletedLeads(String nextPageToken, int batchSize) {
        return page(RestRequest.get(OPERATION, activities("/deletedleads.json"))
                .param("nextPageToken", nextPageToken)
                .param("batchSize", batch(batchSize)), nextPageToken);
    }

    private ActivityPage page(RestRequest request, String token) {
        RestEnvelope envelope = transport.call(request);
        List<LeadActivity> activities = new ArrayList<>();
        for (JsonNode record : envelope.result()) {
            List<String> changed = new ArrayList<>();
            record.path("fields").forEach(field -> {
                String name = RestEnvelope.text(field, "name");
                if (name != null) {
                    changed.add(name);
                }
            });
            activities.add(new LeadActivity(record.path("leadId").asLong(), date(record, envelope),
                    record.path("activityTypeId").asInt(), changed));
        }
        String next = envelope.nextPageToken();
        // the vendor always answers a token; keep the old one should it not, so the feed never goes back
        return new ActivityPage(activities, next != null ? next : token, Boolean.TRUE.equals(envelope.moreResult()));
    }

    private static Instant date(JsonNode record, RestEnvelope envelope) {
        String text = RestEnvelope.text(record, "activityDate");
        try {
            return text == null ? null : OffsetDateTime.parse(text, DATE).toInstant();
        } catch (DateTimeParseException e) {
            throw new MarketoException(OPERATION, null, "activity " + RestEnvelope.text(record, "id")
                                                        + " has an unreadable activityDate '" + text + "'",
                    envelope.requestId(), null, e);
        }
    }

    private String activities(String path) {
        return transport.urls().rest() + "/v1/activities" + path;
    }

    private static int batch(int batchSize) {
        return Math.max(1, Math.min(batchSize, MAX_BATCH_SIZE));
    }
}
