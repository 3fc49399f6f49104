package io.github.camelmarketo.component.marketo.model;

import java.util.List;

/**
 * The lead schema as {@code describeLeads2} returns it ({@code GET /rest/v1/leads/describe2.json}): every field, and
 * the fields (or field combinations) the instance can search leads by, which are the values
 * {@code getLeadsByFilter} accepts as filter type.
 *
 * @param name             the object name ({@code "API Lead"})
 * @param searchableFields searchable keys, each a list of REST field names (most are single fields)
 * @param fields           every field of the lead object
 */
public record LeadSchema(String name, List<List<String>> searchableFields, List<LeadSchema.Field> fields) {

    public LeadSchema {
        searchableFields = searchableFields == null ? List.of() : searchableFields.stream().map(List::copyOf).toList();
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** Whether {@code field} (REST name, case-insensitive) is a searchable key on its own. */
    public boolean isSearchable(String field) {
        return searchableFields.stream().anyMatch(key -> key.size() == 1 && key.get(0).equalsIgnoreCase(field));
    }

    /**
     * One field of the lead object.
     *
     * @param name        REST API name, e.g. {@code firstName}
     * @param displayName friendly name, e.g. {@code First Name}
     * @param dataType    {@code string}, {@code email}, {@code integer}, {@code datetime}, ...
     * @param length      maximum length, null when not limited
     * @param updateable  whether the field can be written
     * @param crmManaged  whether a CRM owns the field
     */
    public record Field(String name, String displayName, String dataType, Integer length, boolean updateable,
                        boolean crmManaged) {
    }
}
