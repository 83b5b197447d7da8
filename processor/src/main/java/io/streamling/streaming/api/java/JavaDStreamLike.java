package io.streamling.streaming.api.java;

import io.streamling.api.Tuple2;
import io.streamling.api.function.FlatMapFunction;
import io.streamling.api.function.Function;
import io.streamling.api.function.Function2;
import io.streamling.api.function.PairFlatMapFunction;
import io.streamling.api.function.PairFunction;
import io.streamling.api.java.JavaRDD;
import io.streamling.internal.plan.BatchAggregateNode;
import io.streamling.internal.plan.BatchFunctionNode;
import io.streamling.internal.plan.ElementFunction;
import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.PrintNode;
import io.streamling.internal.plan.StatelessNode;
import io.streamling.internal.plan.TopicSinkNode;
import io.streamling.internal.plan.UnionNode;
import io.streamling.internal.plan.WindowNode;
import io.streamling.internal.runtime.BatchFunction;
import io.streamling.storage.StorageLevel;
import io.streamling.streaming.Duration;
import io.streamling.streaming.Time;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every DStream offers, as Spark's {@code JavaDStreamLike}: a stream of batches of elements
 * of type {@code T}. Each call checks its arguments, adds one node to the program and returns a
 * new stream; nothing runs until {@link JavaStreamingContext#start()}.
 *
 * @param <T> the element type
 */
public abstract class JavaDStreamLike<T> {

    private final JavaStreamingContext context;
    private final PlanNode node;
    private final Duration slideDuration;

    JavaDStreamLike(JavaStreamingContext context, PlanNode node, Duration slideDuration) {
        this.context = context;
        this.node = node;
        this.slideDuration = slideDuration;
    }

    /** The context this stream belongs to. */
    public JavaStreamingContext context() {
        return context;
    }

    /** How often this stream has a batch: the batch interval, or a window's slide. */
    public Duration slideDuration() {
        return slideDuration;
    }

    PlanNode node() {
        return node;
    }

    /** A stream of {@code f} applied to each element. */
    public <R> JavaDStream<R> map(Function<T, R> f) {
        Objects.requireNonNull(f, "map function");
        return new JavaDStream<>(context, stateless("map", (element, out) -> out.accept(f.call(cast(element)))),
                slideDuration);
    }

    /** A stream of every element of the iterators {@code f} returns for each element. */
    public <R> JavaDStream<R> flatMap(FlatMapFunction<T, R> f) {
        Objects.requireNonNull(f, "flatMap function");
        return new JavaDStream<>(context, stateless("flatMap", (element, out) -> {
            Iterator<R> results = f.call(cast(element));
            while (results.hasNext()) {
                out.accept(results.next());
            }
        }), slideDuration);
    }

    /** A pair stream of {@code f} applied to each element. */
    public <K, V> JavaPairDStream<K, V> mapToPair(PairFunction<T, K, V> f) {
        Objects.requireNonNull(f, "mapToPair function");
        return new JavaPairDStream<>(context, stateless("mapToPair", (element, out) -> {
            Tuple2<K, V> pair = f.call(cast(element));
            out.accept(Objects.requireNonNull(pair, "mapToPair function returned null"));
        }), slideDuration);
    }

    /** A pair stream of every pair of the iterators {@code f} returns for each element. */
    public <K, V> JavaPairDStream<K, V> flatMapToPair(PairFlatMapFunction<T, K, V> f) {
        Objects.requireNonNull(f, "flatMapToPair function");
        return new JavaPairDStream<>(context, stateless("flatMapToPair", (element, out) -> {
            Iterator<Tuple2<K, V>> results = f.call(cast(element));
            while (results.hasNext()) {
                out.accept(Objects.requireNonNull(results.next(), "flatMapToPair function returned a null pair"));
            }
        }), slideDuration);
    }

    /**
     * {@code f} run on an iterator over each batch. A whole-batch operation: the batch is gathered
     * into one task, so it is one partition here (Spark runs {@code f} once per partition).
     */
    public <U> JavaDStream<U> mapPartitions(FlatMapFunction<Iterator<T>, U> f) {
        Objects.requireNonNull(f, "mapPartitions function");
        return new JavaDStream<>(context, batchFunction("mapPartitions",
                (time, elements, count) -> drain(f.call(JavaDStreamLike.<List<T>>cast(elements).iterator()))),
                slideDuration);
    }

    /** As {@link #mapPartitions(FlatMapFunction)}, producing pairs. */
    public <K, V> JavaPairDStream<K, V> mapPartitionsToPair(PairFlatMapFunction<Iterator<T>, K, V> f) {
        Objects.requireNonNull(f, "mapPartitionsToPair function");
        return new JavaPairDStream<>(context, batchFunction("mapPartitionsToPair",
                (time, elements, count) -> drain(f.call(JavaDStreamLike.<List<T>>cast(elements).iterator()))),
                slideDuration);
    }

    /** Each batch as one list (a batch is one partition in whole-batch operations). */
    public JavaDStream<List<T>> glom() {
        return new JavaDStream<>(context, batchFunction("glom",
                (time, elements, count) -> List.of(new ArrayList<>(elements))), slideDuration);
    }

    /**
     * This stream, unchanged: batches are not recomputed here, since every stream reads a Kafka
     * topic and state lives in RocksDB with changelogs, so there is nothing to cache.
     */
    public JavaDStreamLike<T> cache() {
        return this;
    }

    /** This stream, unchanged (see {@link #cache()}); the storage level does not apply. */
    public JavaDStreamLike<T> persist() {
        return this;
    }

    /** This stream, unchanged (see {@link #cache()}): the storage level does not apply ({@link StorageLevel}). */
    public JavaDStreamLike<T> persist(StorageLevel storageLevel) {
        return this;
    }

    /**
     * This stream, unchanged: state is checkpointed continuously to changelog topics and offsets
     * are committed every {@code commit.interval.ms}, so there is no per-stream checkpoint interval.
     */
    public JavaDStreamLike<T> checkpoint(Duration interval) {
        Objects.requireNonNull(interval, "checkpoint interval");
        return this;
    }

    /** One element per batch: the number of elements in it ({@code 0} for an empty batch). */
    public JavaDStream<Long> count() {
        return new JavaDStream<>(context, new BatchAggregateNode(context.graph().nextId(), "count", node,
                element -> 1L, (a, b) -> (Long) a + (Long) b, Optional.of(0L)), slideDuration);
    }

    /** One element per batch: its elements reduced with {@code f}; nothing for an empty batch. */
    public JavaDStream<T> reduce(Function2<T, T, T> f) {
        Objects.requireNonNull(f, "reduce function");
        return new JavaDStream<>(context, new BatchAggregateNode(context.graph().nextId(), "reduce", node,
                element -> element, (a, b) -> f.call(cast(a), cast(b)), Optional.empty()), slideDuration);
    }

    /** Per batch, each distinct element with its number of occurrences. */
    public JavaPairDStream<T, Long> countByValue() {
        return this.<T, Long>mapToPair(element -> new Tuple2<>(element, 1L)).reduceByKey(Long::sum);
    }

    /**
     * Every {@code slideDuration}, the number of elements in the last {@code windowDuration},
     * counted incrementally as Spark does ({@code map(1).reduceByWindow(+, -)}): nothing before the
     * first element, then a count, {@code 0} for an empty window.
     */
    public JavaDStream<Long> countByWindow(Duration windowDuration, Duration slideDuration) {
        return this.map(element -> 1L).reduceByWindow(Long::sum, (a, b) -> a - b, windowDuration, slideDuration);
    }

    /** Every {@code slideDuration}, the elements of the last {@code windowDuration} reduced with {@code f}. */
    public JavaDStream<T> reduceByWindow(Function2<T, T, T> f, Duration windowDuration, Duration slideDuration) {
        return new JavaDStream<T>(context, windowNode(windowDuration, slideDuration), slideDuration).reduce(f);
    }

    /**
     * Every {@code slideDuration}, the elements of the last {@code windowDuration} reduced
     * incrementally, as Spark's {@code reduceByWindow(f, invF, w, s)}: once every value has left the
     * window the result is the "zero" {@code invF} leaves, not an empty batch.
     */
    public JavaDStream<T> reduceByWindow(Function2<T, T, T> f, Function2<T, T, T> invF, Duration windowDuration,
                                         Duration slideDuration) {
        return this.<Integer, T>mapToPair(element -> new Tuple2<>(1, element))
                .reduceByKeyAndWindow(f, invF, windowDuration, slideDuration)
                .map(Tuple2::_2);
    }

    /** Every {@code slideDuration}, each distinct element of the last {@code windowDuration} with its count. */
    public JavaPairDStream<T, Long> countByValueAndWindow(Duration windowDuration, Duration slideDuration) {
        return new JavaDStream<T>(context, windowNode(windowDuration, slideDuration), slideDuration).countByValue();
    }

    /** Prints the first ten elements of every batch, in Spark's format. An output operation. */
    public void print() {
        print(10);
    }

    /** Prints the first {@code num} elements of every batch, in Spark's format. An output operation. */
    public void print(int num) {
        if (num < 1) {
            throw new IllegalArgumentException("print(num): num must be at least 1, got " + num);
        }
        context.graph().addOutput(new PrintNode(context.graph().nextId(), node, num));
    }

    /**
     * Writes every element to a Kafka topic, created if absent: a pair's key and value as strings,
     * any other element as a string value. The record timestamp is the element's; for a per-batch
     * result it is the start of its batch. An output operation.
     */
    public void to(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("to(topic): topic must not be empty");
        }
        context.graph().addOutput(new TopicSinkNode(context.graph().nextId(), node, topic));
    }

    /**
     * Saves each batch as a text directory {@code prefix-<batch time in ms>[.suffix]} holding
     * {@code part-00000} and {@code _SUCCESS}, written aside and renamed into place, as Spark's
     * {@code saveAsTextFiles}. An output operation.
     */
    public void saveAsTextFiles(String prefix, String suffix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("saveAsTextFiles: prefix must not be empty");
        }
        addOutput("saveAsTextFiles", (time, elements, count) -> {
            new JavaRDD<>(elements).saveAsTextFile(fileName(prefix, suffix, time));
            return List.of();
        });
    }

    /** Spark's {@code rddToFileName}: {@code prefix-<ms>}, then {@code .suffix} when there is one. */
    static String fileName(String prefix, String suffix, Time time) {
        String name = prefix + "-" + time.milliseconds();
        return suffix == null || suffix.isEmpty() ? name : name + "." + suffix;
    }

    /** Registers a whole-batch output operation. */
    void addOutput(String operation, BatchFunction function) {
        context.graph().addOutput(batchFunction(operation, function));
    }

    /** A whole-batch operation over this stream. */
    PlanNode batchFunction(String operation, BatchFunction function) {
        return new BatchFunctionNode(context.graph().nextId(), operation, node, function);
    }

    /** A union of this stream with others, checked by {@link #checkCompatible(List)}. */
    PlanNode unionNode(List<? extends JavaDStreamLike<?>> others) {
        checkCompatible(others);
        List<PlanNode> inputs = new ArrayList<>();
        inputs.add(node);
        others.forEach(other -> inputs.add(other.node()));
        return new UnionNode(context.graph().nextId(), inputs);
    }

    /** Checks, as Spark does, that {@code others} can be combined with this stream batch by batch. */
    void checkCompatible(List<? extends JavaDStreamLike<?>> others) {
        for (JavaDStreamLike<?> other : others) {
            Objects.requireNonNull(other, "stream");
            if (other.context != context) {
                throw new IllegalArgumentException("Some of the DStreams have different contexts");
            }
            if (!other.slideDuration.equals(slideDuration)) {
                throw new IllegalArgumentException("Some of the DStreams have different slide durations");
            }
        }
    }

    /** A step that may change keys. */
    PlanNode stateless(String operation, ElementFunction function) {
        return new StatelessNode(context.graph().nextId(), operation, node, function, false);
    }

    /** A step that keeps each pair's key, so partitioning by key survives it. */
    PlanNode keyPreserving(String operation, ElementFunction function) {
        return new StatelessNode(context.graph().nextId(), operation, node, function, true);
    }

    /** A window node over this stream, checked by {@link #checkWindow(Duration, Duration)}. */
    PlanNode windowNode(Duration windowDuration, Duration slide) {
        checkWindow(windowDuration, slide);
        return new WindowNode(context.graph().nextId(), node, windowDuration.milliseconds(), slide.milliseconds());
    }

    /**
     * Checks a window over this stream as Spark checks it, with Spark's message (as an
     * {@link IllegalArgumentException} rather than Spark's plain {@code Exception}).
     */
    void checkWindow(Duration windowDuration, Duration slide) {
        Objects.requireNonNull(windowDuration, "windowDuration");
        Objects.requireNonNull(slide, "slideDuration");
        if (!windowDuration.isMultipleOf(slideDuration)) {
            throw new IllegalArgumentException("The window duration of windowed DStream (" + windowDuration
                    + ") must be a multiple of the slide duration of parent DStream (" + slideDuration + ")");
        }
        if (!slide.isMultipleOf(slideDuration)) {
            throw new IllegalArgumentException("The slide duration of windowed DStream (" + slide
                    + ") must be a multiple of the slide duration of parent DStream (" + slideDuration + ")");
        }
    }

    private static List<Object> drain(Iterator<?> iterator) {
        List<Object> elements = new ArrayList<>();
        iterator.forEachRemaining(elements::add);
        return elements;
    }

    @SuppressWarnings("unchecked")
    static <E> E cast(Object element) {
        return (E) element;
    }
}
