package io.github.camelmarketo.emulator.leadsquared;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.undertow.server.handlers.PathHandler;

/**
 * LeadSquared LeadManagement.svc lead retrieval.
 */
public final class LeadSquaredApi {

    private final MarketoEmulator emulator;

    public LeadSquaredApi(MarketoEmulator emulator) {
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
