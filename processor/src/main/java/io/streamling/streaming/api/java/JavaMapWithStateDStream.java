package io.streamling.streaming.api.java;

import io.streamling.api.Tuple2;
import io.streamling.internal.plan.MapWithStateNode;
import io.streamling.internal.plan.PlanNode;
import io.streamling.internal.plan.StatelessNode;
import io.streamling.internal.runtime.MapWithStateProcessor;
import io.streamling.streaming.Duration;

/**
 * The stream of what a {@code mapWithState} function returns, as Spark's
 * {@code JavaMapWithStateDStream}; {@link #stateSnapshots()} gives the states themselves.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the state type
 * @param <M> the mapped type
 */
public class JavaMapWithStateDStream<K, V, S, M> extends JavaDStream<M> {

    private final JavaStreamingContext context;
    private final MapWithStateNode stateNode;
    private final Duration slide;

    JavaMapWithStateDStream(JavaStreamingContext context, MapWithStateNode stateNode, Duration slide) {
        super(context, untag(context, stateNode, "mapWithStateOutput", MapWithStateProcessor.MAPPED), slide);
        this.context = context;
        this.stateNode = stateNode;
        this.slide = slide;
    }

    /** The state of every key after every batch. */
    public JavaPairDStream<K, S> stateSnapshots() {
        return new JavaPairDStream<>(context, untag(context, stateNode, "stateSnapshots", MapWithStateProcessor.SNAPSHOT),
                slide);
    }

    /** The elements of {@code stateNode}'s output that carry {@code tag}, without it. */
    private static PlanNode untag(JavaStreamingContext context, MapWithStateNode stateNode, String operation,
                                  Integer tag) {
        return new StatelessNode(context.graph().nextId(), operation, stateNode, (element, out) -> {
            Tuple2<?, ?> tagged = (Tuple2<?, ?>) element;
            if (tag.equals(tagged._1())) {
                out.accept(tagged._2());
            }
        }, operation.equals("stateSnapshots"));
    }
}
