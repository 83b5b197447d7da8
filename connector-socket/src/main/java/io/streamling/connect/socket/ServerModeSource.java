package io.streamling.connect.socket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server mode: listens on {@code socket.host:socket.port} and reads every connected client on its own
 * thread, up to {@code server.max.connections} at once.
 *
 * <p>Policies: a client beyond the maximum is accepted and closed at once (counted in
 * ConnectionsRejected; whatever it sent is never read). A client silent for
 * {@code server.idle.timeout.ms} is closed (IdleTimeouts). A TLS handshake must finish within
 * {@code socket.connect.timeout.ms}; a failed one is a ConnectionErrors count. The acceptor never
 * reads, so one slow client cannot stop others from connecting.
 *
 * <p>Why a thread per connection rather than a selector: the connection count is capped, blocking
 * reads make TCP backpressure a plain blocking {@code put} into the buffer, and the JDK's TLS sockets
 * can be used as they are.
 */
final class ServerModeSource implements SocketSource {

    private static final Logger log = LoggerFactory.getLogger(ServerModeSource.class);
    private static final long STOP_JOIN_MS = 2_000;
    /** Backoff after accept() fails for a reason other than close (e.g. out of file descriptors). */
    private static final long ACCEPT_ERROR_PAUSE_MS = 100;
    private static final long REJECT_LOG_EVERY = 100;

    private final SocketSourceConfig config;
    private final ConnectionReader reader;
    private final RecordBuffer buffer;
    private final SocketSourceMetrics metrics;
    private final SSLContext tls; // null without TLS
    private final Consumer<Throwable> onFatal;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private volatile boolean running = true;
    private ServerSocket listener;
    private Thread acceptor;

    ServerModeSource(SocketSourceConfig config, ConnectionReader reader, RecordBuffer buffer,
                     SocketSourceMetrics metrics, SSLContext tls, Consumer<Throwable> onFatal) {
        this.config = config;
        this.reader = reader;
        this.buffer = buffer;
        this.metrics = metrics;
        this.tls = tls;
        this.onFatal = onFatal;
    }

    /**
     * Binds the listener (so a port clash fails the task's start with a clear message) and starts accepting.
     */
    @Override
    public void start() throws IOException {
        listener = tls != null ? TlsContexts.serverSocket(tls, config) : new ServerSocket();
        try {
            // a restarted task must be able to listen again while old connections sit in TIME_WAIT
            listener.setReuseAddress(true);
            if (config.receiveBufferBytes() > 0) {
                listener.setReceiveBufferSize(config.receiveBufferBytes()); // inherited by accepted sockets
            }
            listener.bind(new InetSocketAddress(config.host(), config.port()),
                Math.max(50, config.serverMaxConnections()));
        } catch (IOException e) {
            closeQuietly(listener);
            throw new IOException("Cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage()
                + "); is another program or another task of this connector listening there?", e);
        }
        metrics.localPort(listener::getLocalPort);
        acceptor = new Thread(this::acceptLoop, "socket-source-server-" + localPort());
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("Socket source listening on {}:{}{} (at most {} clients, idle timeout {} ms)", config.host(),
            localPort(), tls != null ? " with TLS" : "", config.serverMaxConnections(), config.serverIdleTimeoutMs());
    }

    /** @return the bound port */
    int localPort() {
        return listener.getLocalPort();
    }

    @Override
    public void close() {
        running = false;
        closeQuietly(listener);
        for (Socket client : clients) {
            closeQuietly(client);
        }
        for (Thread t : threads) {
            t.interrupt(); // wakes readers blocked on a full buffer
        }
        join(acceptor);
        for (Thread t : threads) {
            join(t);
        }
    }

    private void acceptLoop() {
        try {
            while (running) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    if (!running) {
                        return;
                    }
                    log.warn("Socket source on port {}: accept failed: {}", localPort(), e.toString());
                    Thread.sleep(ACCEPT_ERROR_PAUSE_MS); // not for synchronisation: avoids a hot loop on EMFILE
                    continue;
                }
                admit(client);
            }
        } catch (InterruptedException e) {
            // stopping
        } catch (Throwable t) {
            onFatal.accept(t);
        }
    }

    private void admit(Socket client) {
        Peer peer = Peer.of(client);
        if (active.incrementAndGet() > config.serverMaxConnections()) {
            active.decrementAndGet();
            metrics.connectionRejected(); // counted before the client can see the close
            closeQuietly(client);
            long rejected = metrics.getConnectionsRejected();
            if (rejected == 1 || rejected % REJECT_LOG_EVERY == 0) {
                log.warn("Socket source on port {}: refused {}: {} clients connected ({}); {} refused so far",
                    localPort(), peer, config.serverMaxConnections(), SocketSourceConfig.SERVER_MAX_CONNECTIONS, rejected);
            }
            return;
        }
        clients.add(client);
        if (!running) { // close() ran between accept and add: it did not see this client
            closeQuietly(client);
            clients.remove(client);
            active.decrementAndGet();
            return;
        }
        Thread t = new Thread(() -> serve(client, peer),
            "socket-source-server-" + localPort() + "-conn-" + threadNumber.incrementAndGet());
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void serve(Socket client, Peer peer) {
        metrics.connectionOpened();
        boolean handshaking = tls != null;
        // closed in finally, after the counters: whoever sees the connection end also sees why
        try {
            if (handshaking) {
                client.setSoTimeout(config.connectTimeoutMs());
                ((SSLSocket) client).startHandshake();
                handshaking = false;
            }
            // SO_TIMEOUT applies to each read: time blocked on a full buffer is not idle time
            client.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.serverIdleTimeoutMs()));
            log.debug("Socket source on port {}: client {} connected", localPort(), peer);
            long lines = reader.read(client.getInputStream(), peer);
            log.debug("Socket source on port {}: client {} closed after {} lines", localPort(), peer, lines);
        } catch (SocketTimeoutException e) {
            if (handshaking) {
                metrics.connectionError();
                log.info("Socket source on port {}: TLS handshake with {} timed out", localPort(), peer);
            } else {
                metrics.idleTimeout();
                log.info("Socket source on port {}: closed {}, silent for {} ms ({})", localPort(), peer,
                    config.serverIdleTimeoutMs(), SocketSourceConfig.SERVER_IDLE_TIMEOUT_MS);
            }
        } catch (IOException e) {
            if (running) {
                metrics.connectionError();
                log.info("Socket source on port {}: connection from {} failed: {}", localPort(), peer, e.toString());
            }
        } catch (SocketConnectorException e) {
            failTask(e);
        } catch (InterruptedException e) {
            // stopping
        } catch (Throwable t) {
            onFatal.accept(t);
        } finally {
            closeQuietly(client);
            clients.remove(client);
            active.decrementAndGet();
            metrics.connectionClosed();
            threads.remove(Thread.currentThread());
        }
    }

    /** A fail policy: the task fails once poll() reaches this point; this connection is closed. */
    private void failTask(SocketConnectorException e) {
        try {
            buffer.put(Received.failure(e));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(STOP_JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort
        }
    }
}
