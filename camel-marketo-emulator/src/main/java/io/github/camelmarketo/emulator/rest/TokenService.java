package io.github.camelmarketo.emulator.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the identity service. Like Marketo, asking again while a token is valid returns the same token
 * with the remaining lifetime; a new one is issued only once it expired.
 */
final class TokenService {

    /** Result of checking a presented token. */
    enum Check {
        VALID,
        /** 601: unknown or missing. */
        INVALID,
        /** 602: issued here but expired. */
        EXPIRED
    }

    /** An issued token and the seconds it has left. */
    record Issued(String token, long expiresIn) {
    }

    private final Clock clock;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private String current;

    TokenService(Clock clock) {
        this.clock = clock;
    }

    /** The current token if still valid, else a fresh one living {@code ttl}. */
    synchronized Issued issue(Duration ttl) {
        Instant now = clock.instant();
        Instant expiry = current == null ? null : expiries.get(current);
        if (expiry == null || !now.isBefore(expiry)) {
            current = UUID.randomUUID() + ":emu";
            expiry = now.plus(ttl);
            expiries.put(current, expiry);
        }
        long millisLeft = Duration.between(now, expiry).toMillis();
        return new Issued(current, Math.max(0, (millisLeft + 999) / 1000));
    }

    Check check(String token) {
        if (token == null || token.isBlank()) {
            return Check.INVALID;
        }
        Instant expiry = expiries.get(token);
        if (expiry == null) {
            return Check.INVALID;
        }
        return clock.instant().isBefore(expiry) ? Check.VALID : Check.EXPIRED;
    }

    /** Every token issued since the last reset (for tests asserting that no token leaks). */
    synchronized Set<String> issued() {
        return Set.copyOf(expiries.keySet());
    }

    /** Expires every issued token now (fault injection: early token expiry). */
    synchronized void expireAll() {
        Instant now = clock.instant();
        expiries.replaceAll((token, expiry) -> expiry.isAfter(now) ? now : expiry);
    }

    synchronized void clear() {
        expiries.clear();
        current = null;
    }
}
