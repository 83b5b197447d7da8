package io.streamling.internal.runtime;

import io.streamling.StreamlingException;
import io.streamling.api.Tuple2;
import io.streamling.api.function.Function4;
import io.streamling.streaming.State;
import io.streamling.streaming.Time;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;

/**
 * {@code mapWithState}, as Spark's {@code MapWithStateRDDRecord}: when a batch closes, the
 * function runs once per new value of each key, in arrival order (so several values of a key give
 * the intermediate results in order); then, in the batches where Spark scans its whole state, every
 * key idle for longer than the timeout gets one last call with {@link State#isTimingOut()} and is
 * removed. Each stored state carries the batch time it was last touched. Output elements are
 * tagged {@link #MAPPED}; when snapshots are asked for, the whole state follows each batch tagged
 * {@link #SNAPSHOT}.
 *
 * <p>Spark looks for timed-out keys only when it checkpoints the state, which a mapWithState
 * stream does every {@value #FULL_SCAN_SLIDES} slides from its zero time (the start of the first
 * batch): a key idle for longer than the timeout is timed out at the next such batch, not at once.
 */
public final class MapWithStateProcessor extends KeyedStateProcessor {

    /** Tag of a mapped element. */
    public static final Integer MAPPED = 0;
    /** Tag of a state snapshot pair. */
    public static final Integer SNAPSHOT = 1;

    /** Spark's default checkpoint interval of a mapWithState stream, in slides: its full state scans. */
    static final int FULL_SCAN_SLIDES = 10;

    private final Function4<Time, Object, Optional<Object>, State<Object>, Optional<Object>> function;
    private final Optional<Long> timeoutMs;
    private final boolean snapshots;
    /** Whether the initial states got their first batch's time (again after a restart: harmless). */
    private boolean initialStatesStamped;

    /**
     * @param name the operator name (its stores are named after it)
     * @param schedule when the stream has batches
     * @param expectedProducers how many upstream producers send markers to this operator
     * @param function the user's mapping function
     * @param initialState the state before the first batch
     * @param partitions how many partitions the state is spread over
     * @param timeoutMs the idle timeout, if any
     * @param snapshots whether to emit the whole state after every batch
     * @param maxEmptyBatches the most consecutive empty batches run after a gap
     */
    public MapWithStateProcessor(String name, OutputSchedule schedule, int expectedProducers,
                                 Function4<Time, Object, Optional<Object>, State<Object>, Optional<Object>> function,
                                 List<Tuple2<Object, Object>> initialState, int partitions, Optional<Long> timeoutMs,
                                 boolean snapshots, long maxEmptyBatches) {
        super(name, schedule, expectedProducers, initialState, partitions, maxEmptyBatches);
        this.function = function;
        this.timeoutMs = timeoutMs;
        this.snapshots = snapshots;
    }

    @Override
    Object initialStateValue(Object state) {
        return new Tuple2<>(state, Long.MIN_VALUE);
    }

    @Override
    void runBatch(long time, List<BatchStore.Entry> batchValues) {
        Time batchTime = new Time(time);
        if (timeoutMs.isPresent() && !initialStatesStamped) {
            stampInitialStates(time);
            initialStatesStamped = true;
        }
        for (BatchStore.Entry entry : batchValues) {
            Object key = entry.key();
            for (Object value : (List<?>) entry.value()) {
                mapValue(batchTime, entry.orderedKey(), key, Optional.ofNullable(value));
            }
        }
        if (timeoutMs.isPresent() && isFullScan(time)) {
            timeOutIdleKeys(batchTime, time - timeoutMs.get());
        }
        if (snapshots) {
            for (KeyValue<Bytes, Object> state : allStates()) {
                emit(time, new Tuple2<>(SNAPSHOT, new Tuple2<>(keyOf(state.key), ((Tuple2<?, ?>) state.value)._1())));
            }
        }
    }

    private void mapValue(Time time, Bytes stateKey, Object key, Optional<Object> value) {
        Tuple2<?, ?> stored = (Tuple2<?, ?>) states.get(stateKey);
        State<Object> state = new State<>(stored == null ? Optional.empty() : Optional.of(stored._1()), false);
        call(time, key, value, state);
        if (state.isRemoved()) {
            states.delete(stateKey);
        } else if (state.isUpdated() || (state.exists() && timeoutMs.isPresent())) {
            states.put(stateKey, new Tuple2<>(state.get(), time.milliseconds()));
        }
    }

    /** An initial state counts as touched at the first batch, as Spark loads it then. */
    private void stampInitialStates(long time) {
        for (KeyValue<Bytes, Object> entry : allStates()) {
            Tuple2<?, ?> stored = (Tuple2<?, ?>) entry.value;
            if ((Long) stored._2() == Long.MIN_VALUE) {
                states.put(entry.key, new Tuple2<>(stored._1(), time));
            }
        }
    }

    private boolean isFullScan(long time) {
        return Math.floorMod(time - firstBatchStart(), FULL_SCAN_SLIDES * schedule.slideMs()) == 0;
    }

    private void timeOutIdleKeys(Time time, long threshold) {
        for (KeyValue<Bytes, Object> entry : allStates()) {
            Tuple2<?, ?> stored = (Tuple2<?, ?>) entry.value;
            long touched = (Long) stored._2();
            if (touched < threshold) {
                call(time, keyOf(entry.key), Optional.empty(), new State<>(Optional.of(stored._1()), true));
                states.delete(entry.key);
            }
        }
    }

    private void call(Time time, Object key, Optional<Object> value, State<Object> state) {
        Optional<Object> mapped;
        try {
            mapped = function.call(time, key, value, state);
        } catch (IllegalArgumentException | NoSuchElementException e) {
            throw new StreamlingException("Mapping function of " + name + " misused the state of key " + key + ": "
                    + e.getMessage(), e);
        } catch (Exception e) {
            throw new StreamlingException("Mapping function of " + name + " failed for key " + key + ": " + e, e);
        }
        if (mapped != null && mapped.isPresent()) {
            emit(time.milliseconds(), new Tuple2<>(MAPPED, mapped.get()));
        }
    }
}
