/**
 * Spark's {@code spark-streaming-kafka-0-10} API for the DStream API: {@link
 * io.streamling.streaming.kafka010.KafkaUtils#createDirectStream} with its location and consumer
 * strategies, so that a Spark program reading Kafka ports by changing its imports.
 */
package io.streamling.streaming.kafka010;
