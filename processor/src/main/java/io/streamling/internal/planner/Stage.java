package io.streamling.internal.planner;

import org.apache.kafka.streams.kstream.KStream;

/**
 * A built part of the topology: the stream of elements and markers that a plan node produces.
 *
 * @param stream the Kafka Streams stream; values are elements or watermark markers
 * @param parallelism how many tasks produce this stream (partitions of its sub-topology's input)
 * @param markerProducers how many distinct producers' markers each task of the stream carries
 */
record Stage(KStream<Object, Object> stream, int parallelism, int markerProducers) {
}
