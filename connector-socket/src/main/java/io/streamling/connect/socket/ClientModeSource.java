package io.streamling.connect.socket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client mode: one reader thread connects to the server, reads until the connection ends, and
 * reconnects after an exponential backoff with jitter ({@link ReconnectBackoff}), forever. It never
 * fails the task for network reasons (server absent at start, restarted, resetting the connection,
 * TLS handshake refused): it logs one WARN line per attempt with the next delay.
 */
final class ClientModeSource implements SocketSource {

    private static final Logger log = LoggerFactory.getLogger(ClientModeSource.class);
    private static final long STOP_JOIN_MS = 2_000;

    private final SocketSourceConfig config;
    private final ConnectionReader reader;
    private final RecordBuffer buffer;
    private final SocketSourceMetrics metrics;
    private final SSLContext tls; // null without TLS
    private final Consumer<Throwable> onFatal;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final Object socketLock = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private Socket socket; // guarded by socketLock
    private boolean tcpConnected; // owned by the reader thread: whether the current attempt got past TCP connect

    ClientModeSource(SocketSourceConfig config, ConnectionReader reader, RecordBuffer buffer,
                     SocketSourceMetrics metrics, SSLContext tls, Consumer<Throwable> onFatal) {
        this.config = config;
        this.reader = reader;
        this.buffer = buffer;
        this.metrics = metrics;
        this.tls = tls;
        this.onFatal = onFatal;
        this.thread = new Thread(this::readLoop, "socket-source-client-" + endpoint());
        thread.setDaemon(true); // never keep a JVM alive because a server is unreachable
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void close() {
        running = false;
        stopSignal.countDown();
        closeSocket();
        thread.interrupt(); // wakes a reader blocked on a full buffer
        try {
            thread.join(STOP_JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop() {
        ReconnectBackoff backoff = new ReconnectBackoff(config.reconnectBackoffInitialMs(), config.reconnectBackoffMaxMs());
        boolean firstAttempt = true;
        try {
            while (running) {
                if (!firstAttempt) {
                    metrics.reconnectAttempt();
                }
                firstAttempt = false;
                String why;
                boolean opened = false;
                try {
                    Socket s = connect();
                    if (s == null) {
                        break; // stopped while connecting
                    }
                    opened = true;
                    long lines = reader.read(s.getInputStream(), Peer.of(s));
                    if (lines > 0) {
                        // a connection that delivered data counts as healthy: start the backoff over.
                        // One that is accepted and closed at once keeps backing off, so a flapping
                        // server is not hammered at the initial rate.
                        backoff.reset();
                    }
                    why = "server closed the connection after " + lines + " lines";
                } catch (IOException e) {
                    if (running && tcpConnected) {
                        metrics.connectionError(); // refused or timed-out connects are counted as reconnects only
                    }
                    why = e.getClass().getSimpleName() + ": " + e.getMessage();
                } catch (SocketConnectorException e) {
                    // a fail policy: the task fails once poll() reaches this point; stop reading
                    buffer.put(Received.failure(e));
                    break;
                } catch (InterruptedException e) {
                    break; // only stop() interrupts us
                } finally {
                    if (opened) {
                        metrics.connectionClosed();
                        metrics.connected(false);
                    }
                    closeSocket();
                }
                if (!running) {
                    break;
                }
                long delayMs = backoff.nextDelayMs();
                log.warn("Socket source {}: {}; reconnecting in {} ms (reconnect attempt {})",
                    endpoint(), why, delayMs, metrics.getReconnects() + 1);
                if (stopSignal.await(delayMs, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            // stop() while backing off or while handing over a failure
        } catch (Throwable t) {
            // e.g. OutOfMemoryError: surface it through poll() instead of dying silently
            onFatal.accept(t);
        }
        log.debug("Reader thread for {} exits", endpoint());
    }

    /** @return the connected (and, with TLS, handshaken) socket, or null if stop() came first */
    private Socket connect() throws IOException {
        tcpConnected = false;
        Socket plain = new Socket();
        synchronized (socketLock) {
            if (!running) {
                return null;
            }
            socket = plain; // published before connect() so that stop() can abort a pending connect
        }
        plain.setKeepAlive(true); // lets the OS notice a server host that vanished without a FIN
        if (config.receiveBufferBytes() > 0) {
            plain.setReceiveBufferSize(config.receiveBufferBytes()); // before connect: it sizes the TCP window
        }
        plain.connect(new InetSocketAddress(config.host(), config.port()), config.connectTimeoutMs());
        tcpConnected = true;
        Socket s = plain;
        if (tls != null) {
            s = TlsContexts.handshakeAsClient(tls, plain, config);
            synchronized (socketLock) {
                socket = s;
            }
        }
        metrics.connectionOpened();
        metrics.connected(true);
        log.info("Socket source connected to {}{} (connection {})", endpoint(), tls != null ? " with TLS" : "",
            metrics.getConnections());
        return s;
    }

    private void closeSocket() {
        synchronized (socketLock) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is best effort
                }
                socket = null;
            }
        }
    }

    private String endpoint() {
        return config.host() + ":" + config.port();
    }
}
