package io.github.camelmarketo.component.support;

import java.io.IOException;
import java.net.Socket;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP connections that never log headers or wire bytes. HttpClient 5's own connections log every request header
 * (so the {@code Authorization: Bearer} token and LeadSquared's key headers) to
 * {@code org.apache.hc.client5.http.headers} and every body byte (so the identity form with the client secret and
 * the token in its answer) to {@code org.apache.hc.client5.http.wire} as soon as those loggers are at DEBUG, with no
 * way to mask a value. The components' HTTP clients use these connections instead; their own DEBUG log says what was
 * called, without secrets. HttpClient's other loggers (pool, exec chain) are unaffected.
 */
public final class QuietHttpConnections {

    private QuietHttpConnections() {
    }

    /** A connection factory for {@code PoolingHttpClientConnectionManagerBuilder.setConnectionFactory}. */
    public static HttpConnectionFactory<ManagedHttpClientConnection> factory() {
        return socket -> {
            QuietConnection connection = new QuietConnection();
            if (socket != null) {
                connection.bind(socket);
            }
            return connection;
        };
    }

    /** HttpClient's managed connection without the logging (socket timeout kept across passivate/activate). */
    private static final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

        private Timeout socketTimeout;

        QuietConnection() {
            super(Http1Config.DEFAULT);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            super.bind(socket);
            socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            super.bind(new SocketHolder(sslSocket, socket));
            socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder == null ? null : holder.getSocket();
        }

        @Override
        public SSLSession getSSLSession() {
            Socket socket = getSocket();
            return socket instanceof SSLSocket ssl ? ssl.getSession() : null;
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            super.setSocketTimeout(timeout);
            socketTimeout = timeout;
        }

        @Override
        public void passivate() {
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            super.setSocketTimeout(socketTimeout);
        }
    }
}
