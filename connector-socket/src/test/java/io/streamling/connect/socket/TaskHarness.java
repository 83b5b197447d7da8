package io.streamling.connect.socket;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.connect.source.SourceRecord;

/** A {@link SocketSourceTask} run by hand (no Connect worker) plus the records its polls returned. */
final class TaskHarness implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    final SocketSourceTask task = new SocketSourceTask();
    final List<SourceRecord> received = new CopyOnWriteArrayList<>();

    /** Client-mode properties with fast reconnects. */
    static Map<String, String> clientProps(int port) {
        Map<String, String> props = new HashMap<>();
        props.put(SocketSourceConfig.TOPIC, "lines");
        props.put(SocketSourceConfig.SOCKET_HOST, "127.0.0.1");
        props.put(SocketSourceConfig.SOCKET_PORT, String.valueOf(port));
        // fast retries keep the reconnect tests short
        props.put(SocketSourceConfig.RECONNECT_BACKOFF_INITIAL_MS, "20");
        props.put(SocketSourceConfig.RECONNECT_BACKOFF_MAX_MS, "200");
        return props;
    }

    /** Server-mode properties on a free port. */
    static Map<String, String> serverProps() {
        Map<String, String> props = new HashMap<>();
        props.put(SocketSourceConfig.TOPIC, "lines");
        props.put(SocketSourceConfig.SOCKET_MODE, "server");
        props.put(SocketSourceConfig.SOCKET_PORT, "0");
        return props;
    }

    TaskHarness start(Map<String, String> props) {
        task.start(props);
        return this;
    }

    /** @return the server-mode port */
    int port() {
        return task.metrics().getLocalPort();
    }

    /** Polls until at least {@code n} records were received; returns their values. */
    List<Object> pollUntil(int n) {
        await().atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
            pollOnce();
            return received.size() >= n;
        });
        return values();
    }

    /** One poll; its records are added to {@link #received}. */
    void pollOnce() throws InterruptedException {
        List<SourceRecord> batch = task.poll();
        if (batch != null) {
            received.addAll(batch);
        }
    }

    List<Object> values() {
        return received.stream().map(SourceRecord::value).toList();
    }

    @Override
    public void close() {
        task.stop();
    }

    static ServerSocket rawServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout((int) TIMEOUT.toMillis()); // accept() must not hang a broken test forever
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        return socket;
    }

    static void send(Socket socket, byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }
}
