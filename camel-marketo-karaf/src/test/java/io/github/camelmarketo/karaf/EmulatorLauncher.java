package io.github.camelmarketo.karaf;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;

/**
 * Starts the Marketo emulator in the test JVM, outside Karaf, and says how to reach it. Kept apart from the test
 * class: the test class is also loaded inside Karaf, where the emulator's classes do not exist.
 */
final class EmulatorLauncher {

    /** Seeded leads the LeadSquared test reads by ProspectId. */
    static final int[] SAMPLE_LEAD_IDS = { LeadStore.FIRST_ID, LeadStore.FIRST_ID + 1 };

    private static MarketoEmulator emulator;

    private EmulatorLauncher() {
    }

    /** Starts the emulator once per JVM; it stops when the JVM exits. */
    static synchronized MarketoEmulator emulator() {
        if (emulator == null) {
            emulator = MarketoEmulator.builder().leads(20).build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop, "marketo-emulator-stop"));
        }
        return emulator;
    }

    /**
     * What the example route bundle reads from {@code etc/io.github.camelmarketo.example.cfg}: the endpoints and
     * credentials of the {@code marketo:} (SOAP) and {@code leadsquared:} components.
     */
    static Map<String, String> componentSettings() {
        MarketoEmulator emulator = emulator();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("camel.component.marketo.soapEndpoint", emulator.getSoapEndpoint());
        settings.put("camel.component.marketo.userId", emulator.getSoapUserId());
        settings.put("camel.component.marketo.encryptionKey", emulator.getSoapEncryptionKey());
        settings.put("camel.component.leadsquared.baseUrl", emulator.getLeadSquaredUrl());
        settings.put("camel.component.leadsquared.accessKey", emulator.getLeadSquaredAccessKey());
        settings.put("camel.component.leadsquared.secretKey", emulator.getLeadSquaredSecretKey());
        return settings;
    }

    /** ProspectId to email of the {@link #SAMPLE_LEAD_IDS}, as the emulator's LeadSquared API serves them. */
    static Map<String, String> leadSquaredSample() {
        Map<String, String> sample = new LinkedHashMap<>();
        for (int id : SAMPLE_LEAD_IDS) {
            EmulatorLead lead = emulator().store().findById(id).orElseThrow();
            sample.put(LeadSquaredApi.prospectIdOf(id), lead.getEmail());
        }
        return sample;
    }
}
