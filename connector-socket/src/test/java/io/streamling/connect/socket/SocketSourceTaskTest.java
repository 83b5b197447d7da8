package io.streamling.connect.socket;

import static io.streamling.connect.socket.TaskHarness.TIMEOUT;
import static io.streamling.connect.socket.TaskHarness.clientProps;
import static io.streamling.connect.socket.TaskHarness.freePort;
import static io.streamling.connect.socket.TaskHarness.rawServer;
import static io.streamling.connect.socket.TaskHarness.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.streamling.connect.socket.tools.LineServer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client mode, the task driven by hand. */
class SocketSourceTaskTest {

    private final TaskHarness harness = new TaskHarness();
    private final SocketSourceTask task = harness.task;

    @AfterEach
    void stopTask() {
        harness.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenALineServer_whenPolled_thenLinesArriveInOrderWithIngestionTimestamps() {
        // given
        List<String> lines = IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).toList();
        long before = System.currentTimeMillis();
        try (LineServer server = LineServer.serve(lines, 0, Duration.ZERO)) {
            // when
            harness.start(clientProps(server.port()));
            List<Object> values = harness.pollUntil(100);
            long after = System.currentTimeMillis();

            // then
            assertThat(values).containsExactlyElementsOf(lines);
            List<Long> timestamps = harness.received.stream().map(SourceRecord::timestamp).toList();
            assertThat(timestamps).isSorted().allSatisfy(ts -> assertThat(ts).isBetween(before, after));
            assertThat(task.linesRead()).isEqualTo(100);
            assertThat(task.bytesRead()).isEqualTo(lines.stream().mapToInt(l -> l.length() + 1).sum());
            assertThat(task.connections()).isEqualTo(1);
            assertThat(task.metrics().getLinesPolled()).isEqualTo(100);
        }
    }

    @Test
    void givenDefaults_whenPolled_thenStringRecordsWithHostPortPartitionRunningOffsetNoKeyNoHeaders() {
        // given
        try (LineServer server = LineServer.serve(List.of("a", "b", "c"), 0, Duration.ZERO)) {
            harness.start(clientProps(server.port()));

            // when
            harness.pollUntil(3);

            // then
            assertThat(harness.received).allSatisfy(r -> {
                assertThat(r.topic()).isEqualTo("lines");
                assertThat(r.kafkaPartition()).isNull();
                assertThat(r.key()).isNull();
                assertThat(r.keySchema()).isNull();
                assertThat(r.headers().isEmpty()).isTrue();
                assertThat(r.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
                assertThat(r.sourcePartition()).isEqualTo(Map.of("host", "127.0.0.1", "port", server.port()));
            });
            assertThat(harness.received).extracting(r -> (Object) r.sourceOffset().get("line"))
                .containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void givenRecordKeyRemote_whenPolled_thenKeyIsTheServersHostAndPort() {
        try (LineServer server = LineServer.serve(List.of("a"), 0, Duration.ZERO)) {
            Map<String, String> props = clientProps(server.port());
            props.put(SocketSourceConfig.RECORD_KEY, "remote");
            harness.start(props);

            harness.pollUntil(1);

            assertThat(harness.received.get(0).key()).isEqualTo("127.0.0.1:" + server.port());
            assertThat(harness.received.get(0).keySchema()).isEqualTo(Schema.STRING_SCHEMA);
        }
    }

    @Test
    void givenCrLfTerminators_whenPolled_thenTheyAreStripped() throws IOException {
        // given
        try (ServerSocket server = rawServer()) {
            harness.start(clientProps(server.getLocalPort()));
            try (Socket client = server.accept()) {
                // when
                send(client, utf8("windows\r\nunix\nkept\rinside\r\n"));

                // then
                assertThat(harness.pollUntil(3)).containsExactly("windows", "unix", "kept\rinside");
            }
        }
    }

    @Test
    void givenInvalidUtf8AndDefaultPolicy_whenPolled_thenBytesAreReplacedCountedAndTheNextLineIsKept() throws IOException {
        // given: 0xC3 0x28 is an invalid two-byte sequence, 0xFF is never valid UTF-8
        try (ServerSocket server = rawServer()) {
            harness.start(clientProps(server.getLocalPort()));
            try (Socket client = server.accept()) {
                // when
                send(client, new byte[] {'b', 'a', 'd', (byte) 0xC3, 0x28, '\n', (byte) 0xFF, '\n'});
                send(client, utf8("next line\n"));

                // then
                assertThat(harness.pollUntil(3)).containsExactly("bad\uFFFD(", "\uFFFD", "next line");
                assertThat(task.metrics().getLinesWithReplacement()).isEqualTo(2);
            }
        }
    }

    @Test
    void givenInvalidUtf8AndSkipPolicy_whenPolled_thenLinesAreDroppedAndCounted() throws IOException {
        try (ServerSocket server = rawServer()) {
            Map<String, String> props = clientProps(server.getLocalPort());
            props.put(SocketSourceConfig.DECODE_ERROR_POLICY, "skip");
            harness.start(props);
            try (Socket client = server.accept()) {
                send(client, new byte[] {'o', 'k', '\n', (byte) 0xFF, '\n', 'a', (byte) 0xC3, '\n', 'e', 'n', 'd', '\n'});

                assertThat(harness.pollUntil(2)).containsExactly("ok", "end");
                assertThat(task.metrics().getLinesDroppedUndecodable()).isEqualTo(2);
                assertThat(task.linesRead()).isEqualTo(4);
            }
        }
    }

    @Test
    void givenInvalidUtf8AndFailPolicy_whenPolled_thenEarlierLinesArriveAndThenTheTaskFails() throws Exception {
        try (ServerSocket server = rawServer()) {
            Map<String, String> props = clientProps(server.getLocalPort());
            props.put(SocketSourceConfig.DECODE_ERROR_POLICY, "fail");
            harness.start(props);
            try (Socket client = server.accept()) {
                send(client, new byte[] {'o', 'k', '\n', (byte) 0xFF, '\n', 'n', 'e', 'v', 'e', 'r', '\n'});

                assertThat(harness.pollUntil(1)).containsExactly("ok");
                await().atMost(TIMEOUT).untilAsserted(() -> assertThatThrownBy(harness::pollOnce)
                    .isInstanceOf(UndecodableLineException.class)
                    .hasMessageContaining(SocketSourceConfig.DECODE_ERROR_POLICY));
                assertThat(harness.values()).containsExactly("ok");
            }
        }
    }

    @Test
    void givenOverlongLinesAndTruncatePolicy_whenPolled_thenCutToMaxBytesAndCounted() throws IOException {
        // given
        try (ServerSocket server = rawServer()) {
            Map<String, String> props = clientProps(server.getLocalPort());
            props.put(SocketSourceConfig.LINE_MAX_BYTES, "10");
            harness.start(props);
            try (Socket client = server.accept()) {
                // when
                send(client, utf8("0123456789ABCDEF\nshort\n" + "x".repeat(100_000) + "\nend\n"));

                // then
                assertThat(harness.pollUntil(4)).containsExactly("0123456789", "short", "xxxxxxxxxx", "end");
                assertThat(task.truncatedLines()).isEqualTo(2);
                assertThat(task.metrics().getLinesDropped()).isZero();
            }
        }
    }

    @Test
    void givenOverlongLineAndSkipPolicy_whenPolled_thenDroppedAndCounted() throws IOException {
        try (ServerSocket server = rawServer()) {
            Map<String, String> props = clientProps(server.getLocalPort());
            props.put(SocketSourceConfig.LINE_MAX_BYTES, "10");
            props.put(SocketSourceConfig.LINE_TOO_LONG_POLICY, "skip");
            harness.start(props);
            try (Socket client = server.accept()) {
                send(client, utf8("short\n" + "y".repeat(50_000) + "\nafter\n"));

                assertThat(harness.pollUntil(2)).containsExactly("short", "after");
                assertThat(task.metrics().getLinesDroppedTooLong()).isEqualTo(1);
                assertThat(task.truncatedLines()).isZero();
            }
        }
    }

    @Test
    void givenOverlongLineAndFailPolicy_whenPolled_thenEarlierLinesArriveAndThenTheTaskFails() throws IOException {
        try (ServerSocket server = rawServer()) {
            Map<String, String> props = clientProps(server.getLocalPort());
            props.put(SocketSourceConfig.LINE_MAX_BYTES, "10");
            props.put(SocketSourceConfig.LINE_TOO_LONG_POLICY, "fail");
            harness.start(props);
            try (Socket client = server.accept()) {
                send(client, utf8("short\n" + "z".repeat(1_000) + "\nnever\n"));

                assertThat(harness.pollUntil(1)).containsExactly("short");
                await().atMost(TIMEOUT).untilAsserted(() -> assertThatThrownBy(harness::pollOnce)
                    .isInstanceOf(FrameTooLongException.class)
                    .hasMessageContaining(SocketSourceConfig.LINE_MAX_BYTES));
                assertThat(harness.values()).containsExactly("short");
            }
        }
    }

    @Test
    void givenLengthPrefixedFraming_whenPolled_thenEachFrameIsOneBytesRecord() throws IOException {
        try (ServerSocket server = rawServer()) {
            Map<String, String> props = clientProps(server.getLocalPort());
            props.put(SocketSourceConfig.SOCKET_FRAMING, "length-prefixed");
            harness.start(props);
            try (Socket client = server.accept()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                byte[] binary = {0, '\n', (byte) 0xFF};
                out.writeInt(binary.length);
                out.write(binary);
                out.writeInt(2);
                out.write(new byte[] {'h', 'i'});

                send(client, bytes.toByteArray());

                List<Object> values = harness.pollUntil(2);
                assertThat(values.get(0)).isEqualTo(binary);
                assertThat(values.get(1)).isEqualTo(new byte[] {'h', 'i'});
                assertThat(harness.received).allSatisfy(r -> assertThat(r.valueSchema()).isEqualTo(Schema.BYTES_SCHEMA));
            }
        }
    }

    @Test
    void givenLengthPrefixedFraming_whenConnectionEndsInsideAFrame_thenThePartialFrameIsDroppedAndCounted()
        throws IOException {
        try (ServerSocket server = rawServer()) {
            Map<String, String> props = clientProps(server.getLocalPort());
            props.put(SocketSourceConfig.SOCKET_FRAMING, "length-prefixed");
            harness.start(props);
            try (Socket client = server.accept()) {
                send(client, new byte[] {0, 0, 0, 1, 'a', 0, 0, 0, 9, 'b', 'c'});
            }

            assertThat(harness.pollUntil(1)).containsExactly(new byte[] {'a'});
            await().atMost(TIMEOUT).until(() -> task.metrics().getLinesDroppedIncomplete() == 1);
        }
    }

    @Test
    void givenNoServer_whenStarted_thenKeepsRetryingWithBackoffAndReadsOnceTheServerStarts() throws Exception {
        // given: a port nobody listens on
        int port = freePort();
        harness.start(clientProps(port));

        // when: the task has failed to connect several times
        await().atMost(TIMEOUT).until(() -> task.reconnects() >= 3);
        assertThat(task.connections()).isZero();
        assertThat(task.metrics().getConnectionErrors()).as("a refused connect is a reconnect, not an error").isZero();
        assertThat(task.poll()).isNull();

        // then: a server appearing on that port is picked up
        try (LineServer server = LineServer.serve(List.of("finally", "here"), port, Duration.ZERO)) {
            assertThat(harness.pollUntil(2)).containsExactly("finally", "here");
            assertThat(server.clientsAccepted()).isEqualTo(1);
            assertThat(task.connections()).isEqualTo(1);
            assertThat(task.metrics().getActiveConnections()).isEqualTo(1);
        }
    }

    @Test
    void givenServerClosesTheConnectionMidStream_whenItAcceptsAgain_thenTheTaskReconnectsAndReadsOn()
        throws IOException {
        // given
        try (ServerSocket server = rawServer()) {
            harness.start(clientProps(server.getLocalPort()));
            try (Socket first = server.accept()) {
                send(first, utf8("one\ntwo\n"));
            } // when: the server closes the connection

            // then: the task connects again and lines sent on the new connection arrive
            try (Socket second = server.accept()) {
                send(second, utf8("three\nfour\n"));
                assertThat(harness.pollUntil(4)).containsExactly("one", "two", "three", "four");
            }
            assertThat(task.connections()).isEqualTo(2);
            assertThat(task.reconnects()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void givenAPollWaitingForData_whenStopped_thenPollReturnsPromptlyAndTheSocketIsClosed() throws Exception {
        // given: a connected task with nothing to read and a poll() that would otherwise wait a minute
        try (ServerSocket server = rawServer()) {
            Map<String, String> props = clientProps(server.getLocalPort());
            props.put(SocketSourceConfig.POLL_TIMEOUT_MS, "60000");
            harness.start(props);
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
    void givenAFullBuffer_whenNobodyPolls_thenTheReaderStopsReadingAndEverythingArrivesInOrderLater() {
        // given: a buffer of 5 lines and a server with far more
        List<String> lines = IntStream.range(0, 2_000).mapToObj(i -> "l" + i).toList();
        try (LineServer server = LineServer.serve(lines, 0, Duration.ZERO)) {
            Map<String, String> props = clientProps(server.port());
            props.put(SocketSourceConfig.BUFFER_MAX_LINES, "5");
            props.put(SocketSourceConfig.POLL_MAX_RECORDS, "3");

            // when
            harness.start(props);

            // then: the reader fills the buffer and stops reading (a batch of at most 512 lines may be in its hand)
            await().atMost(TIMEOUT).until(() -> task.bufferedLines() == 5);
            long[] read = {task.linesRead()};
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> {
                boolean still = task.linesRead() == read[0];
                read[0] = task.linesRead();
                return still;
            });
            assertThat(read[0]).isLessThanOrEqualTo(5 + 512);
            assertThat(task.metrics().getBufferFullWaits()).isPositive();
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
            harness.received.addAll(firstBatch);
            assertThat(harness.pollUntil(2_000)).containsExactlyElementsOf(lines);
        }
    }

    @Test
    void givenAConnectedTask_whenNothingArrives_thenPollReturnsNullAfterItsTimeout() throws Exception {
        try (ServerSocket server = rawServer()) {
            harness.start(clientProps(server.getLocalPort()));
            try (Socket client = server.accept()) {
                await().atMost(TIMEOUT).until(task::isConnected);
                assertThat(client.isConnected()).isTrue();
                assertThat(task.poll()).isNull();
            }
        }
    }

    @Test
    void givenATaskNeverStarted_whenStopped_thenNothingHappens() {
        new SocketSourceTask().stop();
    }
}
