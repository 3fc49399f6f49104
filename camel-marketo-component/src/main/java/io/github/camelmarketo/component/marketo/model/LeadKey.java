package io.github.camelmarketo.component.marketo.model;

import java.util.Objects;

/**
 * Identifies leads by one key, e.g. {@code LeadKey.email("rufus@marketo.com")} or {@code LeadKey.id(1089965)}.
 *
 * @param type  the key field
 * @param value the key value, never null or blank
 */
public record LeadKey(LeadKeyType type, String value) {

    public LeadKey {
        Objects.requireNonNull(type, "LeadKey.type");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("LeadKey.value must not be blank (key type " + type + ")");
        }
    }

    public static LeadKey email(String email) {
        return new LeadKey(LeadKeyType.EMAIL, email);
    }

    public static LeadKey id(long id) {
        return new LeadKey(LeadKeyType.IDNUM, Long.toString(id));
    }

    public static LeadKey of(LeadKeyType type, String value) {
        return new LeadKey(type, value);
    }
}
