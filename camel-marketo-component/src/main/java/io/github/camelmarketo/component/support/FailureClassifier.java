package io.github.camelmarketo.component.support;

/**
 * A transport's knowledge of its vendor's errors, given to {@link CallRetrier}: what a failed attempt means
 * ({@link #classify}) and what the caller sees when the call finally fails ({@link #toException}).
 */
public interface FailureClassifier {

    /**
     * Classifies an exception thrown by an attempt (other than a {@link CallFailure}, which is already classified):
     * an I/O error, a SOAP fault, ... Returns {@code null} for an exception that is not a call failure (a bug, a
     * request that cannot be built): the loop then rethrows it unchanged.
     */
    CallFailure classify(Exception error);

    /**
     * The exception the caller sees for the last failure of a call.
     *
     * @param operation the operation, for the message
     * @param failure   the last failure
     * @param write     whether the call was a write (the advice differs: a write is not retried blindly)
     * @param retries   retries made before giving up
     */
    RuntimeException toException(String operation, CallFailure failure, boolean write, int retries);
}
