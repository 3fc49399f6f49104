package io.github.camelmarketo.component.support;

/**
 * Observes the calls {@link CallRetrier} makes, for statistics. Every method has an empty default.
 */
public interface CallListener {

    /** A listener that records nothing. */
    CallListener NONE = new CallListener() {
    };

    /** An attempt was admitted by the rate limiter and is being sent. */
    default void onAttempt() {
    }

    /** An attempt failed (the call may still be retried). */
    default void onFailedAttempt(CallFailure failure) {
    }

    /** A failed attempt is sent again (including the free resend after a token refresh). */
    default void onRetry(CallFailure failure) {
    }

    /** The call failed for good. */
    default void onGiveUp(CallFailure failure) {
    }
}
