package io.github.camelmarketo.emulator.rest;

import java.util.List;

import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadField;
import io.github.camelmarketo.emulator.core.LeadStore;

/** Finds leads by one field's value, using the store's indexes for the standard keys. */
final class LeadLookup {

    private LeadLookup() {
    }

    /** Leads whose {@code field} equals {@code value} (ignoring case), oldest id first. */
    static List<EmulatorLead> find(LeadStore store, LeadField field, String value) {
        switch (field.restName()) {
            case "id":
                try {
                    return store.findById(Integer.parseInt(value.trim())).map(List::of).orElse(List.of());
                } catch (NumberFormatException e) {
                    return List.of();
                }
            case "email":
                return store.findByEmail(value);
            case "foreignSysPersonId":
                return store.findByForeignSysPersonId(value);
            default:
                return store.findByField(field.restName(), value);
        }
    }
}
