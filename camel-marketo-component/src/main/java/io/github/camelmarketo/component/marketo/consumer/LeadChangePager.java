package io.github.camelmarketo.component.marketo.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.marketo.client.MarketoRestOperations;
import io.github.camelmarketo.component.marketo.model.ActivityPage;
import io.github.camelmarketo.component.marketo.model.ChangedLead;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the lead-change feed one page per call for the consumer: a paging token from the watermark when the cursor
 * has no position yet, then pages of lead changes (New Lead, Change Data Value of {@code fields}) up to
 * {@code moreResult=false}, then, with {@code includeDeleted}, pages of deleted leads up to {@code moreResult=false}:
 * that is the end of a pass. The next pass continues from the tokens of the last pages. Each changed lead of a page
 * is fetched by id ({@code leads.json?filterType=id}, 300 ids per call, the endpoint's fields) so the exchange
 * carries the lead as it is now; a changed lead that no longer exists is left to the deletions (or dropped without
 * {@code includeDeleted}).
 */
public final class LeadChangePager {

    /**
     * Fields whose changes are read when the endpoint's {@code fields} option is unset: standard fields every
     * Marketo instance has.
     */
    public static final List<String> DEFAULT_CHANGE_FIELDS = List.of("email", "firstName", "lastName", "company",
            "title", "phone");

    /** The vendor's limit of ids per {@code leads.json?filterType=id} call. */
    static final int IDS_PER_CALL = 300;

    /** The operation the consumer's reads are for. */
    private static final String OPERATION = "getMultipleLeads";

    private static final Logger LOG = LoggerFactory.getLogger(LeadChangePager.class);

    /**
     * One page of the feed.
     *
     * @param leads        one entry per lead of the page, in the order of the lead's first activity
     * @param nextPosition the position after this page ({@link LeadChangePosition#encode()}), never null
     * @param passComplete whether this page ended a pass (lead changes and deletions read up to moreResult=false)
     */
    public record Batch(List<ChangedLead> leads, String nextPosition, boolean passComplete) {
        public Batch {
            leads = List.copyOf(leads);
        }
    }

    private final MarketoRestOperations rest;
    private final List<String> fields;
    private final List<String> changeFields;
    private final boolean includeDeleted;

    /**
     * @param fields         the endpoint's fields: the lead fields fetched and the fields whose changes are read
     *                       (empty: the vendor's default lead fields, changes of {@link #DEFAULT_CHANGE_FIELDS})
     * @param includeDeleted whether deleted leads are read
     */
    public LeadChangePager(MarketoRestOperations rest, List<String> fields, boolean includeDeleted) {
        this.rest = rest;
        this.fields = List.copyOf(fields);
        this.changeFields = fields.isEmpty() ? DEFAULT_CHANGE_FIELDS : this.fields;
        this.includeDeleted = includeDeleted;
    }

    /**
     * The page at {@code position}, or, when it is null, the first page after {@code watermark}.
     *
     * @param batchSize activities per read (at most 300)
     */
    public Batch next(String position, Instant watermark, int batchSize) {
        LeadChangePosition pos = position != null
                ? LeadChangePosition.decode(position)
                : LeadChangePosition.start(rest.getActivityPagingToken(OPERATION, watermark));
        if (!pos.deletions()) {
            ActivityPage page = rest.getLeadChanges(pos.changesToken(), changeFields, batchSize);
            List<ChangedLead> leads = changedLeads(page);
            boolean changesDone = !page.moreResult();
            LeadChangePosition next = pos.afterChanges(page.nextPageToken(), changesDone && includeDeleted);
            return new Batch(leads, next.encode(), changesDone && !includeDeleted);
        }
        ActivityPage page = rest.getDeletedLeads(OPERATION, pos.deletedToken(), batchSize);
        List<ChangedLead> leads = new ArrayList<>();
        for (LeadChangeGroups.Group group : LeadChangeGroups.of(page.activities())) {
            leads.add(new ChangedLead(group.leadId(), null, true, group.latestDate(), List.of()));
        }
        boolean deletionsDone = !page.moreResult();
        return new Batch(leads, pos.afterDeletions(page.nextPageToken(), deletionsDone).encode(), deletionsDone);
    }

    private List<ChangedLead> changedLeads(ActivityPage page) {
        List<LeadChangeGroups.Group> groups = LeadChangeGroups.of(page.activities());
        Map<Long, Lead> current = fetch(groups);
        List<ChangedLead> leads = new ArrayList<>(groups.size());
        for (LeadChangeGroups.Group group : groups) {
            Lead lead = current.get(group.leadId());
            if (lead == null) {
                LOG.debug("Lead {} changed but no longer exists{}", group.leadId(),
                        includeDeleted ? ": its deletion follows" : "");
                continue;
            }
            leads.add(new ChangedLead(group.leadId(), lead, false, group.latestDate(), group.changedFields()));
        }
        return leads;
    }

    /** The current leads of the groups, by id, in calls of at most 300 ids. */
    private Map<Long, Lead> fetch(List<LeadChangeGroups.Group> groups) {
        Map<Long, Lead> leads = new HashMap<>();
        for (int from = 0; from < groups.size(); from += IDS_PER_CALL) {
            List<String> ids = new ArrayList<>();
            for (LeadChangeGroups.Group group : groups.subList(from, Math.min(groups.size(), from + IDS_PER_CALL))) {
                ids.add(Long.toString(group.leadId()));
            }
            LeadPage page = rest.getLeadsByFilter("id", ids, fields, null, IDS_PER_CALL);
            for (Lead lead : page.leads()) {
                if (lead.getId() != null) {
                    leads.put(lead.getId(), lead);
                }
            }
        }
        return leads;
    }
}
