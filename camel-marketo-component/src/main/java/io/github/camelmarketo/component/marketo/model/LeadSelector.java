package io.github.camelmarketo.component.marketo.model;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Which leads {@code getMultipleLeads} returns: by keys, by last update time, or by static list membership (SOAP's
 * selector types; the REST transport maps each to its REST equivalent), or, for the REST consumer only, by the
 * activity feed of lead changes.
 */
public sealed interface LeadSelector {

    /**
     * Leads with the given key values. Any number of values: the component chunks them to the vendor limit (100 per
     * SOAP call, 300 per REST call) and returns results in chunk order.
     */
    record ByKeys(LeadKeyType keyType, List<String> values) implements LeadSelector {
        public ByKeys {
            if (keyType == null) {
                throw new IllegalArgumentException("LeadSelector.ByKeys.keyType is required");
            }
            values = List.copyOf(values);
        }
    }

    /** Leads updated in {@code [oldestUpdatedAt, latestUpdatedAt]}; latest may be null (until now). */
    record ByLastUpdate(OffsetDateTime oldestUpdatedAt, OffsetDateTime latestUpdatedAt) implements LeadSelector {
        public ByLastUpdate {
            if (oldestUpdatedAt == null) {
                throw new IllegalArgumentException("LeadSelector.ByLastUpdate.oldestUpdatedAt is required");
            }
            if (latestUpdatedAt != null && latestUpdatedAt.isBefore(oldestUpdatedAt)) {
                throw new IllegalArgumentException(
                        "latestUpdatedAt " + latestUpdatedAt + " is before oldestUpdatedAt " + oldestUpdatedAt);
            }
        }
    }

    /** Members of a static list, by name or by id (exactly one of them). */
    record ByStaticList(String listName, Long listId) implements LeadSelector {
        public ByStaticList {
            if ((listName == null || listName.isBlank()) == (listId == null)) {
                throw new IllegalArgumentException("LeadSelector.ByStaticList needs exactly one of listName or listId");
            }
        }

        public static ByStaticList named(String name) {
            return new ByStaticList(name, null);
        }

        public static ByStaticList id(long id) {
            return new ByStaticList(null, id);
        }
    }

    /**
     * Leads changed (created, a field changed) or deleted since {@code sinceDatetime}, read from the REST activity
     * feed ({@code activities/leadchanges.json}, {@code activities/deletedleads.json}). REST only, and only the
     * polling consumer reads it: the feed is a stream with a position, not a query one call answers.
     *
     * @param sinceDatetime  where the feed starts (the vendor's {@code sinceDatetime} of the first paging token)
     * @param includeDeleted whether deleted leads are read too
     */
    record ByLeadChanges(OffsetDateTime sinceDatetime, boolean includeDeleted) implements LeadSelector {
        public ByLeadChanges {
            if (sinceDatetime == null) {
                throw new IllegalArgumentException("LeadSelector.ByLeadChanges.sinceDatetime is required");
            }
        }
    }
}
