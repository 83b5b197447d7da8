package io.streamling.api.java;

import io.streamling.api.Tuple2;
import java.util.List;

/**
 * Spark's {@code JavaSparkContext} as a streaming program uses it, {@code ssc.sparkContext()}: to
 * make the local RDDs of an initial state ({@code updateStateByKey}, {@code mapWithState}) and of
 * {@code queueStream}'s batches. There is no cluster: an RDD is a local collection, so the number of
 * slices does not matter.
 */
public final class JavaSparkContext {

    /** An RDD of {@code list}'s elements, in order. */
    public <T> JavaRDD<T> parallelize(List<T> list) {
        return new JavaRDD<>(list);
    }

    /** As {@link #parallelize(List)}; the number of slices does not apply to a local collection. */
    public <T> JavaRDD<T> parallelize(List<T> list, int numSlices) {
        return parallelize(list);
    }

    /** A pair RDD of {@code list}'s pairs, in order. */
    public <K, V> JavaPairRDD<K, V> parallelizePairs(List<Tuple2<K, V>> list) {
        return new JavaPairRDD<>(list);
    }

    /** As {@link #parallelizePairs(List)}; the number of slices does not apply. */
    public <K, V> JavaPairRDD<K, V> parallelizePairs(List<Tuple2<K, V>> list, int numSlices) {
        return parallelizePairs(list);
    }

    /** An RDD without elements. */
    public <T> JavaRDD<T> emptyRDD() {
        return new JavaRDD<>(List.of());
    }
}
