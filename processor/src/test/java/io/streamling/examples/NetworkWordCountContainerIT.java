package io.streamling.examples;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * NetworkWordCount end to end against the apache/kafka image. Skipped where no Docker engine
 * runs; the same scenario runs on the embedded broker in {@link NetworkWordCountIT}.
 */
@Testcontainers(disabledWithoutDocker = true)
class NetworkWordCountContainerIT {

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Test
    void shouldCountEveryBatchOfSocketLinesExactlyOnAKafkaContainer() throws Exception {
        NetworkWordCountScenario.run(KAFKA.getBootstrapServers());
    }
}
