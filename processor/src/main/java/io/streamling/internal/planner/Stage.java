package io.streamling.internal.planner;

import org.apache.kafka.streams.kstream.KStream;

/**
 * A built part of the topology: the stream of elements and markers that a plan node produces.
 *
 * @param stream the Kafka Streams stream; values are elements or watermark markers
 * @param parallelism how many tasks produce this stream (partitions of its sub-topology's input)
 * @param markerProducers how many distinct producers' markers each task of the stream carries
 * @param slideMs the stream's slide: it has a batch every {@code slideMs} (the batch interval,
 *                or a window's slide)
 * @param keyPartitioned whether the elements are pairs already partitioned by key, so a per-key
 *                       operation needs no shuffle
 */
record Stage(KStream<Object, Object> stream, int parallelism, int markerProducers, long slideMs,
             boolean keyPartitioned) {

    /** Whether a per-key operation needs no shuffle: keys are partitioned already, or there is one partition. */
    boolean partitionedByKey() {
        return keyPartitioned || parallelism == 1;
    }

    /** The same stage with another stream and marker producer count, otherwise unchanged. */
    Stage with(KStream<Object, Object> newStream, int newMarkerProducers) {
        return new Stage(newStream, parallelism, newMarkerProducers, slideMs, keyPartitioned);
    }

    /** The same stage with another stream whose elements may have new keys. */
    Stage rekeyed(KStream<Object, Object> newStream) {
        return new Stage(newStream, parallelism, markerProducers, slideMs, false);
    }
}
