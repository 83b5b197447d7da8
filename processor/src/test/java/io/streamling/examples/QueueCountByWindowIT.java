package io.streamling.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pysparkling seed, through a real queue topic: [3], [7], [6], then [2], then [0] for ever. */
@ExtendWith(EmbeddedKafkaExtension.class)
class QueueCountByWindowIT {

    @Test
    void shouldPrintTheSeedsCountsWindowByWindow(EmbeddedKafkaBroker broker) throws Exception {
        // given
        List<String> printed = new CopyOnWriteArrayList<>();
        StreamingConf conf = new StreamingConf().setAppName("queue-count").setBootstrapServers(broker.bootstrapServers())
                .set(StreamingConf.IDLE_TIMEOUT_MS, "200");
        try (JavaStreamingContext ssc = new JavaStreamingContext(conf, QueueCountByWindow.BATCH)) {
            QueueCountByWindow.define(ssc, printed::add);

            // when
            ssc.start();

            // then
            await().atMost(Duration.ofSeconds(30)).until(() -> printed.size() >= 7);
            assertThat(printed.subList(0, 7)).containsExactly("[3]", "[7]", "[6]", "[2]", "[0]", "[0]", "[0]");
        }
    }
}
