package io.github.camelmarketo.component.transport;

import java.util.List;

import javax.net.ssl.SSLException;

import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS is verified on every transport: a local HTTPS front of the emulator with a self-signed certificate is refused by
 * default (a certificate error, no request sent after the handshake, no retry), accepted with sslContextParameters
 * whose trust store holds the certificate, and refused again when the trusted certificate names another host.
 */
class TlsTransportTest extends CamelTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(3));

    private final TestCertificates certificates = TestCertificates.get();

    @ParameterizedTest
    @EnumSource(TransportTarget.class)
    void selfSignedCertificateIsRefusedByDefault(TransportTarget target) throws Exception {
        try (TlsTerminator tls = new TlsTerminator(certificates.loopbackKeyStore, emulator.get().getPort())) {
            target.addComponent(context, "untrusted", emulator.get(), tls.baseUrl(), c -> c.setMaxRetries(3));
            long before = target.emulatorCalls(emulator.get());

            Exchange out = target.read(template, "untrusted");

            assertThat(out.getException()).as("the call fails").isNotNull();
            assertThat(chain(out.getException())).as("a certificate error")
                    .anyMatch(t -> t instanceof SSLException)
                    .anyMatch(t -> String.valueOf(t.getMessage()).contains("unable to find valid certification path"));
            assertThat(out.getException().getMessage()).contains("TLS verification of the server failed", "sslContextParameters");
            assertThat(tls.accepted()).as("one connection, not retried").isEqualTo(1);
            assertThat(tls.handshakes()).as("no handshake completed").isZero();
            assertThat(tls.clientBytes()).isZero();
            assertThat(target.emulatorCalls(emulator.get()) - before).as("no request reached the emulator").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TransportTarget.class)
    void trustedCertificateIsAcceptedWithSslContextParameters(TransportTarget target) throws Exception {
        try (TlsTerminator tls = new TlsTerminator(certificates.loopbackKeyStore, emulator.get().getPort())) {
            target.addComponent(context, "trusted", emulator.get(), tls.baseUrl(),
                    c -> c.setSslContextParameters(certificates.trustingParameters()));
            long before = target.emulatorCalls(emulator.get());

            Exchange out = target.read(template, "trusted");

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(List.class)).hasSize(1);
            assertThat(tls.handshakes()).isGreaterThanOrEqualTo(1).isEqualTo(tls.accepted());
            assertThat(tls.failedHandshakes()).isZero();
            assertThat(target.emulatorCalls(emulator.get()) - before).isEqualTo(target.callsPerRead());
        }
    }

    @ParameterizedTest
    @EnumSource(TransportTarget.class)
    void trustedCertificateForAnotherHostIsRefused(TransportTarget target) throws Exception {
        try (TlsTerminator tls = new TlsTerminator(certificates.wrongNameKeyStore, emulator.get().getPort())) {
            target.addComponent(context, "wrongName", emulator.get(), tls.baseUrl(), c -> {
                c.setSslContextParameters(certificates.trustingParameters());
                c.setMaxRetries(3);
            });
            long before = target.emulatorCalls(emulator.get());

            Exchange out = target.read(template, "wrongName");

            assertThat(out.getException()).as("the call fails").isNotNull();
            assertThat(chain(out.getException())).as("a host name error")
                    .anyMatch(t -> t instanceof SSLException)
                    .anyMatch(t -> String.valueOf(t.getMessage()).contains("127.0.0.1"));
            assertThat(out.getException().getMessage()).contains("TLS verification of the server failed");
            assertThat(tls.accepted()).as("one connection, not retried").isEqualTo(1);
            assertThat(tls.clientBytes()).as("no request sent after the handshake").isZero();
            assertThat(target.emulatorCalls(emulator.get()) - before).as("no request reached the emulator").isZero();
        }
    }

    static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
