package io.streamling.connect.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.streamling.connect.socket.tools.LineServer;
import io.streamling.embedded.EmbeddedConnectWorker;
import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connector inside a real (embedded) Connect worker, writing to a real (embedded) broker.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class SocketSourceConnectorIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static Map<String, String> connectorConfig(String topic, int port) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", SocketSourceConnector.class.getName());
        config.put("tasks.max", "4"); // the connector still creates exactly one task
        config.put("value.converter", StringConverter.class.getName());
        config.put(SocketSourceConfig.TOPIC, topic);
        config.put(SocketSourceConfig.SOCKET_HOST, "127.0.0.1");
        config.put(SocketSourceConfig.SOCKET_PORT, String.valueOf(port));
        return config;
    }

    private static KafkaConsumer<String, String> consumerFor(EmbeddedKafkaBroker broker, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(), new StringDeserializer());
        consumer.assign(List.of(new TopicPartition(topic, 0))); // no group needed
        return consumer;
    }

    @Test
    void shouldWriteEveryServedLineToTheTopicInOrderWithIngestionTimestamps(EmbeddedKafkaBroker broker) {
        // given
        String topic = "socket-lines";
        broker.createTopic(topic, 1);
        List<String> lines = IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i + " \u00e9").toList();
        long testStart = System.currentTimeMillis();
        List<ConsumerRecord<String, String>> received = new ArrayList<>();

        try (LineServer server = LineServer.serve(lines, 0, Duration.ZERO);
             EmbeddedConnectWorker worker = EmbeddedConnectWorker.start(broker.bootstrapServers());
             KafkaConsumer<String, String> consumer = consumerFor(broker, topic)) {

            // when
            worker.startConnector("socket-source", connectorConfig(topic, server.port()));

            // then
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= lines.size();
            });
            long testEnd = System.currentTimeMillis();
            assertThat(server.awaitFirstClientServed(Duration.ZERO)).isTrue();
            // the server keeps the connection open, so the task does not reconnect and read the text again
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
                return received.size() == lines.size();
            });
            worker.stopConnector("socket-source");

            assertThat(received).extracting(ConsumerRecord::value).containsExactlyElementsOf(lines);
            assertThat(received).extracting(ConsumerRecord::key).containsOnlyNulls();
            List<Long> timestamps = received.stream().map(ConsumerRecord::timestamp).toList();
            assertThat(timestamps).isSorted().allSatisfy(ts -> assertThat(ts).isBetween(testStart, testEnd));
            assertThat(server.clientsAccepted()).isEqualTo(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldRejectInvalidConfigurationThroughTheWorkerNamingTheKey(EmbeddedKafkaBroker broker) {
        // given
        Map<String, String> config = connectorConfig("unused", 1);
        config.put(SocketSourceConfig.SOCKET_PORT, "70000");

        try (EmbeddedConnectWorker worker = EmbeddedConnectWorker.start(broker.bootstrapServers())) {
            // when / then
            assertThatThrownBy(() -> worker.startConnector("bad-socket-source", config))
                .hasMessageContaining(SocketSourceConfig.SOCKET_PORT);
        }
    }
}
