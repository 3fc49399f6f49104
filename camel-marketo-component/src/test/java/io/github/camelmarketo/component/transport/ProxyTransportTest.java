package io.github.camelmarketo.component.transport;

import java.util.List;

import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every transport goes through the configured HTTP proxy (proxyHost, proxyPort), authenticates to it when
 * proxyUsername and proxyPassword are set (preemptively: no 407 round trip), and follows the JVM's proxy system
 * properties when no proxyHost is set. The proxy relays to the emulator and counts what it relayed.
 */
class ProxyTransportTest extends CamelTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(3));

    @ParameterizedTest
    @EnumSource(TransportTarget.class)
    void callsGoThroughTheConfiguredProxy(TransportTarget target) throws Exception {
        try (RelayProxy proxy = new RelayProxy(null, null)) {
            target.addComponent(context, "proxied", emulator.get(), emulator.get().getBaseUrl(), c -> {
                c.setProxyHost("127.0.0.1");
                c.setProxyPort(proxy.port());
            });
            long before = target.emulatorCalls(emulator.get());

            readOneLead(target, "proxied");

            assertThat(proxy.relayed()).as("every call crossed the proxy").isEqualTo(target.callsPerRead());
            assertThat(target.emulatorCalls(emulator.get()) - before).isEqualTo(target.callsPerRead());
        }
    }

    @ParameterizedTest
    @EnumSource(TransportTarget.class)
    void proxyCredentialsAreSentPreemptively(TransportTarget target) throws Exception {
        try (RelayProxy proxy = new RelayProxy("proxy-user", "Pr0xyPassw0rd")) {
            target.addComponent(context, "authenticated", emulator.get(), emulator.get().getBaseUrl(), c -> {
                c.setProxyHost("127.0.0.1");
                c.setProxyPort(proxy.port());
                c.setProxyUsername("proxy-user");
                c.setProxyPassword("Pr0xyPassw0rd");
            });

            readOneLead(target, "authenticated");

            assertThat(proxy.relayed()).isEqualTo(target.callsPerRead());
            assertThat(proxy.refused()).as("no 407 round trip").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TransportTarget.class)
    void withoutCredentialsTheAuthenticatingProxyRefuses(TransportTarget target) throws Exception {
        try (RelayProxy proxy = new RelayProxy("proxy-user", "Pr0xyPassw0rd")) {
            target.addComponent(context, "anonymous", emulator.get(), emulator.get().getBaseUrl(), c -> {
                c.setProxyHost("127.0.0.1");
                c.setProxyPort(proxy.port());
                c.setMaxRetries(0);
            });
            long before = target.emulatorCalls(emulator.get());

            Exchange out = target.read(template, "anonymous");

            assertThat(out.getException()).isNotNull();
            assertThat(proxy.relayed()).isZero();
            assertThat(proxy.refused()).isEqualTo(1);
            assertThat(target.emulatorCalls(emulator.get()) - before).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TransportTarget.class)
    void jvmProxySystemPropertiesApplyWithoutProxyHost(TransportTarget target) throws Exception {
        String[] names = { "http.proxyHost", "http.proxyPort", "http.nonProxyHosts" };
        String[] saved = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            saved[i] = System.getProperty(names[i]);
        }
        try (RelayProxy proxy = new RelayProxy(null, null)) {
            System.setProperty("http.proxyHost", "127.0.0.1");
            System.setProperty("http.proxyPort", Integer.toString(proxy.port()));
            // loopback targets bypass the proxy by default; the emulator is one
            System.setProperty("http.nonProxyHosts", "");
            target.addComponent(context, "systemProxy", emulator.get(), emulator.get().getBaseUrl(), c -> {
            });

            readOneLead(target, "systemProxy");

            assertThat(proxy.relayed()).isEqualTo(target.callsPerRead());
        } finally {
            for (int i = 0; i < names.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(names[i]);
                } else {
                    System.setProperty(names[i], saved[i]);
                }
            }
        }
    }

    private void readOneLead(TransportTarget target, String component) {
        Exchange out = target.read(template, component);
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(List.class)).hasSize(1);
    }
}
