package io.streamling.connect.socket;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A producer interceptor that lets a test stop or meter the Kafka side: installed in a Connect worker
 * ({@code producer.interceptor.classes}), it holds each {@code send()} of the worker's producer until
 * the test lets it through. While shut, the task thread is stuck in {@code send()} exactly as when the
 * producer's buffer is full because the brokers are slow or gone, so {@code poll()} is not called.
 *
 * <p>Static because Connect instantiates the interceptor; one test class uses it at a time.
 */
public class KafkaValve implements ProducerInterceptor<byte[], byte[]> {

    private static final Semaphore PERMITS = new Semaphore(0);
    private static volatile boolean open = true;

    /** Stops every send until {@link #let(int)} or {@link #open()}. */
    static void shut() {
        open = false;
        PERMITS.drainPermits();
    }

    /** Lets {@code records} more sends through while shut: a slow Kafka side. */
    static void let(int records) {
        PERMITS.release(records);
    }

    /** Lets everything through. */
    static void open() {
        open = true;
    }

    @Override
    public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
        try {
            // a short timed wait so that open() is noticed without a permit
            while (!open && !PERMITS.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                // still shut
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
