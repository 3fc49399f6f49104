package io.github.camelmarketo.component.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * An HTTPS front for the (plain HTTP) emulator: terminates TLS on a loopback port with a certificate of
 * {@link TestCertificates} and relays the decrypted bytes to the emulator's port. Counts accepted connections,
 * completed and failed handshakes, and the application bytes clients sent after the handshake.
 */
final class TlsTerminator implements AutoCloseable {

    private final SSLServerSocket server;
    private final int targetPort;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger failedHandshakes = new AtomicInteger();
    private final AtomicLong clientBytes = new AtomicLong();
    private volatile boolean closed;

    TlsTerminator(Path keyStore, int targetPort) throws Exception {
        this.targetPort = targetPort;
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, TestCertificates.PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "tls-terminator");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code https://127.0.0.1:PORT}. */
    String baseUrl() {
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    int handshakes() {
        return handshakes.get();
    }

    int failedHandshakes() {
        return failedHandshakes.get();
    }

    /** Bytes clients sent after a completed handshake (0: no request was sent). */
    long clientBytes() {
        return clientBytes.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                accepted.incrementAndGet();
                Thread worker = new Thread(() -> serve(client), "tls-terminator-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                if (!closed) {
                    failedHandshakes.incrementAndGet();
                }
            }
        }
    }

    private void serve(SSLSocket client) {
        try (client) {
            try {
                client.startHandshake();
            } catch (IOException e) {
                failedHandshakes.incrementAndGet();
                return;
            }
            handshakes.incrementAndGet();
            try (Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                Thread upstream = new Thread(() -> pipe(client, target, true), "tls-terminator-up");
                upstream.setDaemon(true);
                upstream.start();
                pipe(target, client, false);
                upstream.join(5000);
            }
        } catch (IOException | InterruptedException e) {
            // connection ended
        }
    }

    private void pipe(Socket from, Socket to, boolean countClientBytes) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (countClientBytes) {
                    clientBytes.addAndGet(n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // closed by the other side
        } finally {
            try {
                if (to instanceof SSLSocket) {
                    to.close();
                } else {
                    to.shutdownOutput();
                }
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
