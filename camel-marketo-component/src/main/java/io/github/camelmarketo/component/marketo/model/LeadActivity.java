package io.github.camelmarketo.component.marketo.model;

import java.time.Instant;
import java.util.List;

/**
 * One activity of the REST activity feed as the lead-change consumer uses it: a New Lead or Change Data Value
 * activity of {@code activities/leadchanges.json}, or a Delete Lead record of {@code activities/deletedleads.json}.
 *
 * @param leadId         the lead the activity belongs to
 * @param activityDate   when it happened
 * @param activityTypeId the vendor's activity type (commonly 12 New Lead, 13 Change Data Value, 37 Delete Lead)
 * @param changedFields  names of the fields the activity changed ({@code fields[].name}); empty for other activities
 */
public record LeadActivity(long leadId, Instant activityDate, int activityTypeId, List<String> changedFields) {

    public LeadActivity {
        changedFields = List.copyOf(changedFields);
    }
}
