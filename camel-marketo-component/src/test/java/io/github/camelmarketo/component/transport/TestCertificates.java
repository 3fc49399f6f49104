package io.github.camelmarketo.component.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * Self-signed certificates made once per JVM with the JDK's keytool: one for 127.0.0.1 and localhost, one for a host
 * name that is not this machine's, and a trust store that trusts both. Nothing here trusts everything.
 */
final class TestCertificates {

    static final String PASSWORD = "changeit";

    private static TestCertificates instance;

    /** Key store (PKCS12) of a certificate valid for 127.0.0.1 and localhost. */
    final Path loopbackKeyStore;
    /** Key store of a certificate valid only for wrong.example.invalid. */
    final Path wrongNameKeyStore;
    /** Trust store holding both certificates. */
    final Path trustStore;

    private TestCertificates(Path dir) throws IOException, InterruptedException {
        loopbackKeyStore = dir.resolve("loopback.p12");
        wrongNameKeyStore = dir.resolve("wrong-name.p12");
        trustStore = dir.resolve("trust.p12");
        keyPair(loopbackKeyStore, "CN=127.0.0.1", "ip:127.0.0.1,dns:localhost");
        keyPair(wrongNameKeyStore, "CN=wrong.example.invalid", "dns:wrong.example.invalid");
        trust(loopbackKeyStore, "loopback", dir);
        trust(wrongNameKeyStore, "wrong-name", dir);
    }

    static synchronized TestCertificates get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("camel-marketo-tls");
                dir.toFile().deleteOnExit();
                instance = new TestCertificates(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** Camel's SSLContextParameters with {@link #trustStore} as the only trust. */
    SSLContextParameters trustingParameters() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + trustStore.toAbsolutePath());
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    private static void keyPair(Path store, String dname, String san) throws IOException, InterruptedException {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", dname, "-ext", "SAN=" + san, "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
    }

    private void trust(Path keyStore, String alias, Path dir) throws IOException, InterruptedException {
        Path cert = dir.resolve(alias + ".cer");
        keytool("-exportcert", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", PASSWORD);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }
}
