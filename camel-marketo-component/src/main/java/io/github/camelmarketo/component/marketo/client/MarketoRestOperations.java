package io.github.camelmarketo.component.marketo.client;

import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.marketo.model.ActivityPage;
import io.github.camelmarketo.component.marketo.model.ActivityType;
import io.github.camelmarketo.component.marketo.model.ImportResult;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadField;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.LeadPartition;
import io.github.camelmarketo.component.marketo.model.LeadSchema;
import io.github.camelmarketo.component.marketo.model.SyncResult;

/**
 * The REST Leads API calls SOAP does not have (seed 002), over the shared model. The REST transport implements it
 * next to {@link MarketoClient}; the REST-only producer operations use only this interface. Callers chunk lists to
 * {@code MarketoOperation#getChunkLimit()} (300 ids or records; 25 losing leads for merge) before calling.
 */
public interface MarketoRestOperations {

    /**
     * A page of records that are not leads (static lists, programs, smart campaigns), as JSON objects.
     *
     * @param records       the records of this page
     * @param nextPageToken the token of the next page, null after the last
     * @param hasMore       whether another page follows
     */
    record RecordPage(List<Map<String, Object>> records, String nextPageToken, boolean hasMore) {
        public RecordPage {
            records = List.copyOf(records);
        }
    }

    /**
     * Whether the activity feed logged a change of lead data (new lead, changed value or score, merge, ...) since
     * {@code since}: {@code activities/pagingtoken.json} then {@code activities.json} of those activity types, a few
     * pages at most (when the pages it may read say nothing, it answers true: the caller then reads the leads).
     */
    boolean leadsChangedSince(Instant since);

    /** The lead schema: {@code GET /rest/v1/leads/describe.json}. */
    List<LeadField> describeLeads();

    /**
     * One page of leads whose {@code filterType} field has one of {@code values} (at most 300):
     * {@code GET /rest/v1/leads.json} (sent as {@code POST _method=GET} when the query is too long).
     */
    LeadPage getLeadsByFilter(String filterType, List<String> values, List<String> fields, String pageToken, int batchSize);

    /** Syncs at most 300 leads: {@code POST /rest/v1/leads.json}; one result per lead, in input order. */
    List<SyncResult> syncLeads(List<Lead> leads, SyncOptions options);

    /** Deletes at most 300 leads by id: {@code POST /rest/v1/leads/delete.json}; one result per id, in input order. */
    List<SyncResult> deleteLeads(List<Long> leadIds);

    /** Merges at most 25 losing leads into {@code winnerId}: {@code POST /rest/v1/leads/{id}/merge.json}. */
    void mergeLeads(long winnerId, List<Long> loserIds, boolean mergeInCrm);

    /** Associates a Munchkin cookie with a lead: {@code POST /rest/v1/leads/{id}/associate.json?cookie=}. */
    void associateLead(long leadId, String cookie);

    /**
     * Pushes at most 300 leads into a program: {@code POST /rest/v1/leads/push.json}.
     *
     * @param programName required program the activity is attributed to
     * @param source      optional free text recorded on the activity
     * @param reason      optional free text recorded on the activity
     */
    List<SyncResult> pushLeads(List<Lead> leads, String programName, String source, String reason, SyncOptions options);

    /** One page of the members of a static list: {@code GET /rest/v1/lists/{id}/leads.json}. */
    LeadPage getLeadsByList(long listId, List<String> fields, String pageToken, int batchSize);

    /** One page of the members of a program: {@code GET /rest/v1/leads/programs/{id}.json}. */
    LeadPage getLeadsByProgram(long programId, List<String> fields, String pageToken, int batchSize);

    /** Static lists a lead belongs to: {@code GET /rest/v1/leads/{id}/listMembership.json}. */
    RecordPage getListsByLead(long leadId, String pageToken, int batchSize);

    /** Programs a lead belongs to: {@code GET /rest/v1/leads/{id}/programMembership.json}. */
    RecordPage getProgramsByLead(long leadId, String pageToken, int batchSize);

    /** Smart campaigns a lead belongs to: {@code GET /rest/v1/leads/{id}/smartCampaignMembership.json}. */
    RecordPage getCampaignsByLead(long leadId, String pageToken, int batchSize);

    /** The id of the static list named {@code name}: {@code GET /rest/v1/lists.json?name=}. */
    long resolveStaticListId(String name);

    /**
     * Adds at most 300 leads to a static list: {@code POST /rest/v1/lists/{listId}/leads.json}; one result per id,
     * in input order ({@code ADDED}, or {@code SKIPPED} with the reason, e.g. 1004 lead not found).
     */
    List<SyncResult> addToList(long listId, List<Long> leadIds);

    /**
     * Removes at most 300 leads from a static list: {@code DELETE /rest/v1/lists/{listId}/leads.json}; one result
     * per id, in input order ({@code REMOVED}, or {@code SKIPPED} with the reason, e.g. 1015 lead not in list).
     */
    List<SyncResult> removeFromList(long listId, List<Long> leadIds);

    /**
     * Checks at most 300 leads for membership of a static list: {@code GET /rest/v1/lists/{listId}/leads/ismember.json};
     * one result per id, in input order ({@code MEMBER}, {@code NOT_MEMBER}, or {@code SKIPPED} for unknown leads).
     */
    List<SyncResult> isMemberOfList(long listId, List<Long> leadIds);

    /** The lead schema with searchable fields: {@code GET /rest/v1/leads/describe2.json}. */
    LeadSchema describeLeads2();

    /** The lead with {@code leadId}: {@code GET /rest/v1/lead/{leadId}.json}; empty when no lead has that id. */
    List<Lead> getLeadById(long leadId, List<String> fields);

    /** The lead partitions of the instance: {@code GET /rest/v1/leads/partitions.json}. */
    List<LeadPartition> getLeadPartitions();

    /**
     * Moves at most 300 leads to {@code partitionName}: {@code POST /rest/v1/leads/partitions.json}; one result per
     * id, in input order.
     */
    List<SyncResult> updateLeadPartitions(List<Long> leadIds, String partitionName);

    /**
     * Sets the program status of at most 300 program members: {@code POST /rest/v1/leads/programs/{programId}/status.json};
     * one result per id, in input order (leads that are not members are {@code SKIPPED}).
     */
    List<SyncResult> changeProgramStatus(long programId, String status, List<Long> leadIds);

    /**
     * Passes at most 100 leads to a trigger campaign: {@code POST /rest/v1/campaigns/{campaignId}/trigger.json}.
     *
     * @param tokens My Tokens of the campaign's program to override for this run ({@code {{my.name}}} to value)
     */
    void requestCampaign(long campaignId, List<Long> leadIds, Map<String, String> tokens);

    /**
     * Schedules a batch campaign: {@code POST /rest/v1/campaigns/{campaignId}/schedule.json}.
     *
     * @param runAt  when to run, null for the vendor's default (five minutes after the call)
     * @param tokens My Tokens of the campaign's program to override for this run
     */
    void scheduleCampaign(long campaignId, Instant runAt, Map<String, String> tokens);

    /**
     * Imports leads with the Bulk Lead Import API: CSV files of at most {@code importFileSize} bytes, one batch each
     * ({@code POST /bulk/v1/leads.json}), each polled until complete; failed and warned rows are mapped back to their
     * input records. The iterator is read once, one file at a time.
     *
     * @param lookupField   deduplication field, null for the vendor's default (email)
     * @param partitionName partition of new leads, or null
     * @param listId        static list the imported leads join, or null
     */
    ImportResult importLeads(Iterator<Lead> leads, String lookupField, String partitionName, Long listId);

    /** Like {@link #importLeads(Iterator, String, String, Long)} for a CSV body whose first row names REST fields. */
    ImportResult importCsv(InputStream csv, String lookupField, String partitionName, Long listId);

    /**
     * The paging token that starts an activity read at {@code sinceDatetime}:
     * {@code GET /rest/v1/activities/pagingtoken.json?sinceDatetime=}.
     *
     * @param operation the operation the read is for (named by errors and logs)
     */
    String getActivityPagingToken(String operation, Instant sinceDatetime);

    /**
     * One page of New Lead and Change Data Value activities after {@code nextPageToken}:
     * {@code GET /rest/v1/activities/leadchanges.json?nextPageToken=&fields=&batchSize=}.
     *
     * @param fields    the lead fields whose changes to return (required by the vendor, at least one)
     * @param batchSize at most 300
     */
    ActivityPage getLeadChanges(String nextPageToken, List<String> fields, int batchSize);

    /**
     * One page of deleted leads after {@code nextPageToken}:
     * {@code GET /rest/v1/activities/deletedleads.json?nextPageToken=&batchSize=} (the vendor may prune deletions
     * older than 14 days).
     *
     * @param operation the operation the read is for (named by errors and logs)
     * @param batchSize at most 300
     */
    ActivityPage getDeletedLeads(String operation, String nextPageToken, int batchSize);

    /**
     * One page of activities of the given types after {@code nextPageToken}:
     * {@code GET /rest/v1/activities.json?nextPageToken=&activityTypeIds=&leadIds=&listId=&batchSize=}.
     *
     * @param activityTypeIds 1 to 10 activity type ids ({@link #getActivityTypes()} lists them)
     * @param leadIds         at most 30 lead ids, or empty for every lead
     * @param listId          only activities of the members of this static list, or null
     * @param batchSize       at most 300
     */
    ActivityPage getLeadActivities(String nextPageToken, List<Integer> activityTypeIds, List<Long> leadIds, Long listId,
                                   int batchSize);

    /** The activity types of the instance: {@code GET /rest/v1/activities/types.json}. */
    List<ActivityType> getActivityTypes();
}
