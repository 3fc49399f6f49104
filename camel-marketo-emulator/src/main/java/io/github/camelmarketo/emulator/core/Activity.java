package io.github.camelmarketo.emulator.core;

import java.time.Instant;
import java.util.UUID;

/**
 * One activity of the lead database, as the store records it: New Lead, Change Data Value (one per changed field)
 * and Delete Lead.
 *
 * @param id                      monotonically increasing activity id
 * @param leadId                  the lead it belongs to
 * @param activityDate            when it happened (whole seconds, emulator clock)
 * @param activityTypeId          {@link ActivityTypes#NEW_LEAD}, {@link ActivityTypes#CHANGE_DATA_VALUE}, ...
 * @param primaryAttributeValueId lead id (New Lead, Delete Lead) or field id (Change Data Value)
 * @param primaryAttributeValue   lead name (New Lead, Delete Lead) or field display name (Change Data Value)
 * @param change                  the field change of a Change Data Value activity, else null
 */
public record Activity(long id, int leadId, Instant activityDate, int activityTypeId, long primaryAttributeValueId,
                       String primaryAttributeValue, FieldChange change) {

    /** Where every write through the emulated APIs comes from, as Marketo names it. */
    public static final String SOURCE = "Web service API";

    /** The 36-character GUID of this activity, derived from its id (stable across calls). */
    public String marketoGUID() {
        return new UUID(0x6d6b746f_656d7500L, id).toString();
    }

    /**
     * One changed field of a Change Data Value activity.
     *
     * @param fieldId  the field's id (as {@code leads/describe.json} numbers it)
     * @param name     the field's REST name
     * @param newValue value after the change (null when cleared)
     * @param oldValue value before the change (null when it was unset)
     */
    public record FieldChange(int fieldId, String name, String newValue, String oldValue) {
    }
}
