package io.github.camelmarketo.emulator.leadsquared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;

/**
 * Maps a store lead onto LeadSquared lead columns. LeadSquared names: {@code ProspectId} (the GUID of
 * {@link ProspectIds}), {@code ProspectAutoId} (the Marketo id), {@code EmailAddress}, {@code CreatedOn} and
 * {@code ModifiedOn} (UTC, {@code yyyy-MM-dd HH:mm:ss.SSS}), {@code ProspectStage} (the lead's attribute, else
 * {@code Prospect}); any other column is the store attribute of the same name ignoring case ({@code FirstName},
 * {@code LastName}, {@code Phone}, {@code Company}, ...) or {@code null}, as the vendor sends unknown or empty fields.
 * Every value is a string or {@code null}; keys are the column names as requested.
 */
final class LeadColumns {

    private static final DateTimeFormatter DATE_TIME
            = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private LeadColumns() {
    }

    static Map<String, String> project(EmulatorLead lead, List<String> columns) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : columns) {
            row.put(column, valueOf(lead, column));
        }
        return row;
    }

    private static String valueOf(EmulatorLead lead, String column) {
        switch (column.toLowerCase(Locale.ROOT)) {
            case "prospectid":
                return ProspectIds.format(lead.getId());
            case "prospectautoid":
                return Integer.toString(lead.getId());
            case "emailaddress":
                return lead.getEmail();
            case "createdon":
                return format(lead.getCreatedAt());
            case "modifiedon":
                return format(lead.getUpdatedAt());
            case "prospectstage":
                return lead.getAttributes().getOrDefault(column, "Prospect");
            default:
                return LeadStore.valueOf(lead, column);
        }
    }

    private static String format(Instant instant) {
        return instant == null ? null : DATE_TIME.format(instant);
    }
}
