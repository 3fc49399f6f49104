package io.github.camelmarketo.component.marketo.rest;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * An access token and when to stop using it. The token value is a secret: {@link #toString()} does not show it.
 *
 * @param value         the bearer token
 * @param refreshAtNanos {@link System#nanoTime()} after which the token is replaced before use
 * @param expiresAt      when the identity service said the token expires (wall clock, for the dev console)
 */
record AccessToken(String value, long refreshAtNanos, Instant expiresAt) {

    /**
     * A token valid for {@code expiresInSeconds} from now, replaced a little before it expires: a fifth of its
     * lifetime early, at most 60 s early.
     */
    static AccessToken issuedNow(String value, long expiresInSeconds) {
        long lifetime = TimeUnit.SECONDS.toNanos(Math.max(0, expiresInSeconds));
        long margin = Math.min(TimeUnit.SECONDS.toNanos(60), lifetime / 5);
        return new AccessToken(value, System.nanoTime() + lifetime - margin, Instant.now().plusSeconds(Math.max(0, expiresInSeconds)));
    }

    boolean isDue() {
        return System.nanoTime() - refreshAtNanos >= 0;
    }

    @Override
    public String toString() {
        return "AccessToken[xxxxxx]";
    }
}
