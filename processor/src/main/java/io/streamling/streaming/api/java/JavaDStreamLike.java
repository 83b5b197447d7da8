package io.streamling.streaming.api.java;

import io.streamling.api.Tuple2;
import io.streamling.api.function.FlatMapFunction;
import io.streamling.api.function.Function;
import io.streamling.api.function.PairFunction;
import io.streamling.internal.plan.ElementFunction;
import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.PrintNode;
import io.streamling.internal.plan.StatelessNode;
import io.streamling.internal.plan.TopicSinkNode;
import java.util.Iterator;
import java.util.Objects;

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

    JavaDStreamLike(JavaStreamingContext context, PlanNode node) {
        this.context = context;
        this.node = node;
    }

    /** The context this stream belongs to. */
    public JavaStreamingContext context() {
        return context;
    }

    /** The logical plan node of this stream (for tests and tools). */
    PlanNode node() {
        return node;
    }

    /** A stream of {@code f} applied to each element. */
    public <R> JavaDStream<R> map(Function<T, R> f) {
        Objects.requireNonNull(f, "map function");
        return new JavaDStream<>(context, stateless("map", (element, out) -> out.accept(f.call(cast(element)))));
    }

    /** A stream of every element of the iterators {@code f} returns for each element. */
    public <R> JavaDStream<R> flatMap(FlatMapFunction<T, R> f) {
        Objects.requireNonNull(f, "flatMap function");
        return new JavaDStream<>(context, stateless("flatMap", (element, out) -> {
            Iterator<R> results = f.call(cast(element));
            while (results.hasNext()) {
                out.accept(results.next());
            }
        }));
    }

    /** A pair stream of {@code f} applied to each element. */
    public <K, V> JavaPairDStream<K, V> mapToPair(PairFunction<T, K, V> f) {
        Objects.requireNonNull(f, "mapToPair function");
        return new JavaPairDStream<>(context, stateless("mapToPair", (element, out) -> {
            Tuple2<K, V> pair = f.call(cast(element));
            out.accept(Objects.requireNonNull(pair, "mapToPair function returned null"));
        }));
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

    PlanNode stateless(String operation, ElementFunction function) {
        return new StatelessNode(context.graph().nextId(), operation, node, function);
    }

    @SuppressWarnings("unchecked")
    static <E> E cast(Object element) {
        return (E) element;
    }
}
