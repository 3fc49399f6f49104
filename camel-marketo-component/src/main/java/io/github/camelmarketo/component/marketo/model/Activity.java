package io.github.camelmarketo.component.marketo.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One activity of a lead, as the REST activity reads return it ({@code Activity} of {@code activities.json} and
 * {@code activities/deletedleads.json}, {@code LeadChange} of {@code activities/leadchanges.json}). The body of the
 * {@code getLeadActivities} and {@code getDeletedLeads} operations is a list of these; the lead-change consumer
 * reads the same records.
 *
 * @param id                      the vendor's activity id; null when the instance does not send one (instances moved
 *                                to the Activity Service may omit it, and it is not unique there)
 * @param marketoGUID             the unique id of the activity, or null
 * @param leadId                  the lead the activity belongs to
 * @param activityDate            when it happened
 * @param activityTypeId          the activity type ({@code getActivityTypes} lists them; commonly 12 New Lead, 13
 *                                Change Data Value, 37 Delete Lead)
 * @param campaignId              the smart campaign that caused it, or null
 * @param primaryAttributeValueId id of the primary attribute's value (e.g. the lead or field id), or null
 * @param primaryAttributeValue   the primary attribute's value (e.g. the lead's name or the field's name), or null
 * @param attributes              the secondary attributes by name, in the vendor's order; values are String, Number
 *                                or Boolean as sent
 * @param fields                  the field changes of a {@code leadchanges.json} record; empty otherwise
 */
public record Activity(Long id, String marketoGUID, long leadId, Instant activityDate, int activityTypeId,
                       Long campaignId, Long primaryAttributeValueId, String primaryAttributeValue,
                       Map<String, Object> attributes, List<FieldChange> fields) {

    public Activity {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /**
     * One changed field of a lead-change record ({@code LeadChangeField}).
     *
     * @param id       the vendor's id of the change record, or null
     * @param name     the REST name of the changed field
     * @param newValue the value after the change (null when the change cleared the field)
     * @param oldValue the value before the change (null when it was unset)
     */
    public record FieldChange(Integer id, String name, String newValue, String oldValue) {
    }

    /** Names of the fields this activity changed ({@code fields[].name}); empty for other activities. */
    public List<String> changedFields() {
        return fields.stream().map(FieldChange::name).toList();
    }

    /** The secondary attribute {@code name}, or null. */
    public Object attribute(String name) {
        return attributes.get(name);
    }
}
