package io.streamling.streaming.api.java;

import io.streamling.api.function.Function;
import io.streamling.api.function.Function2;
import io.streamling.api.function.Function3;
import io.streamling.api.function.VoidFunction;
import io.streamling.api.function.VoidFunction2;
import io.streamling.api.java.JavaPairRDD;
import io.streamling.api.java.JavaRDD;
import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.ShuffleNode;
import io.streamling.storage.StorageLevel;
import io.streamling.streaming.Duration;
import io.streamling.streaming.Time;
import java.util.List;
import java.util.Objects;

/**
 * A stream of batches of elements, as Spark's {@code JavaDStream}.
 *
 * @param <T> the element type
 */
public class JavaDStream<T> extends JavaDStreamLike<T> {

    JavaDStream(JavaStreamingContext context, PlanNode node, Duration slideDuration) {
        super(context, node, slideDuration);
    }

    /** The elements for which {@code f} returns true. */
    public JavaDStream<T> filter(Function<T, Boolean> f) {
        Objects.requireNonNull(f, "filter function");
        return new JavaDStream<>(context(), keyPreserving("filter", (element, out) -> {
            if (Boolean.TRUE.equals(f.call(cast(element)))) {
                out.accept(element);
            }
        }), slideDuration());
    }

    /** Per batch, the elements of this stream and of {@code other}, which must have the same slide duration. */
    public JavaDStream<T> union(JavaDStream<T> other) {
        return unionAll(List.of(other));
    }

    JavaDStream<T> unionAll(List<JavaDStream<T>> others) {
        return others.isEmpty() ? this : new JavaDStream<>(context(), unionNode(others), slideDuration());
    }

    /** Runs {@code f} on every batch, empty ones too, as a local {@link JavaRDD}. An output operation. */
    public void foreachRDD(VoidFunction<JavaRDD<T>> f) {
        Objects.requireNonNull(f, "foreachRDD function");
        foreachRDD((rdd, time) -> f.call(rdd));
    }

    /** Runs {@code f} on every batch and its time, empty batches too. An output operation. */
    public void foreachRDD(VoidFunction2<JavaRDD<T>, Time> f) {
        Objects.requireNonNull(f, "foreachRDD function");
        addOutput("foreachRDD", (time, elements, count) -> {
            f.call(new JavaRDD<>(cast(elements)), time);
            return List.of();
        });
    }

    /** A stream of {@code f} applied to every batch as a whole. */
    public <U> JavaDStream<U> transform(Function<JavaRDD<T>, JavaRDD<U>> f) {
        Objects.requireNonNull(f, "transform function");
        return transform((rdd, time) -> f.call(rdd));
    }

    /** A stream of {@code f} applied to every batch as a whole, with the batch time. */
    public <U> JavaDStream<U> transform(Function2<JavaRDD<T>, Time, JavaRDD<U>> f) {
        Objects.requireNonNull(f, "transform function");
        return new JavaDStream<>(context(), batchFunction("transform",
                (time, elements, count) -> cast(f.call(new JavaRDD<>(cast(elements)), time).collect())), slideDuration());
    }

    /** A pair stream of {@code f} applied to every batch as a whole. */
    public <K, V> JavaPairDStream<K, V> transformToPair(Function<JavaRDD<T>, JavaPairRDD<K, V>> f) {
        Objects.requireNonNull(f, "transformToPair function");
        return new JavaPairDStream<>(context(), batchFunction("transformToPair",
                (time, elements, count) -> cast(f.call(new JavaRDD<>(cast(elements))).collect())), slideDuration());
    }

    /**
     * The same elements spread over {@code numPartitions} partitions (by the hash of each element;
     * Spark distributes them round-robin).
     */
    public JavaDStream<T> repartition(int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("repartition: numPartitions must be positive, got " + numPartitions);
        }
        return new JavaDStream<>(context(), new ShuffleNode(context().graph().nextId(), "repartition", node(),
                numPartitions), slideDuration());
    }

    /** Per batch, {@code f} applied to this stream's batch and {@code other}'s batch of the same time. */
    public <U, W> JavaDStream<W> transformWith(JavaDStream<U> other, Function3<JavaRDD<T>, JavaRDD<U>, Time, JavaRDD<W>> f) {
        Objects.requireNonNull(f, "transformWith function");
        return new JavaDStream<>(context(), TaggedBatches.transformWith(this, other, (time, batches) -> f.call(
                new JavaRDD<>(cast(batches.get(0))), new JavaRDD<>(cast(batches.get(1))), time).collect()), slideDuration());
    }

    /** As {@link #transformWith(JavaDStream, Function3)}, producing pairs. */
    public <U, K, V> JavaPairDStream<K, V> transformWithToPair(JavaDStream<U> other,
            Function3<JavaRDD<T>, JavaRDD<U>, Time, JavaPairRDD<K, V>> f) {
        Objects.requireNonNull(f, "transformWithToPair function");
        return new JavaPairDStream<>(context(), TaggedBatches.transformWith(this, other, (time, batches) -> f.call(
                new JavaRDD<>(cast(batches.get(0))), new JavaRDD<>(cast(batches.get(1))), time).collect()), slideDuration());
    }

    /** Every batch, the union of the batches of the last {@code windowDuration}. */
    public JavaDStream<T> window(Duration windowDuration) {
        return window(windowDuration, slideDuration());
    }

    /**
     * Every {@code slideDuration}, the union of the batches of the last {@code windowDuration};
     * both must be multiples of this stream's slide duration.
     */
    public JavaDStream<T> window(Duration windowDuration, Duration slideDuration) {
        return new JavaDStream<>(context(), windowNode(windowDuration, slideDuration), slideDuration);
    }

    /** This stream, as Spark's {@code cache()} returns it: nothing to cache (see {@link JavaDStreamLike#cache()}). */
    @Override
    public JavaDStream<T> cache() {
        return this;
    }

    /** This stream (see {@link #cache()}). */
    @Override
    public JavaDStream<T> persist() {
        return this;
    }

    /** This stream (see {@link #cache()}): the storage level does not apply. */
    @Override
    public JavaDStream<T> persist(StorageLevel storageLevel) {
        return this;
    }
}
