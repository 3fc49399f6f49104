package io.github.camelmarketo.emulator.soap;

import java.util.List;

import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.soap.mktows.LeadKeyRef;

/**
 * Resolves a SOAP lead key ({@code LeadKeyRef} + value) against the store. IDNUM, EMAIL and COOKIE are supported;
 * the emulator keeps no Salesforce or lead-owner data, so the other key types match nothing.
 */
final class LeadLookup {

    private LeadLookup() {
    }

    static List<EmulatorLead> find(LeadStore store, LeadKeyRef type, String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String key = value.trim();
        return switch (type) {
            case IDNUM -> parseId(key) == null ? List.of() : store.findById(parseId(key)).map(List::of).orElse(List.of());
            case EMAIL -> store.findByEmail(key);
            case COOKIE -> store.findByCookie(key);
            default -> List.of();
        };
    }

    static Integer parseId(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
