package io.github.camelmarketo.emulator.soap;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.undertow.server.handlers.PathHandler;

/**
 * Marketo SOAP API (mktows 2_x) served by CXF from the shared WSDL.
 */
public final class SoapApi {

    /** Path of the SOAP endpoint below the base URL. */
    public static final String PATH = "/soap/mktows/2_x";

    private final MarketoEmulator emulator;

    public SoapApi(MarketoEmulator emulator) {
        this.emulator = emulator;
    }

    /** Registers this API's handlers on the emulator's single HTTP port. */
    public void mount(PathHandler paths) {
        // TODO implemented by the owner of this package
    }

    /** Drops per-run state (tokens, jobs, ...); the lead store is reset by the emulator. */
    public void reset() {
    }

    /** Releases resources when the emulator stops. */
    public void stop() {
    }
}
