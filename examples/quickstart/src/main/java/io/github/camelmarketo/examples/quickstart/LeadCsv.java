package io.github.camelmarketo.examples.quickstart;

import java.util.ArrayList;
import java.util.List;

import io.github.camelmarketo.component.marketo.model.Lead;

/**
 * Reads a simple CSV of leads (a header line of field names, one lead per line, no quoted commas): column
 * {@code email} identifies the lead, every other column becomes an attribute of that name (use the REST API names,
 * e.g. {@code firstName}; attribute names are case-insensitive, so SOAP's {@code FirstName} is the same field).
 */
public final class LeadCsv {

    private LeadCsv() {
    }

    public static List<Lead> parse(String csv) {
        List<String> lines = csv.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        String[] header = lines.get(0).split(",", -1);
        List<Lead> leads = new ArrayList<>(lines.size() - 1);
        for (int row = 1; row < lines.size(); row++) {
            String[] values = lines.get(row).split(",", -1);
            if (values.length != header.length) {
                throw new IllegalArgumentException("leads.csv line " + (row + 1) + " has " + values.length
                                                   + " columns, the header has " + header.length);
            }
            Lead lead = new Lead();
            for (int i = 0; i < header.length; i++) {
                String column = header[i].strip();
                String value = values[i].strip();
                if (column.equalsIgnoreCase("email")) {
                    lead.setEmail(value);
                } else if (!value.isEmpty()) {
                    lead.set(column, value);
                }
            }
            leads.add(lead);
        }
        return leads;
    }
}
