package io.github.camelmarketo.component.leadsquared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns a message body into the lead ids to request: canonical lower-case GUID strings, distinct, in the order they
 * first appear. Accepts a Collection or other Iterable, an array, an Iterator, a single {@link UUID}, or a String (one
 * id or comma-separated ids); elements are Strings (surrounding blanks ignored) or UUIDs.
 *
 * <p>
 * Any element that is not a GUID (including null) fails the whole message before a call is made, with an
 * {@link IllegalArgumentException} naming the bad ids and their positions: no id is ever silently dropped.
 */
final class LeadIds {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int LISTED_INVALID = 20;

    private LeadIds() {
    }

    static List<String> from(Object body) {
        Iterator<?> elements = elements(body);
        Set<String> ids = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        int invalidCount = 0;
        int position = 0;
        while (elements.hasNext()) {
            Object element = elements.next();
            String id = canonical(element);
            if (id == null) {
                invalidCount++;
                if (invalid.size() < LISTED_INVALID) {
                    invalid.add("#" + position + " " + describe(element));
                }
            } else {
                ids.add(id);
            }
            position++;
        }
        if (invalidCount > 0) {
            throw new IllegalArgumentException("leadsquared:getLeadsByIds: " + invalidCount + " of " + position
                                               + " lead ids are not GUIDs (a ProspectId looks like 0acb9356-bcd1-4128-b63a-97f52cb8cc3c); nothing was requested. Invalid: "
                                               + String.join(", ", invalid)
                                               + (invalidCount > invalid.size() ? " and " + (invalidCount - invalid.size()) + " more" : ""));
        }
        return new ArrayList<>(ids);
    }

    private static Iterator<?> elements(Object body) {
        if (body instanceof Iterable<?> iterable) {
            return iterable.iterator();
        }
        if (body instanceof Iterator<?> iterator) {
            return iterator;
        }
        if (body instanceof Object[] array) {
            return Arrays.asList(array).iterator();
        }
        if (body instanceof UUID uuid) {
            return List.of(uuid).iterator();
        }
        if (body instanceof CharSequence text) {
            return text.toString().isBlank() ? List.of().iterator() : Arrays.asList(text.toString().split(",", -1)).iterator();
        }
        throw new IllegalArgumentException("leadsquared:getLeadsByIds needs a body of lead ids (a Collection, array or Iterator "
                                           + "of String/UUID, a UUID or a comma-separated String), got "
                                           + (body == null ? "null" : body.getClass().getName()));
    }

    private static String canonical(Object element) {
        if (element instanceof UUID uuid) {
            return uuid.toString();
        }
        if (element instanceof CharSequence text) {
            String trimmed = text.toString().trim();
            return GUID.matcher(trimmed).matches() ? trimmed.toLowerCase(Locale.ROOT) : null;
        }
        return null;
    }

    private static String describe(Object element) {
        if (element == null) {
            return "null";
        }
        if (element instanceof CharSequence text) {
            String value = text.toString();
            return "'" + (value.length() > 60 ? value.substring(0, 60) + "..." : value) + "'";
        }
        return "(" + element.getClass().getSimpleName() + ")";
    }
}
