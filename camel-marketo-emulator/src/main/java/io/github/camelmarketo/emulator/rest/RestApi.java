package io.github.camelmarketo.emulator.rest;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.undertow.server.handlers.PathHandler;

/**
 * Marketo REST API: identity, /rest/v1 leads and lists, /bulk/v1 lead extract.
 */
public final class RestApi {

    private final MarketoEmulator emulator;

    public RestApi(MarketoEmulator emulator) {
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
