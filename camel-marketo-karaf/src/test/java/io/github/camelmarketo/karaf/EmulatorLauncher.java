package io.github.camelmarketo.karaf;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelmarketo.emulator.MarketoEmulator;

/**
 * Starts the Marketo emulator in the test JVM, outside Karaf, and says how to reach it. Kept apart from the test
 * class: the test class is also loaded inside Karaf, where the emulator's classes do not exist.
 */
final class EmulatorLauncher {

    private static MarketoEmulator emulator;

    private EmulatorLauncher() {
    }

    /**
     * Starts the emulator once per JVM (stopped at JVM exit) and returns the settings the example route bundle reads
     * from {@code etc/io.github.camelmarketo.example.cfg}: the {@code marketo:} component's SOAP endpoint and
     * credentials.
     */
    static synchronized Map<String, String> start() {
        if (emulator == null) {
            emulator = MarketoEmulator.builder().leads(20).build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop, "marketo-emulator-stop"));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("camel.component.marketo.soapEndpoint", emulator.getSoapEndpoint());
        settings.put("camel.component.marketo.userId", emulator.getSoapUserId());
        settings.put("camel.component.marketo.encryptionKey", emulator.getSoapEncryptionKey());
        return settings;
    }
}
