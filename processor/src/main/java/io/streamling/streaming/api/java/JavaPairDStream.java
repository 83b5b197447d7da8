package io.streamling.streaming.api.java;

import io.streamling.api.Tuple2;
import io.streamling.api.function.Function;
import io.streamling.api.function.Function2;
import io.streamling.api.function.VoidFunction;
import io.streamling.api.function.VoidFunction2;
import io.streamling.api.java.JavaPairRDD;
import io.streamling.api.java.JavaRDD;
import io.streamling.internal.plan.InverseWindowReduceNode;
import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.ReduceByKeyNode;
import io.streamling.internal.plan.UpdateStateNode;
import io.streamling.streaming.Duration;
import io.streamling.streaming.Time;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stream of batches of key-value pairs, as Spark's {@code JavaPairDStream}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class JavaPairDStream<K, V> extends JavaDStreamLike<Tuple2<K, V>> {

    JavaPairDStream(JavaStreamingContext context, PlanNode node, Duration slideDuration) {
        super(context, node, slideDuration);
    }

    /** The pairs for which {@code f} returns true. */
    public JavaPairDStream<K, V> filter(Function<Tuple2<K, V>, Boolean> f) {
        Objects.requireNonNull(f, "filter function");
        return new JavaPairDStream<>(context(), keyPreserving("filter", (element, out) -> {
            if (Boolean.TRUE.equals(f.call(cast(element)))) {
                out.accept(element);
            }
        }), slideDuration());
    }

    /** Each pair with {@code f} applied to its value; the key is kept. */
    public <U> JavaPairDStream<K, U> mapValues(Function<V, U> f) {
        Objects.requireNonNull(f, "mapValues function");
        return new JavaPairDStream<>(context(), keyPreserving("mapValues", (element, out) -> {
            Tuple2<K, V> pair = cast(element);
            out.accept(new Tuple2<>(pair._1(), f.call(pair._2())));
        }), slideDuration());
    }

    /** Per batch, the pairs of this stream and of {@code other}, which must have the same slide duration. */
    public JavaPairDStream<K, V> union(JavaPairDStream<K, V> other) {
        return new JavaPairDStream<>(context(), unionNode(List.of(other)), slideDuration());
    }

    /** Runs {@code f} on every batch, empty ones too, as a local {@link JavaPairRDD}. An output operation. */
    public void foreachRDD(VoidFunction<JavaPairRDD<K, V>> f) {
        Objects.requireNonNull(f, "foreachRDD function");
        foreachRDD((rdd, time) -> f.call(rdd));
    }

    /** Runs {@code f} on every batch and its time, empty batches too. An output operation. */
    public void foreachRDD(VoidFunction2<JavaPairRDD<K, V>, Time> f) {
        Objects.requireNonNull(f, "foreachRDD function");
        addOutput("foreachRDD", (time, elements, count) -> {
            f.call(new JavaPairRDD<>(cast(elements)), time);
            return List.of();
        });
    }

    /** A stream of {@code f} applied to every batch as a whole. */
    public <U> JavaDStream<U> transform(Function<JavaPairRDD<K, V>, JavaRDD<U>> f) {
        Objects.requireNonNull(f, "transform function");
        return new JavaDStream<>(context(), batchFunction("transform",
                (time, elements, count) -> cast(f.call(new JavaPairRDD<>(cast(elements))).collect())), slideDuration());
    }

    /** A pair stream of {@code f} applied to every batch as a whole (sorting by key, for example). */
    public <K2, V2> JavaPairDStream<K2, V2> transformToPair(Function<JavaPairRDD<K, V>, JavaPairRDD<K2, V2>> f) {
        Objects.requireNonNull(f, "transformToPair function");
        return new JavaPairDStream<>(context(), batchFunction("transformToPair",
                (time, elements, count) -> cast(f.call(new JavaPairRDD<>(cast(elements))).collect())), slideDuration());
    }

    /** Every batch, the union of the batches of the last {@code windowDuration}. */
    public JavaPairDStream<K, V> window(Duration windowDuration) {
        return window(windowDuration, slideDuration());
    }

    /**
     * Every {@code slideDuration}, the union of the batches of the last {@code windowDuration};
     * both must be multiples of this stream's slide duration.
     */
    public JavaPairDStream<K, V> window(Duration windowDuration, Duration slideDuration) {
        return new JavaPairDStream<>(context(), windowNode(windowDuration, slideDuration), slideDuration);
    }

    /**
     * Per batch, the values of each key reduced with {@code f}, which must be associative and
     * commutative. Each task combines its own values first, so only partial results cross the
     * shuffle.
     */
    public JavaPairDStream<K, V> reduceByKey(Function2<V, V, V> f) {
        return reduceByKey(f, 0);
    }

    /** As {@link #reduceByKey(Function2)}, shuffling into {@code numPartitions} partitions. */
    public JavaPairDStream<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
        Objects.requireNonNull(f, "reduceByKey function");
        if (numPartitions < 0) {
            throw new IllegalArgumentException("reduceByKey: numPartitions must be positive, got " + numPartitions);
        }
        Function2<Object, Object, Object> reduce = (a, b) -> f.call(cast(a), cast(b));
        return new JavaPairDStream<>(context(),
                new ReduceByKeyNode(context().graph().nextId(), node(), reduce, numPartitions), slideDuration());
    }

    /**
     * Every {@code slideDuration}, the values of each key over the last {@code windowDuration},
     * computed incrementally as Spark does: the previous window, minus ({@code invFunc}) the batches
     * that left, plus ({@code func}) the batches that entered. Every key ever seen stays in the
     * output, with its "zero" once its values have left the window.
     */
    public JavaPairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> func, Function2<V, V, V> invFunc,
                                                      Duration windowDuration, Duration slideDuration) {
        return reduceByKeyAndWindow(func, invFunc, windowDuration, slideDuration, 0, null);
    }

    /**
     * As {@link #reduceByKeyAndWindow(Function2, Function2, Duration, Duration)}, shuffled into
     * {@code numPartitions} partitions (0: as many as this stream), keeping only the pairs for which
     * {@code filterFunc} returns true ({@code null}: keep every key).
     */
    public JavaPairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> func, Function2<V, V, V> invFunc,
                                                      Duration windowDuration, Duration slideDuration,
                                                      int numPartitions, Function<Tuple2<K, V>, Boolean> filterFunc) {
        Objects.requireNonNull(invFunc, "reduceByKeyAndWindow inverse function");
        checkWindow(windowDuration, slideDuration);
        JavaPairDStream<K, V> perBatch = reduceByKey(func, numPartitions);
        Function2<Object, Object, Object> reduce = (a, b) -> func.call(cast(a), cast(b));
        Function2<Object, Object, Object> inverse = (a, b) -> invFunc.call(cast(a), cast(b));
        Optional<Function<Tuple2<Object, Object>, Boolean>> filter = Optional.ofNullable(filterFunc)
                .map(f -> pair -> f.call(cast(pair)));
        return new JavaPairDStream<>(context(), new InverseWindowReduceNode(context().graph().nextId(), perBatch.node(),
                reduce, inverse, windowDuration.milliseconds(), slideDuration.milliseconds(), filter), slideDuration);
    }

    /**
     * A state per key, Spark's {@code updateStateByKey}: after every batch, {@code f} gets each key's
     * new values (empty when it has none) and previous state (empty for a new key) and returns the
     * new state, or an empty {@code Optional} to remove the key. The stream is the whole state
     * after every batch, in key order. State lives in RocksDB with a changelog.
     */
    public <S> JavaPairDStream<K, S> updateStateByKey(Function2<List<V>, Optional<S>, Optional<S>> f) {
        return updateStateByKey(f, 0, new JavaPairRDD<>(List.of()));
    }

    /** As {@link #updateStateByKey(Function2)}, with the state spread over {@code numPartitions} partitions. */
    public <S> JavaPairDStream<K, S> updateStateByKey(Function2<List<V>, Optional<S>, Optional<S>> f,
                                                      int numPartitions) {
        return updateStateByKey(f, numPartitions, new JavaPairRDD<>(List.of()));
    }

    /**
     * As {@link #updateStateByKey(Function2)}, starting from {@code initialRDD}'s pairs; with
     * {@code numPartitions} 0 the state has as many partitions as this stream.
     */
    public <S> JavaPairDStream<K, S> updateStateByKey(Function2<List<V>, Optional<S>, Optional<S>> f,
                                                      int numPartitions, JavaPairRDD<K, S> initialRDD) {
        Objects.requireNonNull(f, "updateStateByKey function");
        Objects.requireNonNull(initialRDD, "initialRDD");
        if (numPartitions < 0) {
            throw new IllegalArgumentException("updateStateByKey: numPartitions must be positive, got " + numPartitions);
        }
        Function2<List<Object>, Optional<Object>, Optional<Object>> update = (values, state) -> cast(
                f.call(cast(values), cast(state)));
        return new JavaPairDStream<>(context(), new UpdateStateNode(context().graph().nextId(), node(), update,
                numPartitions, cast(initialRDD.collect())), slideDuration());
    }

    /** Every batch, the values of each key over the last {@code windowDuration} reduced with {@code f}. */
    public JavaPairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Duration windowDuration) {
        return reduceByKeyAndWindow(f, windowDuration, slideDuration());
    }

    /**
     * Every {@code slideDuration}, the values of each key over the last {@code windowDuration}
     * reduced with {@code f}: Spark's {@code window(w, s).reduceByKey(f)}. Each batch is reduced
     * per key first, so a window combines one partial per key and batch.
     */
    public JavaPairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Duration windowDuration,
                                                      Duration slideDuration) {
        return reduceByKey(f).window(windowDuration, slideDuration).reduceByKey(f);
    }
}
