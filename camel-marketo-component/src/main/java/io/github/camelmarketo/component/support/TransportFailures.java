package io.github.camelmarketo.component.support;

import java.security.cert.CertificateException;

import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Failures of the transport itself that no retry can fix, recognised the same way for every transport before its own
 * {@link FailureClassifier}: a response over maxResponseSize, and a TLS certificate or host name the client refused.
 */
public final class TransportFailures {

    private TransportFailures() {
    }

    /** A permanent failure for {@code error} when it is one of these, else {@code null}. */
    public static CallFailure classify(Throwable error) {
        ResponseTooLargeException tooLarge = ResponseTooLargeException.in(error);
        if (tooLarge != null) {
            return tooLarge.toFailure();
        }
        Throwable tls = tlsVerificationFailure(error);
        if (tls != null) {
            return new CallFailure(FailureKind.PERMANENT, null, describeTls(tls), null, error);
        }
        return null;
    }

    /** The certificate or host name failure in {@code error}'s cause chain, or {@code null}. */
    public static Throwable tlsVerificationFailure(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof SSLPeerUnverifiedException) {
                return t;
            }
        }
        return null;
    }

    /** What a refused certificate means and what to do. */
    public static String describeTls(Throwable tls) {
        return "TLS verification of the server failed (" + tls.getMessage() + "); the server's certificate is not "
               + "trusted or not issued for its host name: trust its CA with sslContextParameters";
    }
}
