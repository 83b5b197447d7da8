package io.streamling.streaming.api.java;

import io.streamling.api.Tuple2;
import io.streamling.api.function.FlatMapFunction;
import io.streamling.api.function.Function4;
import io.streamling.api.function.Function;
import io.streamling.api.function.Function2;
import io.streamling.api.function.VoidFunction;
import io.streamling.api.function.VoidFunction2;
import io.streamling.api.java.JavaPairRDD;
import io.streamling.api.java.JavaRDD;
import io.streamling.internal.plan.InverseWindowReduceNode;
import io.streamling.internal.plan.MapWithStateNode;
import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.AggregateByKeyNode;
import io.streamling.internal.plan.Aggregation;
import io.streamling.internal.plan.ShuffleNode;
import io.streamling.internal.plan.UpdateStateNode;
import io.streamling.storage.StorageLevel;
import io.streamling.streaming.Duration;
import io.streamling.streaming.State;
import io.streamling.streaming.StateSpec;
import io.streamling.streaming.Time;
import java.util.ArrayList;
import java.util.Iterator;
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
        Aggregation reducing = Aggregation.reducing((a, b) -> f.call(cast(a), cast(b)));
        return aggregateByKey("reduceByKey", reducing, reducing, numPartitions);
    }

    /** Per batch, the values of each key, in arrival order. */
    public JavaPairDStream<K, Iterable<V>> groupByKey() {
        return groupByKey(0);
    }

    /** As {@link #groupByKey()}, shuffling into {@code numPartitions} partitions. */
    public JavaPairDStream<K, Iterable<V>> groupByKey(int numPartitions) {
        Aggregation listing = new Aggregation(value -> {
            List<Object> values = new ArrayList<>();
            values.add(value);
            return values;
        }, (values, value) -> {
            JavaPairDStream.<List<Object>>cast(values).add(value);
            return values;
        });
        Aggregation concatenating = new Aggregation(values -> values, (values, more) -> {
            JavaPairDStream.<List<Object>>cast(values).addAll(cast(more));
            return values;
        });
        return aggregateByKey("groupByKey", listing, concatenating, numPartitions);
    }

    /**
     * Per batch, the values of each key combined as Spark's {@code combineByKey}: each task starts a
     * combiner with {@code createCombiner} and adds its values with {@code mergeValue}; the task
     * owning the key merges the combiners with {@code mergeCombiners}.
     */
    public <C> JavaPairDStream<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
                                                 Function2<C, C, C> mergeCombiners, int numPartitions) {
        Objects.requireNonNull(createCombiner, "createCombiner");
        Objects.requireNonNull(mergeValue, "mergeValue");
        Objects.requireNonNull(mergeCombiners, "mergeCombiners");
        Aggregation combine = new Aggregation(value -> createCombiner.call(cast(value)),
                (combiner, value) -> mergeValue.call(cast(combiner), cast(value)));
        Aggregation merge = Aggregation.reducing((a, b) -> mergeCombiners.call(cast(a), cast(b)));
        return aggregateByKey("combineByKey", combine, merge, numPartitions);
    }

    /** As {@link #combineByKey(Function, Function2, Function2, int)} with as many partitions as this stream. */
    public <C> JavaPairDStream<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
                                                 Function2<C, C, C> mergeCombiners) {
        return combineByKey(createCombiner, mergeValue, mergeCombiners, 0);
    }

    /** The pairs moved into {@code numPartitions} partitions by key. */
    public JavaPairDStream<K, V> partitionBy(int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("partitionBy: numPartitions must be positive, got " + numPartitions);
        }
        return new JavaPairDStream<>(context(), new ShuffleNode(context().graph().nextId(), "partitionBy", node(),
                numPartitions), slideDuration());
    }

    /** One {@code (k, u)} per element {@code u} of the iterator {@code f} returns for each value. */
    public <U> JavaPairDStream<K, U> flatMapValues(FlatMapFunction<V, U> f) {
        Objects.requireNonNull(f, "flatMapValues function");
        return new JavaPairDStream<>(context(), keyPreserving("flatMapValues", (element, out) -> {
            Tuple2<K, V> pair = cast(element);
            Iterator<U> values = f.call(pair._2());
            while (values.hasNext()) {
                out.accept(new Tuple2<>(pair._1(), values.next()));
            }
        }), slideDuration());
    }

    /** Per batch, for each key, its values in this stream and in {@code other}. */
    public <W> JavaPairDStream<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(JavaPairDStream<K, W> other) {
        return cogroup(other, 0);
    }

    /** As {@link #cogroup(JavaPairDStream)}, shuffling into {@code numPartitions} partitions. */
    public <W> JavaPairDStream<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(JavaPairDStream<K, W> other,
                                                                           int numPartitions) {
        return tagged(other, numPartitions).mapValues(sides -> new Tuple2<>(cast(sides._1()), cast(sides._2())));
    }

    /** Per batch, every {@code (k, (v, w))} of a key present in both streams. */
    public <W> JavaPairDStream<K, Tuple2<V, W>> join(JavaPairDStream<K, W> other) {
        return join(other, 0);
    }

    /** As {@link #join(JavaPairDStream)}, shuffling into {@code numPartitions} partitions. */
    public <W> JavaPairDStream<K, Tuple2<V, W>> join(JavaPairDStream<K, W> other, int numPartitions) {
        return joined(other, numPartitions, false, false, (v, w) -> new Tuple2<>(v.orElseThrow(), w.orElseThrow()));
    }

    /** Per batch, every pair of this stream with each match in {@code other}, or {@code Optional.empty()}. */
    public <W> JavaPairDStream<K, Tuple2<V, Optional<W>>> leftOuterJoin(JavaPairDStream<K, W> other) {
        return leftOuterJoin(other, 0);
    }

    /** As {@link #leftOuterJoin(JavaPairDStream)}, shuffling into {@code numPartitions} partitions. */
    public <W> JavaPairDStream<K, Tuple2<V, Optional<W>>> leftOuterJoin(JavaPairDStream<K, W> other,
                                                                       int numPartitions) {
        return joined(other, numPartitions, false, true, (v, w) -> new Tuple2<>(v.orElseThrow(), w));
    }

    /** Per batch, every pair of {@code other} with each match here, or {@code Optional.empty()}. */
    public <W> JavaPairDStream<K, Tuple2<Optional<V>, W>> rightOuterJoin(JavaPairDStream<K, W> other) {
        return rightOuterJoin(other, 0);
    }

    /** As {@link #rightOuterJoin(JavaPairDStream)}, shuffling into {@code numPartitions} partitions. */
    public <W> JavaPairDStream<K, Tuple2<Optional<V>, W>> rightOuterJoin(JavaPairDStream<K, W> other,
                                                                        int numPartitions) {
        return joined(other, numPartitions, true, false, (v, w) -> new Tuple2<>(v, w.orElseThrow()));
    }

    /** Per batch, every match of either side, with {@code Optional.empty()} for a missing side. */
    public <W> JavaPairDStream<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(JavaPairDStream<K, W> other) {
        return fullOuterJoin(other, 0);
    }

    /** As {@link #fullOuterJoin(JavaPairDStream)}, shuffling into {@code numPartitions} partitions. */
    public <W> JavaPairDStream<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(JavaPairDStream<K, W> other,
                                                                                  int numPartitions) {
        return joined(other, numPartitions, true, true, Tuple2::new);
    }

    /**
     * A state per key with a mapping function, Spark's {@code mapWithState}: the function runs for
     * every new value of a key (in arrival order within the key), may update or remove the key's
     * {@link io.streamling.streaming.State}, and its results form the stream; with a timeout, a key
     * idle that long gets a last call with {@code isTimingOut()} and is removed.
     */
    public <S, M> JavaMapWithStateDStream<K, V, S, M> mapWithState(StateSpec<K, V, S, M> spec) {
        Objects.requireNonNull(spec, "spec");
        Function4<Time, Object, Optional<Object>, State<Object>, Optional<Object>> function =
                (time, key, value, state) -> cast(spec.getFunction().call(time, cast(key), cast(value), cast(state)));
        MapWithStateNode node = new MapWithStateNode(context().graph().nextId(), node(), function,
                cast(spec.getInitialState().collect()), spec.getNumPartitions(),
                spec.getTimeout().map(Duration::milliseconds));
        return new JavaMapWithStateDStream<>(context(), node, slideDuration());
    }

    /** Every batch, the values of each key over the last {@code windowDuration}. */
    public JavaPairDStream<K, Iterable<V>> groupByKeyAndWindow(Duration windowDuration) {
        return groupByKeyAndWindow(windowDuration, slideDuration());
    }

    /** Every {@code slideDuration}, the values of each key over the last {@code windowDuration}. */
    public JavaPairDStream<K, Iterable<V>> groupByKeyAndWindow(Duration windowDuration, Duration slideDuration) {
        return groupByKeyAndWindow(windowDuration, slideDuration, 0);
    }

    /** As {@link #groupByKeyAndWindow(Duration, Duration)}, shuffling into {@code numPartitions} partitions. */
    public JavaPairDStream<K, Iterable<V>> groupByKeyAndWindow(Duration windowDuration, Duration slideDuration,
                                                             int numPartitions) {
        return window(windowDuration, slideDuration).groupByKey(numPartitions);
    }

    /** This stream as a stream of {@link Tuple2} elements. */
    public JavaDStream<Tuple2<K, V>> toJavaDStream() {
        return new JavaDStream<>(context(), node(), slideDuration());
    }

    /** A stream of pairs as a pair stream. */
    public static <K, V> JavaPairDStream<K, V> fromJavaDStream(JavaDStream<Tuple2<K, V>> stream) {
        return new JavaPairDStream<>(stream.context(), stream.node(), stream.slideDuration());
    }

    private <U> JavaPairDStream<K, U> aggregateByKey(String operation, Aggregation combine, Aggregation merge,
                                                   int numPartitions) {
        if (numPartitions < 0) {
            throw new IllegalArgumentException(operation + ": numPartitions must be positive, got " + numPartitions);
        }
        return new JavaPairDStream<>(context(), new AggregateByKeyNode(context().graph().nextId(), operation, node(),
                combine, merge, numPartitions), slideDuration());
    }

    /** Per batch and key, this stream's values and {@code other}'s, as two lists: the cogroup all joins start from. */
    private <W> JavaPairDStream<K, Tuple2<List<V>, List<W>>> tagged(JavaPairDStream<K, W> other, int numPartitions) {
        Objects.requireNonNull(other, "other stream");
        JavaPairDStream<K, Tuple2<Integer, Object>> left = mapValues(v -> new Tuple2<>(0, v));
        JavaPairDStream<K, Tuple2<Integer, Object>> right = other.mapValues(w -> new Tuple2<>(1, w));
        return left.union(right).groupByKey(numPartitions).mapValues(values -> {
            List<V> mine = new ArrayList<>();
            List<W> theirs = new ArrayList<>();
            for (Tuple2<Integer, Object> value : values) {
                if (value._1() == 0) {
                    mine.add(cast(value._2()));
                } else {
                    theirs.add(cast(value._2()));
                }
            }
            return new Tuple2<>(mine, theirs);
        });
    }

    /** A per-batch join: every (v, w) match, plus the unmatched side(s) the outer flags ask for. */
    private <W, R> JavaPairDStream<K, R> joined(JavaPairDStream<K, W> other, int numPartitions, boolean keepRight,
                                                boolean keepLeft,
                                                java.util.function.BiFunction<Optional<V>, Optional<W>, R> pair) {
        return tagged(other, numPartitions).flatMapValues(sides -> {
            List<R> results = new ArrayList<>();
            List<Optional<V>> lefts = sides._1().isEmpty() && keepRight ? List.of(Optional.empty())
                    : sides._1().stream().map(Optional::ofNullable).toList();
            List<Optional<W>> rights = sides._2().isEmpty() && keepLeft ? List.of(Optional.empty())
                    : sides._2().stream().map(Optional::ofNullable).toList();
            for (Optional<V> v : lefts) {
                for (Optional<W> w : rights) {
                    results.add(pair.apply(v, w));
                }
            }
            return results.iterator();
        });
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

    /** This stream, as Spark's {@code cache()} returns it: nothing to cache (see {@link JavaDStreamLike#cache()}). */
    @Override
    public JavaPairDStream<K, V> cache() {
        return this;
    }

    /** This stream (see {@link #cache()}). */
    @Override
    public JavaPairDStream<K, V> persist() {
        return this;
    }

    /** This stream (see {@link #cache()}): the storage level does not apply. */
    @Override
    public JavaPairDStream<K, V> persist(StorageLevel storageLevel) {
        return this;
    }
}
