package io.github.camelmarketo.component.support;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry loop of every transport (SOAP, REST, LeadSquared). Each attempt waits for a permit of the shared
 * {@link RateLimiter}, runs the transport's {@link Attempt}, and a failure, classified by the transport's
 * {@link FailureClassifier}, is handled by its {@link FailureKind}:
 * <ul>
 * <li>{@code URI_TOO_LONG}: resent once at once in the alternate form ({@link AttemptState#alternateForm()}); not
 * counted as a retry;</li>
 * <li>{@code TOKEN}: resent at once with {@link AttemptState#renewCredentials()} set; the first time is free, later
 * ones count as retries;</li>
 * <li>otherwise, when {@link RetryPolicy} allows it (reads vs writes), resent after the backoff delay;
 * {@code RATE_LIMITED} pauses the whole limiter instead (the vendor's window is shared by every caller), for the
 * vendor's {@link CallFailure#retryAfter()} if it gave one;</li>
 * <li>else the call fails with {@link FailureClassifier#toException}.</li>
 * </ul>
 * A {@link CallBudgetExceededException} from the limiter is a {@code QUOTA} failure: nothing was sent. A response over
 * maxResponseSize and a refused TLS certificate are permanent for every transport ({@link TransportFailures}).
 * Thread-safe.
 */
public final class CallRetrier {

    private static final Logger LOG = LoggerFactory.getLogger(CallRetrier.class);

    /** One attempt of a call. */
    @FunctionalInterface
    public interface Attempt<T> {
        /**
         * Sends the call once and returns its result. Throw a {@link CallFailure} for an answer recognised as an
         * error; any other checked or runtime exception goes to {@link FailureClassifier#classify}.
         */
        T run(AttemptState state) throws Exception;
    }

    /** What the loop learnt from earlier attempts of one call. */
    public static final class AttemptState {
        private int retries;
        private boolean renewCredentials;
        private boolean alternateForm;
        private boolean freeRefreshUsed;

        /** Retries made so far (0 on the first attempt). */
        public int retries() {
            return retries;
        }

        /** The previous attempt's credential was refused: renew it before sending. */
        public boolean renewCredentials() {
            return renewCredentials;
        }

        /** An earlier attempt was refused as too long: send the alternate form. */
        public boolean alternateForm() {
            return alternateForm;
        }
    }

    private final RateLimiter limiter;
    private final RetryPolicy policy;
    private final CallListener listener;

    public CallRetrier(RateLimiter limiter, RetryPolicy policy, CallListener listener) {
        this.limiter = limiter;
        this.policy = policy;
        this.listener = listener == null ? CallListener.NONE : listener;
    }

    /**
     * Makes the call, retrying as described above.
     *
     * @param operation  the operation, for messages and logs
     * @param write      whether the call changes data (then it is retried only when nothing can have been applied)
     * @param attempt    sends the call once
     * @param classifier the transport's error knowledge
     */
    public <T> T call(String operation, boolean write, Attempt<T> attempt, FailureClassifier classifier) {
        AttemptState state = new AttemptState();
        while (true) {
            CallFailure failure;
            try (RateLimiter.Permit permit = limiter.acquire()) {
                listener.onAttempt();
                return attempt.run(state);
            } catch (CallFailure e) {
                failure = e;
            } catch (CallBudgetExceededException e) {
                failure = new CallFailure(FailureKind.QUOTA, null, e.getMessage(), null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw giveUp(operation, write, state, classifier,
                        new CallFailure(FailureKind.PERMANENT, null, "interrupted while waiting to call", null, e));
            } catch (Exception e) {
                failure = TransportFailures.classify(e);
                if (failure == null) {
                    failure = classifier.classify(e);
                }
                if (failure == null) {
                    throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                }
            }
            listener.onFailedAttempt(failure);
            FailureKind kind = failure.kind();
            if (kind == FailureKind.URI_TOO_LONG && !state.alternateForm) {
                LOG.debug("{}: request too long, resending in the alternate form", operation);
                state.alternateForm = true;
                continue;
            }
            state.renewCredentials = kind == FailureKind.TOKEN;
            if (kind == FailureKind.TOKEN && !state.freeRefreshUsed) {
                state.freeRefreshUsed = true;
                listener.onRetry(failure);
                continue;
            }
            if (!policy.shouldRetry(kind, write, state.retries)) {
                throw giveUp(operation, write, state, classifier, failure);
            }
            long delay = kind == FailureKind.TOKEN ? 0 : policy.delayMillis(state.retries);
            state.retries++;
            listener.onRetry(failure);
            LOG.debug("{}: attempt failed with {} ({}), retry {} of {} in {} ms", operation, failure.code(), kind,
                    state.retries, policy.getMaxRetries(), delay);
            if (kind == FailureKind.RATE_LIMITED) {
                // the vendor's window is full (shared with other callers): hold every caller of this budget
                limiter.pauseFor(failure.retryAfter() != null ? failure.retryAfter() : Duration.ofMillis(delay));
            } else if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw giveUp(operation, write, state, classifier, failure);
                }
            }
        }
    }

    private RuntimeException giveUp(String operation, boolean write, AttemptState state, FailureClassifier classifier,
                                    CallFailure failure) {
        listener.onGiveUp(failure);
        return classifier.toException(operation, failure, write, state.retries);
    }

    public RateLimiter getLimiter() {
        return limiter;
    }

    public RetryPolicy getPolicy() {
        return policy;
    }
}
