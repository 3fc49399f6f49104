package io.github.camelmarketo.emulator.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder in front of the emulator (or any loopback server) that can refuse connections for real: while it
 * is closed nothing listens on its port, so a client's connect fails with "connection refused", the one failure that
 * proves a request never left. {@link #refuseFrom(int, Duration)} closes the port once the connection before the
 * chosen one has been accepted and opens it again a while after that connection ended. Pair it with an emulator
 * built with {@code keepAlive(false)}, so that each call is one connection and "the Nth connection" is "the Nth
 * call". Counts accepted connections; thread-safe.
 */
public final class TcpGate implements AutoCloseable {

    private final InetSocketAddress target;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "tcp-gate-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger accepted = new AtomicInteger();
    private int port;
    private ServerSocket server;
    private int closeAfter = -1;
    private Duration closedFor = Duration.ZERO;
    private volatile boolean stopped;

    private TcpGate(InetSocketAddress target) {
        this.target = target;
    }

    /** A gate on a free loopback port forwarding to {@code targetPort} on 127.0.0.1. */
    public static TcpGate forward(int targetPort) {
        TcpGate gate = new TcpGate(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        gate.open();
        return gate;
    }

    /** The port clients connect to. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
    }

    /** Connections accepted (and forwarded) so far. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /**
     * Refuses the {@code nth} connection from now (1-based) and every attempt in the following {@code closedFor}:
     * with {@code nth == 1} the port closes at once and opens again after {@code closedFor}; otherwise it closes as
     * soon as connection {@code nth - 1} is accepted and opens {@code closedFor} after that connection ended.
     */
    public synchronized void refuseFrom(int nth, Duration closedFor) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth must be >= 1, was " + nth);
        }
        this.closedFor = closedFor;
        if (nth == 1) {
            closeListener();
            reopenAfter(closedFor);
        } else {
            closeAfter = accepted.get() + nth - 1;
        }
    }

    private synchronized void open() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            port = socket.getLocalPort();
            server = socket;
            Thread acceptor = new Thread(() -> acceptLoop(socket), "tcp-gate-accept-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the TCP gate on port " + port, e);
        }
    }

    private synchronized void closeListener() {
        if (server != null) {
            closeQuietly(server);
            server = null;
        }
    }

    private void reopenAfter(Duration delay) {
        timer.schedule(() -> {
            if (!stopped) {
                open();
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return;
            }
            int number = accepted.incrementAndGet();
            boolean last;
            synchronized (this) {
                last = number == closeAfter;
                if (last) {
                    closeAfter = -1;
                    closeListener();
                }
            }
            Duration closed = closedFor;
            Thread pump = new Thread(() -> {
                forward(client);
                if (last) {
                    reopenAfter(closed);
                }
            }, "tcp-gate-conn-" + number);
            pump.setDaemon(true);
            pump.start();
        }
    }

    /** Pumps both directions until either side closes. */
    private void forward(Socket client) {
        try (Socket upstream = new Socket()) {
            upstream.connect(target);
            Thread back = new Thread(() -> pump(upstream, client), "tcp-gate-back");
            back.setDaemon(true);
            back.start();
            pump(client, upstream);
            back.join();
        } catch (IOException e) {
            // the target went away: the client sees the connection close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    @Override
    public synchronized void close() {
        stopped = true;
        closeListener();
        timer.shutdownNow();
    }
}
