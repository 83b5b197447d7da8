package io.streamling.connect.socket;

import static io.streamling.connect.socket.ItSupport.TIMEOUT;
import static io.streamling.connect.socket.ItSupport.clientConnector;
import static io.streamling.connect.socket.ItSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.streamling.connect.socket.ItSupport.TopicReader;
import io.streamling.connect.socket.tools.LineServer;
import io.streamling.embedded.EmbeddedConnectWorker;
import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Client mode inside a real (embedded) Connect worker, writing to a real (embedded) broker.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class SocketSourceConnectorIT {

    private static EmbeddedConnectWorker worker;

    @BeforeAll
    static void startWorker(EmbeddedKafkaBroker broker) {
        worker = EmbeddedConnectWorker.start(broker.bootstrapServers());
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
    }

    @Test
    void givenALineServer_whenTheConnectorRuns_thenEveryLineIsInTheTopicInOrderWithIngestionTimestamps(
        EmbeddedKafkaBroker broker) throws InterruptedException {
        // given
        String topic = "socket-lines";
        broker.createTopic(topic, 1);
        List<String> lines = IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i + " \u00e9").toList();
        long testStart = System.currentTimeMillis();

        try (LineServer server = LineServer.serve(lines, 0, Duration.ZERO);
             TopicReader<String> reader = TopicReader.strings(broker, topic)) {

            // when
            worker.startConnector("socket-source", clientConnector(topic, server.port()));

            // then: the server keeps the connection open, so the task does not reconnect and read the text again
            List<ConsumerRecord<String, String>> received = reader.readExactly(lines.size(), Duration.ofSeconds(1));
            long testEnd = System.currentTimeMillis();
            assertThat(server.awaitFirstClientServed(Duration.ZERO)).isTrue();
            worker.stopConnector("socket-source");

            assertThat(reader.values()).containsExactlyElementsOf(lines);
            assertThat(received).extracting(ConsumerRecord::key).containsOnlyNulls();
            List<Long> timestamps = received.stream().map(ConsumerRecord::timestamp).toList();
            assertThat(timestamps).isSorted().allSatisfy(ts -> assertThat(ts).isBetween(testStart, testEnd));
            assertThat(server.clientsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void givenTheServerRestartsMidStream_whenItComesBack_thenTheConnectorReconnectsAndEveryLineSentAfterwardsArrives(
        EmbeddedKafkaBroker broker) {
        // given: a server streaming generated lines without end, and the connector reading them
        String topic = "restart-lines";
        broker.createTopic(topic, 1);
        LineServer before = LineServer.builder().generated(0, 20).rate(2_000).start();
        int port = before.port();
        List<String> after = IntStream.rangeClosed(1, 500).mapToObj(i -> "after restart " + i).toList();
        try (TopicReader<String> reader = TopicReader.strings(broker, topic)) {
            worker.startConnector("restarting-source", clientConnector(topic, port));
            reader.readAtLeast(200);

            // when: the server goes away mid-stream, stays away a moment, and comes back on the same port
            before.close();
            await().atMost(TIMEOUT).until(() -> count("restarting-source", "Reconnects") >= 2);
            try (LineServer restarted = LineServer.serve(after, port, Duration.ZERO)) {

                // then: every line the new server sent arrives, once, in order, after the old server's lines
                String lastLine = after.get(after.size() - 1);
                List<String> values = reader.readUntil(v -> !v.isEmpty() && v.get(v.size() - 1).equals(lastLine),
                    Duration.ofSeconds(1));
                worker.stopConnector("restarting-source");
                int beforeCount = values.size() - after.size();
                assertThat(values.subList(beforeCount, values.size())).containsExactlyElementsOf(after);
                assertThat(restarted.linesSent()).isEqualTo(after.size());
                // and what arrived from the old server is its sequence from line 1, without a gap or a duplicate
                assertThat(beforeCount).isGreaterThanOrEqualTo(200);
                assertThat(values.subList(0, beforeCount)).isEqualTo(IntStream.rangeClosed(1, beforeCount)
                    .mapToObj(i -> LineServer.generatedLine(i, 20)).toList());
            }
        } finally {
            before.close();
        }
    }

    @Test
    void givenAnInvalidConfiguration_whenStartedThroughTheWorker_thenRejectedNamingTheKey() {
        // given
        Map<String, String> config = clientConnector("unused", 1);
        config.put(SocketSourceConfig.SOCKET_PORT, "70000");

        // when / then
        assertThatThrownBy(() -> worker.startConnector("bad-socket-source", config))
            .hasMessageContaining(SocketSourceConfig.SOCKET_PORT);
    }

    @Test
    void givenACrossFieldViolation_whenStartedThroughTheWorker_thenRejectedNamingTheKey() {
        Map<String, String> config = clientConnector("unused", 1);
        config.remove(SocketSourceConfig.SOCKET_HOST);

        assertThatThrownBy(() -> worker.startConnector("hostless-socket-source", config))
            .hasMessageContaining(SocketSourceConfig.SOCKET_HOST);
    }
}
