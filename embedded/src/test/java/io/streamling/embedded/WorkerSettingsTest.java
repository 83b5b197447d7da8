package io.streamling.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WorkerSettingsTest {

    @Test
    void shouldGiveSourceTaskProducersIdempotenceAndBatchingByDefault() {
        // when
        Map<String, String> worker = WorkerSettings.of("127.0.0.1:9092", Path.of("offsets"), Map.of());

        // then
        assertThat(worker).containsEntry("producer.enable.idempotence", "true")
                .containsEntry("producer.max.in.flight.requests.per.connection", "5")
                .containsEntry("producer.batch.size", "262144")
                .containsEntry("producer.linger.ms", "5");
    }

    @Test
    void shouldLetOverridesWinOverTheProducerDefaults() {
        // given
        Map<String, String> overrides = Map.of("producer.linger.ms", "0", "producer.enable.idempotence", "false");

        // when
        Map<String, String> worker = WorkerSettings.of("127.0.0.1:9092", Path.of("offsets"), overrides);

        // then
        assertThat(worker).containsEntry("producer.linger.ms", "0")
                .containsEntry("producer.enable.idempotence", "false")
                .containsEntry("producer.batch.size", "262144");
    }
}
