package io.github.camelmarketo.component.marketo.model;

import java.time.Instant;
import java.util.List;

/**
 * What the lead-change consumer delivers for one lead of one feed page: the lead's current record (null when it was
 * deleted), and what the page said about it. Several activities of one lead in one page are one {@code ChangedLead}.
 *
 * @param leadId        the lead's id
 * @param lead          the lead as Marketo has it now (fetched by id), or null for a deleted lead
 * @param deleted       whether this is a deletion ({@code activities/deletedleads.json})
 * @param activityDate  the date of the lead's latest activity in the page
 * @param changedFields names of the fields its activities changed, in first-seen order without repeats (empty for a
 *                      New Lead activity alone and for a deletion)
 */
public record ChangedLead(long leadId, Lead lead, boolean deleted, Instant activityDate, List<String> changedFields) {

    public ChangedLead {
        changedFields = List.copyOf(changedFields);
    }
}
