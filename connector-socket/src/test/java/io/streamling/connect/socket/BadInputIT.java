package io.streamling.connect.socket;

import static io.streamling.connect.socket.ItSupport.TIMEOUT;
import static io.streamling.connect.socket.ItSupport.count;
import static io.streamling.connect.socket.ItSupport.localPort;
import static io.streamling.connect.socket.ItSupport.serverConnector;
import static io.streamling.connect.socket.ItSupport.status;
import static io.streamling.connect.socket.ItSupport.taskFailed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.streamling.connect.socket.ItSupport.TopicReader;
import io.streamling.embedded.EmbeddedConnectWorker;
import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input against a real worker and broker: each documented policy, never a crash. Server mode, so
 * the test is the peer and can send anything.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class BadInputIT {

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedConnectWorker worker;

    @BeforeAll
    static void startWorker(EmbeddedKafkaBroker broker) {
        kafka = broker;
        worker = EmbeddedConnectWorker.start(broker.bootstrapServers());
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
    }

    /** Starts a server-mode connector named after its topic; returns its port. */
    private static int startListener(String name, Map<String, String> extra) {
        kafka.createTopic(name, 1);
        Map<String, String> config = serverConnector(name);
        config.putAll(extra);
        worker.startConnector(name, config);
        return localPort(name);
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        return socket;
    }

    private static void send(Socket socket, byte[]... parts) throws IOException {
        OutputStream out = socket.getOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        out.flush();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "truncate, 'short|0123456789ABCDEF|after', LinesTruncated",
        "skip,     'short|after',                  LinesDroppedTooLong",
        "fail,     'short',                        -"})
    void givenAnOverlongLine_whenEachPolicyApplies_thenTheDocumentedOutcome(String policy, String expected,
                                                                             String counter) throws Exception {
        // given: lines of at most 16 bytes
        String name = "too-long-" + policy;
        int port = startListener(name, Map.of(SocketSourceConfig.LINE_MAX_BYTES, "16",
            SocketSourceConfig.LINE_TOO_LONG_POLICY, policy));
        try (TopicReader<String> reader = TopicReader.strings(kafka, name); Socket peer = connect(port)) {
            // when: a 100 000-byte line between two good ones
            send(peer, utf8("short\n0123456789ABCDEF" + "z".repeat(100_000) + "\nafter\n"));

            // then
            List<String> lines = List.of(expected.split("\\|"));
            if (policy.equals("fail")) {
                await().atMost(TIMEOUT).until(() -> taskFailed(worker.restUrl(), name));
                assertThat(status(worker.restUrl(), name)).contains("line.max.bytes").contains("line.too.long.policy");
            }
            assertThat(reader.readExactly(lines.size(), Duration.ofMillis(300)).size()).isEqualTo(lines.size());
            assertThat(reader.values()).containsExactlyElementsOf(lines);
            if (!policy.equals("fail")) {
                assertThat(count(name, counter)).isEqualTo(1);
                assertThat(taskFailed(worker.restUrl(), name)).isFalse();
            }
        } finally {
            worker.stopConnector(name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "replace, 'ok|bad\uFFFD(|\uFFFD|end', LinesWithReplacement, 2",
        "skip,    'ok|end',                   LinesDroppedUndecodable, 2",
        "fail,    'ok',                       -, 0"})
    void givenInvalidUtf8_whenEachPolicyApplies_thenTheDocumentedOutcome(String policy, String expected,
                                                                        String counter, int counted) throws Exception {
        // given
        String name = "invalid-utf8-" + policy;
        int port = startListener(name, Map.of(SocketSourceConfig.DECODE_ERROR_POLICY, policy));
        try (TopicReader<String> reader = TopicReader.strings(kafka, name); Socket peer = connect(port)) {
            // when: 0xC3 0x28 is a broken two-byte sequence, 0xFF never occurs in UTF-8
            send(peer, utf8("ok\n"), new byte[] {'b', 'a', 'd', (byte) 0xC3, 0x28, '\n', (byte) 0xFF, '\n'},
                utf8("end\n"));

            // then
            List<String> lines = List.of(expected.split("\\|"));
            assertThat(reader.readExactly(lines.size(), Duration.ofMillis(300)).size()).isEqualTo(lines.size());
            assertThat(reader.values()).containsExactlyElementsOf(lines);
            if (policy.equals("fail")) {
                await().atMost(TIMEOUT).until(() -> taskFailed(worker.restUrl(), name));
                assertThat(status(worker.restUrl(), name)).contains("not valid UTF-8").contains("decode.error.policy");
            } else {
                assertThat(count(name, counter)).isEqualTo(counted);
                assertThat(taskFailed(worker.restUrl(), name)).isFalse();
            }
        } finally {
            worker.stopConnector(name);
        }
    }

    @Test
    void givenBinaryGarbage_whenSentWithDefaultPolicies_thenNoCrashEveryLineIsAccountedForAndTheNextLineArrives()
        throws Exception {
        // given: 256 KiB of random bytes (fixed seed), lines capped at 1 KiB
        String name = "garbage";
        int port = startListener(name, Map.of(SocketSourceConfig.LINE_MAX_BYTES, "1024"));
        byte[] garbage = new byte[256 * 1024];
        new Random(42).nextBytes(garbage);
        try (TopicReader<String> reader = TopicReader.strings(kafka, name); Socket peer = connect(port)) {
            // when
            send(peer, garbage, utf8("\nafter the garbage\n"));

            // then: the line after the garbage arrives last, and every line read is delivered or counted
            List<String> values = reader.readUntil(v -> !v.isEmpty() && v.get(v.size() - 1).equals("after the garbage"),
                Duration.ofMillis(300));
            assertThat(taskFailed(worker.restUrl(), name)).isFalse();
            assertThat(count(name, "LinesRead")).isEqualTo(values.size() + count(name, "LinesDropped"));
            assertThat(count(name, "LinesWithReplacement")).isPositive();
            assertThat(count(name, "BytesRead")).isEqualTo(garbage.length + "\nafter the garbage\n".length());
        } finally {
            worker.stopConnector(name);
        }
    }

    @Test
    void givenMoreConnectionsThanTheMaximum_whenTheyConnect_thenTheExtraOnesAreClosedAndCountedAndTheOthersServed()
        throws Exception {
        // given: at most 3 clients
        String name = "too-many";
        int port = startListener(name, Map.of(SocketSourceConfig.SERVER_MAX_CONNECTIONS, "3"));
        List<Socket> admitted = new ArrayList<>();
        try (TopicReader<String> reader = TopicReader.strings(kafka, name)) {
            for (int i = 0; i < 3; i++) {
                admitted.add(connect(port));
            }
            await().atMost(TIMEOUT).until(() -> count(name, "ActiveConnections") == 3);

            // when: two more connect
            try (Socket fourth = connect(port); Socket fifth = connect(port)) {
                // then: both see end of stream at once, and are counted
                assertThat(fourth.getInputStream().read()).isEqualTo(-1);
                assertThat(fifth.getInputStream().read()).isEqualTo(-1);
            }
            await().atMost(TIMEOUT).until(() -> count(name, "ConnectionsRejected") == 2);
            for (int i = 0; i < 3; i++) {
                send(admitted.get(i), utf8("admitted " + i + "\n"));
            }
            reader.readExactly(3, Duration.ofMillis(300));
            assertThat(reader.values()).containsExactlyInAnyOrder("admitted 0", "admitted 1", "admitted 2");
            assertThat(taskFailed(worker.restUrl(), name)).isFalse();
        } finally {
            for (Socket s : admitted) {
                s.close();
            }
            worker.stopConnector(name);
        }
    }

    @Test
    void givenAClientThatConnectsAndSendsNothing_whenTheIdleTimeoutPasses_thenItIsClosedAndCountedAndOthersAreServed()
        throws Exception {
        // given: one connection slot only, idle timeout 500 ms
        String name = "silent";
        int port = startListener(name, Map.of(SocketSourceConfig.SERVER_MAX_CONNECTIONS, "1",
            SocketSourceConfig.SERVER_IDLE_TIMEOUT_MS, "500"));
        try (TopicReader<String> reader = TopicReader.strings(kafka, name)) {
            // when: a client takes the only slot and says nothing
            try (Socket silent = connect(port)) {
                // then: it is disconnected after the timeout
                assertThat(silent.getInputStream().read()).isEqualTo(-1);
            }
            await().atMost(TIMEOUT).until(() -> count(name, "IdleTimeouts") == 1);

            // and the slot is free for a client that talks
            await().atMost(TIMEOUT).until(() -> count(name, "ActiveConnections") == 0);
            try (Socket talker = connect(port)) {
                send(talker, utf8("finally someone talks\n"));
                assertThat(reader.readExactly(1, Duration.ofMillis(200)).get(0).value()).isEqualTo("finally someone talks");
            }
            assertThat(count(name, "ConnectionsRejected")).isZero();
            assertThat(taskFailed(worker.restUrl(), name)).isFalse();
        } finally {
            worker.stopConnector(name);
        }
    }
}
