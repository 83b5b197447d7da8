package io.streamling.connect.socket;

import static io.streamling.connect.socket.ItSupport.TIMEOUT;
import static io.streamling.connect.socket.ItSupport.count;
import static io.streamling.connect.socket.ItSupport.localPort;
import static io.streamling.connect.socket.ItSupport.serverConnector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.streamling.connect.socket.ItSupport.TopicReader;
import io.streamling.embedded.EmbeddedConnectWorker;
import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A slow or stopped Kafka side: the connector's memory stays bounded and the peer is pushed back
 * (its writes block), then everything arrives once Kafka catches up.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class BackpressureIT {

    private static final int LINES = 20_000;
    private static final int LINE_BYTES = 100; // with the newline
    private static final long TOTAL_BYTES = (long) LINES * LINE_BYTES;
    private static final long BUFFER_MAX_BYTES = 64 * 1024;
    /** Our buffer, a read chunk, two small kernel buffers: far below the 2 MB the peer wants to send. */
    private static final long PUSHED_BACK_BELOW = 512 * 1024;

    private static EmbeddedConnectWorker worker;

    @BeforeAll
    static void startWorker(EmbeddedKafkaBroker broker) {
        worker = EmbeddedConnectWorker.start(broker.bootstrapServers(),
            Map.of("producer.interceptor.classes", KafkaValve.class.getName()));
    }

    @AfterAll
    static void stopWorker() {
        KafkaValve.open();
        worker.close();
    }

    @AfterEach
    void openTheValve() {
        KafkaValve.open(); // never leave a task stuck in send()
    }

    private static Map<String, String> boundedConnector(String topic) {
        Map<String, String> config = serverConnector(topic);
        config.put(SocketSourceConfig.BUFFER_MAX_BYTES, String.valueOf(BUFFER_MAX_BYTES));
        config.put(SocketSourceConfig.LINE_MAX_BYTES, "1024");
        config.put(SocketSourceConfig.POLL_MAX_RECORDS, "100");
        // small kernel buffers, so that what TCP holds does not hide what the connector holds
        config.put(SocketSourceConfig.SOCKET_RECEIVE_BUFFER_BYTES, "8192");
        return config;
    }

    private static List<String> lines() {
        return IntStream.range(0, LINES).mapToObj(i -> String.format("%08d", i) + "x".repeat(LINE_BYTES - 9)).toList();
    }

    /** The peer: writes every line, ten per write, counting the bytes each write that returned handed over. */
    private static final class Sender {
        final AtomicLong written = new AtomicLong();
        final CompletableFuture<Void> done;

        Sender(int port) throws IOException {
            Socket socket = new Socket();
            socket.setSendBufferSize(8192);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            done = CompletableFuture.runAsync(() -> {
                try (socket) {
                    OutputStream out = socket.getOutputStream();
                    List<String> lines = lines();
                    for (int i = 0; i < LINES; i += 10) {
                        byte[] chunk = (String.join("\n", lines.subList(i, i + 10)) + "\n").getBytes(StandardCharsets.US_ASCII);
                        out.write(chunk); // blocks while TCP pushes back
                        written.addAndGet(chunk.length);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        /** Waits until the sender has been stuck for a second, and returns how much it got rid of. */
        long awaitBlocked() {
            long[] last = {-1};
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                long now = written.get();
                boolean still = now == last[0];
                last[0] = now;
                return still;
            });
            await().during(Duration.ofSeconds(1)).atMost(TIMEOUT).until(() -> written.get() == last[0]);
            return last[0];
        }
    }

    /** The peer got at most a bounded amount ahead of what Kafka took, and its writes block. */
    private static void assertPushedBack(String connector, Sender sender, long blockedAt) {
        long takenByKafkaSide = count(connector, "LinesPolled") * LINE_BYTES;
        assertThat(sender.done).as("the sender's writes block").isNotDone();
        assertThat(blockedAt - takenByKafkaSide).as("bytes the peer is ahead of the Kafka side").isLessThan(PUSHED_BACK_BELOW);
        assertThat(count(connector, "BufferedBytes")).as("connector memory").isLessThanOrEqualTo(BUFFER_MAX_BYTES);
        assertThat(count(connector, "BufferFullWaits")).isPositive();
        assertThat(count(connector, "LinesDropped")).isZero();
    }

    @Test
    void givenTheKafkaSideStopsAndThenCrawls_whenThePeerKeepsSending_thenMemoryStaysBoundedThePeerBlocksAndAllArrives(
        EmbeddedKafkaBroker broker) throws Exception {
        // given: the worker's producer lets nothing through
        String topic = "pushed-back";
        broker.createTopic(topic, 1);
        KafkaValve.shut();
        worker.startConnector("pushed-back", boundedConnector(topic));
        try (TopicReader<String> reader = TopicReader.strings(broker, topic)) {

            // when: the peer sends 2 MB
            Sender sender = new Sender(localPort("pushed-back"));

            // then: the connector fills its bounded buffer and stops reading; TCP blocks the peer
            long blockedAt = sender.awaitBlocked();
            assertPushedBack("pushed-back", sender, blockedAt);
            assertThat(count("pushed-back", "LinesRead")).isLessThan(LINES / 4);
            reader.pollOnce();
            assertThat(reader.records).as("nothing reached Kafka").isEmpty();

            // when: Kafka crawls (2,000 more records get through), the peer moves on by about that much and blocks again
            long polledWhileStopped = count("pushed-back", "LinesPolled");
            KafkaValve.let(2_000);
            // a poll's worth of the permits goes to records Connect already held
            await().atMost(TIMEOUT).until(() -> count("pushed-back", "LinesPolled") >= polledWhileStopped + 1_800);
            long blockedAgainAt = sender.awaitBlocked();
            assertThat(blockedAgainAt).isGreaterThan(blockedAt);
            assertPushedBack("pushed-back", sender, blockedAgainAt);

            // when: Kafka is back to full speed, then everything arrives, once, in order
            KafkaValve.open();
            sender.done.get(60, TimeUnit.SECONDS);
            assertThat(reader.readExactly(LINES, Duration.ofSeconds(1)).size()).isEqualTo(LINES);
            assertThat(reader.values()).containsExactlyElementsOf(lines());
        } finally {
            KafkaValve.open();
            worker.stopConnector("pushed-back");
        }
    }

    @Test
    void givenTheConnectorIsPaused_whenThePeerKeepsSending_thenThePeerBlocksUntilItIsResumed(
        EmbeddedKafkaBroker broker) throws Exception {
        // given
        String topic = "paused";
        broker.createTopic(topic, 1);
        worker.startConnector("paused", boundedConnector(topic));
        try (TopicReader<String> reader = TopicReader.strings(broker, topic)) {
            ItSupport.pause(worker.restUrl(), "paused");

            // when
            Sender sender = new Sender(localPort("paused"));

            // then
            assertPushedBack("paused", sender, sender.awaitBlocked());
            reader.pollOnce();
            assertThat(reader.records).isEmpty();

            ItSupport.resume(worker.restUrl(), "paused");
            sender.done.get(60, TimeUnit.SECONDS);
            assertThat(reader.readExactly(LINES, Duration.ofSeconds(1)).size()).isEqualTo(LINES);
            assertThat(reader.values()).containsExactlyElementsOf(lines());
        } finally {
            worker.stopConnector("paused");
        }
    }
}
