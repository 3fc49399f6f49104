package io.github.camelmarketo.component.marketo.model;

import java.util.List;

/**
 * One activity type of the instance, as {@code GET /rest/v1/activities/types.json} lists it (the body of the
 * {@code getActivityTypes} operation is a list of these): its id, which {@code getLeadActivities} filters on
 * ({@code activityTypeIds}), and the attributes its activities carry.
 *
 * @param id               the activity type id
 * @param name             its name, e.g. {@code Change Data Value}
 * @param description      its description, or null
 * @param apiName          its API name (custom activity types), or null
 * @param primaryAttribute the primary attribute (what {@link Activity#primaryAttributeValue()} holds), or null
 * @param attributes       the secondary attributes (the keys of {@link Activity#attributes()})
 */
public record ActivityType(int id, String name, String description, String apiName, Attribute primaryAttribute,
                           List<Attribute> attributes) {

    public ActivityType {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /**
     * One attribute of an activity type ({@code ActivityTypeAttribute}).
     *
     * @param name     the attribute's name
     * @param dataType its data type as the vendor names it (string, integer, text, date, boolean, ...)
     * @param apiName  its API name, or null
     */
    public record Attribute(String name, String dataType, String apiName) {
    }
}
