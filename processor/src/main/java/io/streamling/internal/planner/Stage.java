package io.streamling.internal.planner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * A built part of the topology: the stream of elements and markers that a plan node produces.
 *
 * @param stream the Kafka Streams stream; values are elements or watermark markers
 * @param parallelism how many tasks produce this stream (partitions of its sub-topology's input)
 * @param producers whose markers each task of the stream carries: the operator that emitted them
 *                  and how many of its tasks each task hears from
 * @param slideMs the stream's slide: it has a batch every {@code slideMs} (the batch interval,
 *                or a window's slide)
 * @param keyPartitioned whether the elements are pairs already partitioned by key, so a per-key
 *                       operation needs no shuffle
 * @param batchResults whether each batch's elements come all at once, followed by their marker in
 *                     the same call (an operator's results when a batch closes, and stateless steps
 *                     after it): only such elements may cross a shuffle packed into bundles, as no
 *                     bundle then stays open across a commit
 */
record Stage(KStream<Object, Object> stream, int parallelism, Map<String, Integer> producers, long slideMs,
             boolean keyPartitioned, boolean batchResults) {

    /** Copies the producers. */
    Stage {
        producers = Map.copyOf(producers);
    }

    /** How many distinct producers' markers each task hears: what its watermark waits for. */
    int markerProducers() {
        return producers.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether a per-key operation needs no shuffle: keys are partitioned already, or there is one partition. */
    boolean partitionedByKey() {
        return keyPartitioned || parallelism == 1;
    }

    /**
     * The same stage with another stream, the results {@code operator} emits as each batch closes,
     * followed by its marker in each task.
     */
    Stage emitting(KStream<Object, Object> newStream, String operator) {
        return new Stage(newStream, parallelism, Map.of(operator, 1), slideMs, keyPartitioned, true);
    }

    /** The same stage with another stream that relays the same markers. */
    Stage relaying(KStream<Object, Object> newStream) {
        return new Stage(newStream, parallelism, producers, slideMs, keyPartitioned, batchResults);
    }

    /** The same stage with another stream whose elements may have new keys. */
    Stage rekeyed(KStream<Object, Object> newStream) {
        return new Stage(newStream, parallelism, producers, slideMs, false, batchResults);
    }

    /**
     * The stages, all of one slide, merged into one stream of {@code parallelism} tasks (merge
     * processors named {@code name-merge-i}) that carries the markers of all of them.
     */
    static Stage merged(List<Stage> parts, String name, int parallelism) {
        KStream<Object, Object> merged = parts.get(0).stream();
        for (int i = 1; i < parts.size(); i++) {
            merged = merged.merge(parts.get(i).stream(), Named.as(name + "-merge-" + i));
        }
        Stage first = parts.get(0);
        return new Stage(merged, parallelism, producersOf(parts), first.slideMs(), false,
                parts.stream().allMatch(Stage::batchResults));
    }

    /** The producers of a stream merging these: the same operator through two branches is one producer. */
    private static Map<String, Integer> producersOf(List<Stage> stages) {
        Map<String, Integer> merged = new HashMap<>();
        stages.forEach(stage -> stage.producers.forEach((operator, count) -> merged.merge(operator, count, Math::max)));
        return merged;
    }
}
