package io.streamling.connect.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FileSourceStandaloneTest {

    @Test
    void shouldGiveTheWorkersProducerThroughputSettingsByDefault() {
        // given a runner configuration without worker keys
        Map<String, String> properties = Map.of("topic", "lines", "file.path", "/in");

        // when
        Map<String, String> worker = FileSourceStandalone.workerProperties(properties);

        // then
        assertThat(worker).containsExactlyInAnyOrderEntriesOf(Map.of(
                "producer.enable.idempotence", "true",
                "producer.max.in.flight.requests.per.connection", "5",
                "producer.batch.size", "262144",
                "producer.linger.ms", "10"));
    }

    @Test
    void shouldLetWorkerKeysOverrideTheProducerDefaults() {
        // given
        Map<String, String> properties = Map.of("topic", "lines", "worker.producer.linger.ms", "0",
                "worker.producer.enable.idempotence", "false", "worker.offset.flush.interval.ms", "500");

        // when
        Map<String, String> worker = FileSourceStandalone.workerProperties(properties);

        // then
        assertThat(worker).containsEntry("producer.linger.ms", "0")
                .containsEntry("producer.enable.idempotence", "false")
                .containsEntry("producer.batch.size", "262144")
                .containsEntry("offset.flush.interval.ms", "500")
                .doesNotContainKey("topic");
    }
}
