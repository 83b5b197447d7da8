package io.streamling.internal.runner;

import io.streamling.internal.plan.GeneratedFeed;
import io.streamling.internal.serde.ElementSerde;
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
 * Writes a generated source's steps into its topic: step {@code n} when the wall clock reaches
 * {@code origin + n * stepMs}, so a {@code rate} source produces its rows as time passes.
 */
final class GeneratorFeeder implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "streamling-generator-feeder");
        thread.setDaemon(true);
        return thread;
    });

    private GeneratorFeeder(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Writes the steps of {@code feed} into {@code topic} from {@code origin} on. */
    static GeneratorFeeder start(String bootstrapServers, String topic, GeneratedFeed feed, long origin) {
        GeneratorFeeder feeder = new GeneratorFeeder(bootstrapServers);
        GeneratedFeed.Generator generator = feed.generator();
        AtomicLong step = new AtomicLong();
        long delay = Math.max(0, origin - System.currentTimeMillis());
        feeder.scheduler.scheduleAtFixedRate(() -> {
            long n = step.getAndIncrement();
            for (GeneratedFeed.TimedElement record : generator.step(n, origin)) {
                feeder.producer.send(new ProducerRecord<>(topic, 0, record.timestamp(), null,
                        ElementSerde.INSTANCE.serialize(topic, record.element())));
            }
            feeder.producer.flush();
        }, delay, generator.stepMs(), TimeUnit.MILLISECONDS);
        return feeder;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        producer.close();
    }
}
