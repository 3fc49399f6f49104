package io.github.camelmarketo.component.marketo.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.github.camelmarketo.component.marketo.model.ActivityPage;
import io.github.camelmarketo.component.marketo.model.ActivityType;

/**
 * Asks the activity feed whether any lead's data changed since a moment, so an idle lastUpdateAt consumer need not
 * run a Bulk Extract job to find out: {@code activities/pagingtoken.json} then {@code activities.json} of the
 * activity types that change lead data (2 calls), against create, enqueue, status and file (4 calls and one of the
 * instance's export jobs). The types are looked up by name in {@code activities/types.json} once (ids differ between
 * instances); an instance that has none of them, or pages that keep coming back empty with {@code moreResult}, make
 * the probe answer true, so the caller reads the leads rather than risk missing one.
 */
final class LeadDataChangeProbe {

    /** Activity types whose activities change a lead record, by the names Marketo gives them. */
    static final Set<String> LEAD_DATA_TYPES = Set.of("New Lead", "Change Data Value", "Change Score", "Merge Leads",
            "Change Lead Partition", "Change Segment", "Change Status in Progression");

    private static final String OPERATION = "getMultipleLeads";
    /** Empty pages read before giving up and answering true. */
    private static final int MAX_PAGES = 3;
    private static final int BATCH_SIZE = 10;

    private final LeadChangeFeed feed;
    private volatile List<Integer> typeIds;

    LeadDataChangeProbe(LeadChangeFeed feed) {
        this.feed = feed;
    }

    /** Whether an activity that changes lead data was logged at or after {@code since}. */
    boolean changedSince(Instant since) {
        List<Integer> types = typeIds();
        if (types.isEmpty()) {
            return true;
        }
        String token = feed.pagingToken(OPERATION, since);
        for (int page = 0; page < MAX_PAGES; page++) {
            ActivityPage activities = feed.leadActivities(OPERATION, token, types, List.of(), null, BATCH_SIZE);
            if (!activities.activities().isEmpty()) {
                return true;
            }
            if (!activities.moreResult()) {
                return false;
            }
            token = activities.nextPageToken();
        }
        return true;
    }

    private List<Integer> typeIds() {
        List<Integer> ids = typeIds;
        if (ids == null) {
            // at most 10 ids per activities.json call; there are fewer names than that
            ids = feed.types(OPERATION).stream().filter(type -> LEAD_DATA_TYPES.contains(type.name()))
                    .map(ActivityType::id).sorted().limit(10).toList();
            typeIds = ids;
        }
        return ids;
    }
}
