package io.github.camelmarketo.emulator;

import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: one emulator per test class on a free port, reset before each test.
 *
 * <pre>
 * &#64;RegisterExtension
 * static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -&gt; b.leads(500));
 * ...
 * emulator.get().getSoapEndpoint();
 * emulator.get().counters().responses(Api.REST, "606");
 * </pre>
 */
public final class MarketoEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final Consumer<MarketoEmulator.Builder> customizer;
    private MarketoEmulator emulator;

    private MarketoEmulatorExtension(Consumer<MarketoEmulator.Builder> customizer) {
        this.customizer = customizer;
    }

    /** An emulator with default settings (100 leads, vendor limits). */
    public static MarketoEmulatorExtension create() {
        return new MarketoEmulatorExtension(b -> {
        });
    }

    /** An emulator configured by {@code customizer} (port is always 0 = free port). */
    public static MarketoEmulatorExtension create(Consumer<MarketoEmulator.Builder> customizer) {
        return new MarketoEmulatorExtension(customizer);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        MarketoEmulator.Builder builder = MarketoEmulator.builder();
        customizer.accept(builder);
        emulator = builder.port(0).build().start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.stop();
            emulator = null;
        }
    }

    /** The running emulator. */
    public MarketoEmulator get() {
        if (emulator == null) {
            throw new IllegalStateException("The emulator runs only between beforeAll and afterAll");
        }
        return emulator;
    }
}
