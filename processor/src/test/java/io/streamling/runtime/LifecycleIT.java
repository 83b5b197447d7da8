package io.streamling.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.embedded.EmbeddedKafkaBroker;
import io.streamling.embedded.EmbeddedKafkaExtension;
import io.streamling.streaming.Durations;
import io.streamling.streaming.StreamingConf;
import io.streamling.streaming.Time;
import io.streamling.streaming.api.java.JavaStreamingContext;
import io.streamling.streaming.api.java.StreamingContextState;
import io.streamling.streaming.scheduler.StreamingListener;
import io.streamling.testing.KafkaTestClients;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Start, listeners, the active context, and a graceful stop that processes everything received. */
@ExtendWith(EmbeddedKafkaExtension.class)
class LifecycleIT {

    @Test
    void shouldProcessEveryRecordReceivedBeforeAGracefulStop(EmbeddedKafkaBroker broker) throws Exception {
        // given
        broker.createTopic("lifecycle", 1);
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicLong started = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        StreamingConf conf = new StreamingConf().setAppName("lifecycle").setBootstrapServers(broker.bootstrapServers())
                .set(StreamingConf.IDLE_TIMEOUT_MS, "500");
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1));
        ssc.topicStream("lifecycle").foreachRDD(rdd -> seen.addAll(rdd.collect()));
        ssc.addStreamingListener(new StreamingListener() {
            @Override
            public void onStreamingStarted(Time time) {
                started.set(time.milliseconds());
            }

            @Override
            public void onBatchCompleted(Time batchTime, long numRecords) {
                batches.incrementAndGet();
            }
        });

        // when
        ssc.start();
        assertThat(JavaStreamingContext.getActive()).containsSame(ssc);
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(broker.bootstrapServers())) {
            for (int i = 0; i < 50; i++) {
                producer.send(new ProducerRecord<>("lifecycle", 0, System.currentTimeMillis(), null, "r" + i)).get();
            }
        }
        ssc.stop(true, true);

        // then
        assertThat(seen).hasSize(50).startsWith("r0").endsWith("r49");
        assertThat(started.get()).isPositive();
        assertThat(batches.get()).isPositive();
        assertThat(ssc.getState()).isEqualTo(StreamingContextState.STOPPED);
        assertThat(JavaStreamingContext.getActive()).isEmpty();
        assertThat(ssc.awaitTerminationOrTimeout(10)).isTrue();
    }
}
