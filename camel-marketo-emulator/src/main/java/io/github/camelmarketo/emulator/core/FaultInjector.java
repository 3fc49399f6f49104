package io.github.camelmarketo.emulator.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Faults queued by tests, consumed by the API handlers. A rule matches an API family and optionally an operation
 * (SOAP operation name such as {@code "syncLead"}, or a REST path fragment such as {@code "/rest/v1/leads.json"});
 * it fires for the next {@code times} matching calls.
 */
public final class FaultInjector {

    private static final class Rule {
        final Api api;
        final String operation;
        final Fault fault;
        int skip;
        int remaining;

        Rule(Api api, String operation, Fault fault, int skip, int remaining) {
            this.api = api;
            this.operation = operation;
            this.fault = fault;
            this.skip = skip;
            this.remaining = remaining;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /** Injects {@code fault} into the next {@code times} calls of {@code api}. */
    public FaultInjector inject(Api api, Fault fault, int times) {
        return inject(api, null, fault, times);
    }

    /**
     * Injects {@code fault} into the next {@code times} calls of {@code api} whose operation contains
     * {@code operation} ({@code null} matches all).
     */
    public synchronized FaultInjector inject(Api api, String operation, Fault fault, int times) {
        return injectAt(api, operation, fault, 1, times);
    }

    /**
     * Injects {@code fault} into {@code times} consecutive calls of {@code api} whose operation contains
     * {@code operation} ({@code null} matches all), starting with the {@code nthCall}-th matching call from now
     * (1-based): {@code injectAt(REST, "POST /rest/v1/leads.json", fault, 2, 1)} lets the first chunk of a sync
     * through and fails the second. Calls skipped this way may still take faults of other rules.
     */
    public synchronized FaultInjector injectAt(Api api, String operation, Fault fault, int nthCall, int times) {
        if (nthCall < 1 || times < 1) {
            throw new IllegalArgumentException("nthCall and times must be >= 1, were " + nthCall + " and " + times);
        }
        rules.add(new Rule(api, operation, fault, nthCall - 1, times));
        return this;
    }

    /** Takes the fault for this call, if any rule matches (first queued first). */
    public synchronized Optional<Fault> next(Api api, String operation) {
        return take(api, operation, false);
    }

    /**
     * Like {@link #next(Api, String)}, but only rules that name an operation match: for calls that take a fault only
     * when a test targets them explicitly (the REST identity service, e.g. {@code "/identity/oauth/token"}).
     */
    public synchronized Optional<Fault> nextNamed(Api api, String operation) {
        return take(api, operation, true);
    }

    private Optional<Fault> take(Api api, String operation, boolean namedOnly) {
        Iterator<Rule> it = rules.iterator();
        while (it.hasNext()) {
            Rule rule = it.next();
            boolean matches = rule.operation == null
                    ? !namedOnly
                    : operation != null && operation.contains(rule.operation);
            if (rule.api == api && matches) {
                if (rule.skip > 0) {
                    rule.skip--;
                    continue;
                }
                rule.remaining--;
                if (rule.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    /** Faults still queued. */
    public synchronized int pending() {
        return rules.stream().mapToInt(r -> r.remaining).sum();
    }

    public synchronized void clear() {
        rules.clear();
    }
}
