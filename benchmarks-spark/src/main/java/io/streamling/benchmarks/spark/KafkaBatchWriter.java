package io.streamling.benchmarks.spark;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The sink: {@code foreachBatch} writing each micro-batch's rows with a plain KafkaProducer, one
 * per JVM (local mode runs the tasks in this JVM). Spark's own Kafka sink cannot set the record
 * timestamp, which the harness's checks read (window start, or the line's event time; the
 * Structured workloads write none, as Streamling's Kafka sink). A batch
 * counts as written only when every record of it was acknowledged: a failed send fails the batch.
 */
final class KafkaBatchWriter implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static volatile Producer<String, String> producer;

    private final String bootstrapServers;
    private final String topic;

    KafkaBatchWriter(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
        String servers = bootstrapServers;
        String out = topic;
        batch.foreachPartition((ForeachPartitionFunction<Row>) rows -> {
            Producer<String, String> kafka = producer(servers);
            AtomicReference<Exception> failure = new AtomicReference<>();
            while (rows.hasNext()) {
                Row row = rows.next();
                Long ts = row.isNullAt(2) ? null : row.getLong(2);
                kafka.send(new ProducerRecord<>(out, null, ts, row.getString(0), row.getString(1)),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            kafka.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("writing to " + out + " failed", failure.get());
            }
        });
    }

    private static Producer<String, String> producer(String bootstrapServers) {
        Producer<String, String> current = producer;
        if (current == null) {
            synchronized (KafkaBatchWriter.class) {
                current = producer;
                if (current == null) {
                    Properties properties = new Properties();
                    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    // what Spark's Kafka sink and the other sides' producers batch by
                    properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
                    current = new KafkaProducer<>(properties);
                    producer = current;
                }
            }
        }
        return current;
    }

    /** Closes the producer, if one was made. */
    static synchronized void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
