package io.streamling.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedKafkaExtension.class)
class EmbeddedConnectWorkerIT {

    private static EmbeddedConnectWorker worker;

    @BeforeAll
    static void startWorker(EmbeddedKafkaBroker broker) {
        worker = EmbeddedConnectWorker.start(broker.bootstrapServers());
    }

    @AfterAll
    static void stopWorker() {
        if (worker != null) {
            worker.close();
            worker.close(); // idempotent
        }
    }

    @Test
    void sourceConnectorWritesItsValuesInOrder(EmbeddedKafkaBroker broker) throws Exception {
        broker.createTopic("connect-values", 1);

        worker.startConnector("fixed-values", Map.of(
                "connector.class", FixedValuesSourceConnector.class.getName(),
                "tasks.max", "1",
                FixedValuesSourceConnector.TOPIC_CONFIG, "connect-values"));

        assertThat(TestConsumer.readAtLeast(broker, "connect-values", 5))
                .extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(FixedValuesSourceConnector.VALUES);
        assertThat(restGet("/connectors/fixed-values/status")).contains("RUNNING");

        assertThatThrownBy(() -> worker.startConnector("fixed-values",
                Map.of("connector.class", FixedValuesSourceConnector.class.getName())))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining("already exists");
        assertThat(restGet("/connectors/fixed-values/status")).contains("RUNNING"); // left alone

        worker.stopConnector("fixed-values");
        assertThat(TestConsumer.count(broker, "connect-values")).isEqualTo(5);
        assertThat(restGet("/connectors")).doesNotContain("fixed-values");
    }

    @Test
    void failedConnectorIsReportedWithItsReasonAndRemoved() throws Exception {
        assertThatThrownBy(() -> worker.startConnector("failing",
                Map.of("connector.class", FailingSourceConnector.class.getName())))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining("'failing'")
                .hasMessageContaining(FailingSourceConnector.REASON);
        assertThat(restGet("/connectors")).doesNotContain("failing");
    }

    @Test
    void invalidConnectorConfigIsRejectedClearly() {
        assertThatThrownBy(() -> worker.startConnector("unknown-class",
                Map.of("connector.class", "com.example.NoSuchConnector")))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining("'unknown-class'")
                .hasMessageContaining("com.example.NoSuchConnector");
    }

    private static String restGet(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(worker.restUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
