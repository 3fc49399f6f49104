package io.github.camelmarketo.emulator.rest;

import java.time.Instant;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.undertow.server.handlers.PathHandler;

/**
 * Marketo REST API: identity ({@code /identity/oauth/token}), the Leads, static list, program and membership
 * endpoints under {@code /rest/v1}, and Bulk Lead Extract under {@code /bulk/v1/leads/export}. Every {@code /rest}
 * and {@code /bulk} call passes the vendor limits, injected faults and token check of {@link RestHandler}.
 */
public final class RestApi {

    private final MarketoEmulator emulator;
    private final TokenService tokens;
    private volatile Instant seededAt;

    public RestApi(MarketoEmulator emulator) {
        this.emulator = emulator;
        this.tokens = new TokenService(emulator.clock());
        this.seededAt = emulator.clock().instant();
    }

    /** Registers this API's handlers on the emulator's single HTTP port. */
    public void mount(PathHandler paths) {
        Router identity = new Router();
        new IdentityResource(emulator, tokens).register(identity);
        paths.addPrefixPath("/identity", new RestHandler(emulator, tokens, identity, false));

        LeadMapper mapper = new LeadMapper(emulator.store());
        Router router = new Router();
        new LeadsResource(emulator.store(), mapper).register(router);
        new LeadSync(emulator.store(), mapper).register(router);
        new ListsResource(emulator.store(), mapper, () -> seededAt).register(router);
        RestHandler handler = new RestHandler(emulator, tokens, router, true);
        paths.addPrefixPath("/rest", handler);
        paths.addPrefixPath("/bulk", handler);
    }

    /** Drops per-run state (tokens, jobs, ...); the lead store is reset by the emulator. */
    public void reset() {
        tokens.clear();
        seededAt = emulator.clock().instant();
    }

    /** Releases resources when the emulator stops. */
    public void stop() {
        // nothing held yet
    }
}
