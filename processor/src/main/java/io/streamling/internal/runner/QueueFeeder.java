package io.streamling.internal.runner;

import io.streamling.internal.plan.QueueFeed;
import io.streamling.internal.serde.ElementSerde;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes a {@code queueStream}'s batches into its topic, stamped into consecutive batches from
 * {@code firstBatch} on; then, when the queue has a default batch, writes it into every following
 * batch as the wall clock reaches it, as Spark uses the default RDD once the queue is empty.
 */
final class QueueFeeder implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "streamling-queue-feeder");
        thread.setDaemon(true);
        return thread;
    });

    private QueueFeeder(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Writes the queue into {@code topic} from the batch starting at {@code firstBatch}. */
    static QueueFeeder start(String bootstrapServers, String topic, QueueFeed queue, long firstBatch, long batchMs) {
        QueueFeeder feeder = new QueueFeeder(bootstrapServers);
        List<List<Object>> batches = queue.effectiveBatches();
        for (int i = 0; i < batches.size(); i++) {
            feeder.write(topic, firstBatch + i * batchMs, batches.get(i));
        }
        feeder.producer.flush();
        queue.defaultBatch().ifPresent(defaults -> {
            AtomicLong next = new AtomicLong(firstBatch + batches.size() * batchMs);
            long delay = Math.max(0, next.get() - System.currentTimeMillis());
            feeder.scheduler.scheduleAtFixedRate(() -> {
                feeder.write(topic, next.getAndAdd(batchMs), defaults);
                feeder.producer.flush();
            }, delay, batchMs, TimeUnit.MILLISECONDS);
        });
        return feeder;
    }

    private void write(String topic, long timestamp, List<Object> elements) {
        for (Object element : elements) {
            producer.send(new ProducerRecord<>(topic, 0, timestamp, null, ElementSerde.INSTANCE.serialize(topic, element)));
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        producer.close();
    }
}
