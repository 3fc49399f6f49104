package io.github.camelmarketo.component.marketo.rest;

import io.github.camelmarketo.component.marketo.model.MarketoCallStats;

/**
 * The access token of one client id, shared by every endpoint of a CamelContext that uses that client id (the
 * component owns one per identity URL + client id). The token is fetched on first use and replaced shortly before
 * {@code expires_in} runs out.
 *
 * <p>
 * When a call is refused with 601/602, the caller passes the token that failed to {@link #refresh}: a new token is
 * fetched only if that token is still the current one, so N threads holding the same expired token cause one
 * identity call, and the others wait for it and use its result.
 */
public final class TokenManager {

    /** Fetches a new token from the identity service (the caller's HTTP client does the call). */
    @FunctionalInterface
    interface Fetcher {
        AccessToken fetch();
    }

    private final MarketoCallStats stats;
    private volatile AccessToken current;

    public TokenManager(MarketoCallStats stats) {
        this.stats = stats;
    }

    /** A token that is not due for replacement, fetching one if needed. */
    String token(Fetcher fetcher) {
        AccessToken token = current;
        if (token != null && !token.isDue()) {
            return token.value();
        }
        synchronized (this) {
            if (current == null || current.isDue()) {
                current = fetchNew(fetcher);
            }
            return current.value();
        }
    }

    /** Replaces {@code failedToken} unless another caller already did; returns the token to use now. */
    synchronized String refresh(String failedToken, Fetcher fetcher) {
        if (current == null || current.value().equals(failedToken) || current.isDue()) {
            current = fetchNew(fetcher);
        }
        return current.value();
    }

    /** Forgets the token (the next call fetches a new one). */
    public synchronized void invalidate() {
        current = null;
    }

    private AccessToken fetchNew(Fetcher fetcher) {
        AccessToken token = fetcher.fetch();
        stats.recordTokenRefresh(token.expiresAt());
        return token;
    }

    @Override
    public String toString() {
        return "TokenManager[token=" + (current == null ? "none" : "xxxxxx") + "]";
    }
}
