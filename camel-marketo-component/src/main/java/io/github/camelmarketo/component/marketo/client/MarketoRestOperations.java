package io.github.camelmarketo.component.marketo.client;

import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadField;
import io.github.camelmarketo.component.marketo.model.LeadPage;
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
}
