package io.streamling.examples;

import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** NetworkWordCount end to end on a real embedded broker and Connect worker. */
@ExtendWith(EmbeddedKafkaExtension.class)
class NetworkWordCountIT {

    @Test
    void shouldCountEveryBatchOfSocketLinesExactlyIntoTheOutputTopicAndConsole(EmbeddedKafkaBroker broker)
            throws Exception {
        NetworkWordCountScenario.run(broker.bootstrapServers());
    }
}
