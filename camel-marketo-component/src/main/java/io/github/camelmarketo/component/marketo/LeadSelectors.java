package io.github.camelmarketo.component.marketo;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.github.camelmarketo.component.marketo.model.LeadSelector;

/**
 * Builds the {@link LeadSelector} that the endpoint options {@code leadSelector}, {@code oldestUpdatedAt},
 * {@code latestUpdatedAt}, {@code includeDeleted}, {@code staticListName}, {@code staticListId}, {@code leadKeyType} and {@code leadKeys}
 * describe. Used by the consumer and by a body-less getMultipleLeads; errors name the options to set.
 */
public final class LeadSelectors {

    private LeadSelectors() {
    }

    /** The selector of {@code configuration}; fails with a message naming the missing or bad option. */
    public static LeadSelector fromConfiguration(MarketoConfiguration configuration) {
        LeadSelectorType type = configuration.getLeadSelector();
        if (type == null) {
            throw new IllegalArgumentException("Set option leadSelector to one of lastUpdateAt, staticList, leadKeys, leadChanges "
                                               + "(or send a LeadSelector or lead keys in the body)");
        }
        return switch (type) {
            case lastUpdateAt -> {
                if (configuration.getOldestUpdatedAt() == null) {
                    throw new IllegalArgumentException("leadSelector=lastUpdateAt needs option oldestUpdatedAt "
                                                       + "(ISO-8601, e.g. 2026-01-01T00:00:00Z)");
                }
                yield new LeadSelector.ByLastUpdate(time("oldestUpdatedAt", configuration.getOldestUpdatedAt()),
                        configuration.getLatestUpdatedAt() == null
                                ? null : time("latestUpdatedAt", configuration.getLatestUpdatedAt()));
            }
            case staticList -> {
                boolean byName = configuration.getStaticListName() != null && !configuration.getStaticListName().isBlank();
                if (byName == (configuration.getStaticListId() != null)) {
                    throw new IllegalArgumentException("leadSelector=staticList needs exactly one of the options "
                                                       + "staticListName or staticListId");
                }
                yield new LeadSelector.ByStaticList(byName ? configuration.getStaticListName() : null,
                        configuration.getStaticListId());
            }
            case leadKeys -> {
                List<String> keys = configuration.getLeadKeyList();
                if (keys.isEmpty()) {
                    throw new IllegalArgumentException("leadSelector=leadKeys needs option leadKeys "
                                                       + "(comma-separated values of type leadKeyType, default EMAIL)");
                }
                yield new LeadSelector.ByKeys(configuration.getLeadKeyType(), keys);
            }
            case leadChanges -> {
                if (configuration.getOldestUpdatedAt() == null) {
                    throw new IllegalArgumentException("leadSelector=leadChanges needs option oldestUpdatedAt, where the "
                                                       + "activity feed starts (ISO-8601, e.g. 2026-01-01T00:00:00Z)");
                }
                yield new LeadSelector.ByLeadChanges(time("oldestUpdatedAt", configuration.getOldestUpdatedAt()),
                        configuration.isIncludeDeleted());
            }
        };
    }

    /** Parses an ISO-8601 date-time option ({@code 2026-01-01T00:00:00Z} or with an offset). */
    public static OffsetDateTime time(String option, String value) {
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Option " + option + " must be an ISO-8601 date-time with offset, "
                                               + "e.g. 2026-01-01T00:00:00Z, was '" + value + "'", e);
        }
    }
}
