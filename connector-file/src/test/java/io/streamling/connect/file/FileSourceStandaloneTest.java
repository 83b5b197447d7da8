package io.streamling.connect.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FileSourceStandaloneTest {

    @Test
    void shouldPassOnlyWorkerKeysWithoutTheirPrefixToTheWorker() {
        // given
        Map<String, String> properties = Map.of("topic", "lines", "worker.producer.linger.ms", "0",
                "worker.offset.flush.interval.ms", "500");

        // when
        Map<String, String> worker = FileSourceStandalone.workerProperties(properties);

        // then
        assertThat(worker).containsExactlyInAnyOrderEntriesOf(Map.of(
                "producer.linger.ms", "0", "offset.flush.interval.ms", "500"));
    }
}
