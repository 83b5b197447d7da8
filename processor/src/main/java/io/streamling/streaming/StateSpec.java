package io.streamling.streaming;

import io.streamling.api.function.Function3;
import io.streamling.api.function.Function4;
import io.streamling.api.java.JavaPairRDD;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code mapWithState} does, as Spark's {@code StateSpec}: the mapping function, and
 * optionally an initial state, a number of partitions and an idle timeout. Immutable: each
 * builder call returns a new spec.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the state type
 * @param <M> the mapped type
 */
public final class StateSpec<K, V, S, M> {

    private final Function4<Time, K, Optional<V>, State<S>, Optional<M>> function;
    private final JavaPairRDD<K, S> initialState;
    private final int numPartitions;
    private final Duration timeout;

    private StateSpec(Function4<Time, K, Optional<V>, State<S>, Optional<M>> function, JavaPairRDD<K, S> initialState,
                      int numPartitions, Duration timeout) {
        this.function = function;
        this.initialState = initialState;
        this.numPartitions = numPartitions;
        this.timeout = timeout;
    }

    /** A spec whose function sees the batch time and may emit nothing. */
    public static <K, V, S, M> StateSpec<K, V, S, M> function(
            Function4<Time, K, Optional<V>, State<S>, Optional<M>> mappingFunction) {
        Objects.requireNonNull(mappingFunction, "mappingFunction");
        return new StateSpec<>(mappingFunction, new JavaPairRDD<>(List.of()), 0, null);
    }

    /** A spec whose function emits one element per call. */
    public static <K, V, S, M> StateSpec<K, V, S, M> function(Function3<K, Optional<V>, State<S>, M> mappingFunction) {
        Objects.requireNonNull(mappingFunction, "mappingFunction");
        return function((time, key, value, state) -> Optional.ofNullable(mappingFunction.call(key, value, state)));
    }

    /** The state before the first batch. */
    public StateSpec<K, V, S, M> initialState(JavaPairRDD<K, S> rdd) {
        return new StateSpec<>(function, Objects.requireNonNull(rdd, "initialState"), numPartitions, timeout);
    }

    /** How many partitions the state is spread over. */
    public StateSpec<K, V, S, M> numPartitions(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("numPartitions must be positive, got " + partitions);
        }
        return new StateSpec<>(function, initialState, partitions, timeout);
    }

    /** A key with no data for {@code idleDuration} gets one last call with {@link State#isTimingOut()}, then is removed. */
    public StateSpec<K, V, S, M> timeout(Duration idleDuration) {
        return new StateSpec<>(function, initialState, numPartitions, Objects.requireNonNull(idleDuration, "timeout"));
    }

    /** The mapping function (for the runtime). */
    public Function4<Time, K, Optional<V>, State<S>, Optional<M>> getFunction() {
        return function;
    }

    /** The initial state (for the runtime). */
    public JavaPairRDD<K, S> getInitialState() {
        return initialState;
    }

    /** The number of partitions, or 0 for as many as the input (for the runtime). */
    public int getNumPartitions() {
        return numPartitions;
    }

    /** The idle timeout, if any (for the runtime). */
    public Optional<Duration> getTimeout() {
        return Optional.ofNullable(timeout);
    }
}
