package io.streamling.connect.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.streamling.connect.socket.tools.LineServer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketSourceTaskTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final SocketSourceTask task = new SocketSourceTask();
    private final List<SourceRecord> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopTask() {
        task.stop();
    }

    private static Map<String, String> props(int port) {
        Map<String, String> props = new HashMap<>();
        props.put(SocketSourceConfig.TOPIC, "lines");
        props.put(SocketSourceConfig.SOCKET_HOST, "127.0.0.1");
        props.put(SocketSourceConfig.SOCKET_PORT, String.valueOf(port));
        // fast retries keep the reconnect tests short
        props.put(SocketSourceConfig.RECONNECT_BACKOFF_INITIAL_MS, "20");
        props.put(SocketSourceConfig.RECONNECT_BACKOFF_MAX_MS, "200");
        return props;
    }

    /** Polls the task until at least {@code n} records were received; returns their values. */
    private List<String> pollUntil(int n) {
        await().atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                received.addAll(batch);
            }
            return received.size() >= n;
        });
        return values();
    }

    private List<String> values() {
        return received.stream().map(r -> (String) r.value()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static ServerSocket rawServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout((int) TIMEOUT.toMillis()); // accept() must not hang a broken test forever
        return server;
    }

    private static void send(Socket client, byte[] bytes) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    @Test
    void shouldDeliverLinesInOrderWithIngestionTimestamps() {
        // given
        List<String> lines = IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).toList();
        long before = System.currentTimeMillis();
        try (LineServer server = LineServer.serve(lines, 0, Duration.ZERO)) {
            // when
            task.start(props(server.port()));
            List<String> values = pollUntil(100);
            long after = System.currentTimeMillis();

            // then
            assertThat(values).containsExactlyElementsOf(lines);
            List<Long> timestamps = received.stream().map(SourceRecord::timestamp).toList();
            assertThat(timestamps).isSorted().allSatisfy(ts -> assertThat(ts).isBetween(before, after));
            assertThat(task.linesRead()).isEqualTo(100);
            assertThat(task.bytesRead()).isEqualTo(lines.stream().mapToInt(l -> l.length() + 1).sum());
            assertThat(task.connections()).isEqualTo(1);
        }
    }

    @Test
    void shouldBuildStringRecordsWithHostPortPartitionAndRunningLineOffset() {
        // given
        try (LineServer server = LineServer.serve(List.of("a", "b", "c"), 0, Duration.ZERO)) {
            task.start(props(server.port()));

            // when
            pollUntil(3);

            // then
            assertThat(received).allSatisfy(r -> {
                assertThat(r.topic()).isEqualTo("lines");
                assertThat(r.kafkaPartition()).isNull();
                assertThat(r.key()).isNull();
                assertThat(r.keySchema()).isNull();
                assertThat(r.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
                assertThat(r.sourcePartition()).isEqualTo(Map.of("host", "127.0.0.1", "port", server.port()));
            });
            assertThat(received).extracting(r -> (Object) r.sourceOffset().get("line")).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void shouldStripCrLfLineTerminators() throws IOException {
        // given
        try (ServerSocket server = rawServer()) {
            task.start(props(server.getLocalPort()));
            try (Socket client = server.accept()) {
                // when
                send(client, "windows\r\nunix\nkept\rinside\r\n".getBytes(StandardCharsets.UTF_8));

                // then
                assertThat(pollUntil(3)).containsExactly("windows", "unix", "kept\rinside");
            }
        }
    }

    @Test
    void shouldReplaceInvalidUtf8BytesAndKeepNextLine() throws IOException {
        // given: 0xC3 0x28 is an invalid two-byte sequence, 0xFF is never valid UTF-8
        try (ServerSocket server = rawServer()) {
            task.start(props(server.getLocalPort()));
            try (Socket client = server.accept()) {
                // when
                send(client, new byte[] {'b', 'a', 'd', (byte) 0xC3, 0x28, '\n', (byte) 0xFF, '\n'});
                send(client, "next line\n".getBytes(StandardCharsets.UTF_8));

                // then
                assertThat(pollUntil(3)).containsExactly("bad\uFFFD(", "\uFFFD", "next line");
            }
        }
    }

    @Test
    void shouldTruncateOverlongLineAndCountIt() throws IOException {
        // given
        Map<String, String> props = props(0);
        try (ServerSocket server = rawServer()) {
            props.put(SocketSourceConfig.SOCKET_PORT, String.valueOf(server.getLocalPort()));
            props.put(SocketSourceConfig.LINE_MAX_BYTES, "10");
            task.start(props);
            try (Socket client = server.accept()) {
                // when
                send(client, ("0123456789ABCDEF\nshort\n" + "x".repeat(100_000) + "\nend\n")
                    .getBytes(StandardCharsets.UTF_8));

                // then
                assertThat(pollUntil(4)).containsExactly("0123456789", "short", "xxxxxxxxxx", "end");
                assertThat(task.truncatedLines()).isEqualTo(2);
            }
        }
    }

    @Test
    void shouldKeepRetryingWithBackoffWhileNothingListensAndReadOnceServerStarts() throws Exception {
        // given: a port nobody listens on
        int port = freePort();
        task.start(props(port));

        // when: the task has failed to connect several times
        await().atMost(TIMEOUT).until(() -> task.reconnects() >= 3);
        assertThat(task.connections()).isZero();
        assertThat(task.poll()).isNull();

        // then: a server appearing on that port is picked up
        try (LineServer server = LineServer.serve(List.of("finally", "here"), port, Duration.ZERO)) {
            assertThat(pollUntil(2)).containsExactly("finally", "here");
            assertThat(server.clientsAccepted()).isEqualTo(1);
            assertThat(task.connections()).isEqualTo(1);
        }
    }

    @Test
    void shouldReconnectAfterServerClosesConnectionMidStream() throws IOException {
        // given
        try (ServerSocket server = rawServer()) {
            task.start(props(server.getLocalPort()));
            try (Socket first = server.accept()) {
                send(first, "one\ntwo\n".getBytes(StandardCharsets.UTF_8));
            } // when: the server closes the connection

            // then: the task connects again and lines sent on the new connection arrive
            try (Socket second = server.accept()) {
                send(second, "three\nfour\n".getBytes(StandardCharsets.UTF_8));
                assertThat(pollUntil(4)).containsExactly("one", "two", "three", "four");
            }
            assertThat(task.connections()).isEqualTo(2);
            assertThat(task.reconnects()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void shouldUnblockWaitingPollPromptlyOnStopAndCloseTheSocket() throws Exception {
        // given: a connected task with nothing to read and a poll() that would otherwise wait a minute
        try (ServerSocket server = rawServer()) {
            task.pollWaitMs(60_000);
            task.start(props(server.getLocalPort()));
            try (Socket client = server.accept()) {
                Thread[] poller = new Thread[1];
                CompletableFuture<List<SourceRecord>> poll = CompletableFuture.supplyAsync(() -> {
                    poller[0] = Thread.currentThread();
                    try {
                        return task.poll();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                await().atMost(TIMEOUT).until(() -> poller[0] != null
                    && poller[0].getState() == Thread.State.TIMED_WAITING);

                // when
                task.stop();

                // then
                await().atMost(Duration.ofSeconds(5)).until(poll::isDone);
                assertThat(poll.get()).isNull();
                client.setSoTimeout((int) TIMEOUT.toMillis());
                assertThat(client.getInputStream().read()).as("EOF after the task closed its socket").isEqualTo(-1);
            }
        }
    }

    @Test
    void shouldStopReadingWhenBufferIsFullSoTcpPushesBack() {
        // given: a buffer of 5 lines and a server with far more
        List<String> lines = IntStream.range(0, 2_000).mapToObj(i -> "l" + i).toList();
        Map<String, String> props;
        try (LineServer server = LineServer.serve(lines, 0, Duration.ZERO)) {
            props = props(server.port());
            props.put(SocketSourceConfig.BUFFER_MAX_LINES, "5");
            props.put(SocketSourceConfig.POLL_MAX_RECORDS, "3");

            // when
            task.start(props);

            // then: the reader fills the buffer and waits (one more line may be in its hand)
            await().atMost(TIMEOUT).until(() -> task.bufferedLines() == 5);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> task.linesRead() <= 6);
            // and poll() returns at most poll.max.records, then everything arrives in order
            List<SourceRecord> firstBatch = new ArrayList<>();
            await().atMost(TIMEOUT).until(() -> {
                List<SourceRecord> batch = task.poll();
                if (batch != null) {
                    firstBatch.addAll(batch);
                }
                return !firstBatch.isEmpty();
            });
            assertThat(firstBatch).hasSize(3);
            received.addAll(firstBatch);
            assertThat(pollUntil(2_000)).containsExactlyElementsOf(lines);
        }
    }

    @Test
    void shouldReturnNullFromPollWhenNothingArrives() throws Exception {
        try (ServerSocket server = rawServer()) {
            task.start(props(server.getLocalPort()));
            try (Socket client = server.accept()) {
                await().atMost(TIMEOUT).until(task::isConnected);
                assertThat(client.isConnected()).isTrue();
                assertThat(task.poll()).isNull();
            }
        }
    }

    @Test
    void shouldIgnoreStopWithoutStart() {
        new SocketSourceTask().stop();
    }
}
