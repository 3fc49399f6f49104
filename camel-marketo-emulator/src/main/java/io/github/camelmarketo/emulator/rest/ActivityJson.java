package io.github.camelmarketo.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.emulator.core.Activity;
import io.github.camelmarketo.emulator.core.ActivityTypes;

/**
 * Activities as the REST API shows them: {@code Activity} (activities.json, deletedleads.json), {@code LeadChange}
 * (leadchanges.json) and {@code ActivityType} (types.json) of the vendor's OpenAPI document.
 */
final class ActivityJson {

    private ActivityJson() {
    }

    /** An {@code Activity}: the common fields, primary attribute and the type's secondary attributes. */
    static ObjectNode activity(Activity activity) {
        ObjectNode node = common(activity);
        node.put("primaryAttributeValueId", activity.primaryAttributeValueId());
        if (activity.primaryAttributeValue() != null) {
            node.put("primaryAttributeValue", activity.primaryAttributeValue());
        }
        ArrayNode attributes = node.putArray("attributes");
        switch (activity.activityTypeId()) {
            case ActivityTypes.NEW_LEAD -> attribute(attributes, "Source Type", Activity.SOURCE);
            case ActivityTypes.CHANGE_DATA_VALUE -> {
                attribute(attributes, "New Value", activity.change().newValue());
                attribute(attributes, "Old Value", activity.change().oldValue());
                attribute(attributes, "Reason", Activity.SOURCE);
                attribute(attributes, "Source", Activity.SOURCE);
            }
            default -> {
                // Delete Lead has no secondary attribute the emulator sets
            }
        }
        return node;
    }

    /** A {@code LeadChange}: New Lead or Change Data Value with {@code fields[{id, name, newValue, oldValue}]}. */
    static ObjectNode leadChange(Activity activity) {
        ObjectNode node = common(activity);
        ArrayNode fields = node.putArray("fields");
        ArrayNode attributes = node.putArray("attributes");
        if (activity.change() != null) {
            Activity.FieldChange change = activity.change();
            ObjectNode field = fields.addObject();
            field.put("id", change.fieldId());
            field.put("name", change.name());
            field.put("newValue", change.newValue());
            if (change.oldValue() != null) {
                field.put("oldValue", change.oldValue());
            }
            attribute(attributes, "Source", Activity.SOURCE);
        } else {
            attribute(attributes, "Source Type", Activity.SOURCE);
        }
        return node;
    }

    static ObjectNode type(ActivityTypes.Type type) {
        ObjectNode node = Json.object();
        node.put("id", type.id());
        node.put("name", type.name());
        node.put("description", type.description());
        node.set("primaryAttribute", typeAttribute(type.primaryAttribute()));
        ArrayNode attributes = node.putArray("attributes");
        type.attributes().forEach(a -> attributes.add(typeAttribute(a)));
        return node;
    }

    private static ObjectNode common(Activity activity) {
        ObjectNode node = Json.object();
        node.put("id", activity.id());
        node.put("marketoGUID", activity.marketoGUID());
        node.put("leadId", activity.leadId());
        node.put("activityDate", Json.date(activity.activityDate()));
        node.put("activityTypeId", activity.activityTypeId());
        return node;
    }

    private static ObjectNode typeAttribute(ActivityTypes.Attribute attribute) {
        ObjectNode node = Json.object();
        node.put("name", attribute.name());
        node.put("dataType", attribute.dataType());
        return node;
    }

    /** A {@code {name, value}} attribute; left out when the value is null. */
    private static void attribute(ArrayNode attributes, String name, String value) {
        if (value != null) {
            attributes.addObject().put("name", name).put("value", value);
        }
    }
}
