package io.github.camelmarketo.emulator.core;

import java.util.List;

/** The activity types the emulated instance has ({@code activities/types.json}) and the ids the store records. */
public final class ActivityTypes {

    public static final int NEW_LEAD = 12;
    public static final int CHANGE_DATA_VALUE = 13;
    public static final int DELETE_LEAD = 37;

    /** One attribute of a type: its name and data type. */
    public record Attribute(String name, String dataType) {
    }

    /** One activity type. */
    public record Type(int id, String name, String description, Attribute primaryAttribute, List<Attribute> attributes) {
    }

    /** The types, by id. */
    public static final List<Type> ALL = List.of(
            new Type(1, "Visit Webpage", "User visits a web page", new Attribute("Webpage ID", "integer"),
                    List.of(new Attribute("Client IP Address", "string"), new Attribute("Query Parameters", "string"),
                            new Attribute("Referrer URL", "string"), new Attribute("Webpage URL", "string"))),
            new Type(2, "Fill Out Form", "User fills out and submits a form on a web page",
                    new Attribute("Webform ID", "integer"),
                    List.of(new Attribute("Client IP Address", "string"), new Attribute("Form Fields", "text"),
                            new Attribute("Webpage ID", "integer"))),
            new Type(NEW_LEAD, "New Lead", "New person", new Attribute("Lead ID", "integer"),
                    List.of(new Attribute("Created Date", "date"), new Attribute("Source Type", "string"))),
            new Type(CHANGE_DATA_VALUE, "Change Data Value", "Changed attribute value for a person",
                    new Attribute("Attribute Name", "string"),
                    List.of(new Attribute("New Value", "text"), new Attribute("Old Value", "text"),
                            new Attribute("Reason", "text"), new Attribute("Source", "string"))),
            new Type(DELETE_LEAD, "Delete Lead", "Delete person", new Attribute("Lead ID", "integer"),
                    List.of(new Attribute("Remove from CRM", "boolean"))));

    private ActivityTypes() {
    }

    /** Whether the instance has an activity type with this id. */
    public static boolean exists(int id) {
        return ALL.stream().anyMatch(t -> t.id() == id);
    }
}
