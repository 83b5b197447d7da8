package io.streamling.internal.runtime;

import io.streamling.StreamlingException;
import io.streamling.api.Tuple2;
import io.streamling.api.function.Function;
import io.streamling.api.function.Function2;
import io.streamling.internal.serde.ElementSerde;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * {@code reduceByKeyAndWindow(f, invF, w, s)} for the keys of one partition, as Spark computes it:
 * at every slide the window of each key is its previous window, minus ({@code invF}) the batches
 * that left it, plus ({@code f}) the batches that entered it. Per-batch values are kept until
 * they leave the window; window values live in a RocksDB store. Without a filter every key ever
 * seen stays, with its "zero" once its values have left, as in Spark; with one, only the pairs it
 * accepts stay.
 */
public final class InverseWindowReduceProcessor extends ContextualProcessor<Object, Object, Object, Object>
        implements ScheduledOutputs.Runner {

    private final String name;
    private final OutputSchedule schedule;
    private final ScheduledOutputs outputs;
    private final Function2<Object, Object, Object> reduce;
    private final Function2<Object, Object, Object> inverse;
    private final long windowMs;
    private final Optional<Function<Tuple2<Object, Object>, Boolean>> filter;

    private BatchStore batches;
    private BufferedStore windows;

    /**
     * @param name the operator name (its stores are named after it)
     * @param schedule the window's slide
     * @param expectedProducers how many upstream producers send markers to this operator
     * @param reduce the reduce function
     * @param inverse its inverse
     * @param windowMs the window length
     * @param filter which pairs to keep
     * @param maxEmptyBatches the most consecutive empty windows run after a gap
     */
    public InverseWindowReduceProcessor(String name, OutputSchedule schedule, int expectedProducers,
                                        Function2<Object, Object, Object> reduce,
                                        Function2<Object, Object, Object> inverse, long windowMs,
                                        Optional<Function<Tuple2<Object, Object>, Boolean>> filter,
                                        long maxEmptyBatches) {
        this.name = name;
        this.schedule = schedule;
        this.outputs = new ScheduledOutputs(name, schedule, expectedProducers, maxEmptyBatches);
        this.reduce = reduce;
        this.inverse = inverse;
        this.windowMs = windowMs;
        this.filter = filter;
    }

    /** The name of the store of the window values. */
    public static String windowStoreName(String operator) {
        return operator + "-windows";
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        batches = context.getStateStore(OperatorStores.batchesName(name));
        windows = context.getStateStore(windowStoreName(name));
        outputs.init(context);
    }

    @Override
    public void process(Record<Object, Object> record) {
        if (record.value() instanceof Watermark mark) {
            outputs.onMarker(mark, this);
            return;
        }
        Tuple2<?, ?> pair = (Tuple2<?, ?>) record.value();
        long batch = schedule.clock().batchStart(record.timestamp());
        batches.update(batch, pair._1(), previous -> previous == null ? pair._2() : call(reduce, previous, pair._2()));
    }

    /**
     * Whether a batch still has to leave the window: until then no window may be skipped, since
     * each one subtracts what left it. Once every batch has left, the windows are all alike.
     */
    @Override
    public boolean hasInputBefore(long batchStart) {
        return batches.hasAny(0, Long.MAX_VALUE);
    }

    /** The window ending at {@code time}: batches in [time - s, time) enter, those in [time - w - s, time - w) leave. */
    @Override
    public void run(long time) {
        long slide = schedule.slideMs();
        TreeMap<Bytes, Object> entered = reducedPerKey(time - slide, time);
        TreeMap<Bytes, Object> left = reducedPerKey(time - windowMs - slide, time - windowMs);
        TreeMap<Bytes, Object> merged = new TreeMap<>();
        windows.all().forEach(entry -> merged.put(entry.key, entry.value));
        entered.keySet().forEach(key -> merged.putIfAbsent(key, null));
        long batch = schedule.batchOf(time);
        merged.forEach((key, previous) -> {
            Object value = previous == null ? entered.get(key) : windowValue(previous, left.get(key), entered.get(key));
            Object element = ElementSerde.INSTANCE.deserializeOrderedKey(key.get());
            Tuple2<Object, Object> pair = new Tuple2<>(element, value);
            if (keep(pair)) {
                windows.put(key, value);
                context().forward(new Record<>(RoutingKeys.of(pair), pair, batch));
            } else {
                windows.delete(key);
            }
        });
        deleteBatchesBefore(time - windowMs);
    }

    private Object windowValue(Object previous, Object leaving, Object entering) {
        Object value = previous;
        if (leaving != null) {
            value = call(inverse, value, leaving);
        }
        if (entering != null) {
            value = call(reduce, value, entering);
        }
        return value;
    }

    private TreeMap<Bytes, Object> reducedPerKey(long fromBatch, long toBatch) {
        TreeMap<Bytes, Object> reduced = new TreeMap<>();
        if (toBatch <= fromBatch || toBatch <= 0) {
            return reduced;
        }
        for (BatchStore.Entry entry : batches.range(Math.max(0, fromBatch), toBatch)) {
            Object sofar = reduced.get(entry.orderedKey());
            // folds into a copy: a reduce function may update its first argument, here a stored batch value
            reduced.put(entry.orderedKey(), sofar == null ? copyOf(entry.value()) : call(reduce, sofar, entry.value()));
        }
        return reduced;
    }

    private static Object copyOf(Object value) {
        return ElementSerde.INSTANCE.deserialize(null, ElementSerde.INSTANCE.serialize(null, value));
    }

    private void deleteBatchesBefore(long batch) {
        if (batch <= 0) {
            return;
        }
        batches.deleteBatches(0, batch);
    }

    private boolean keep(Tuple2<Object, Object> pair) {
        if (filter.isEmpty()) {
            return true;
        }
        try {
            return Boolean.TRUE.equals(filter.get().call(pair));
        } catch (Exception e) {
            throw new StreamlingException("Filter function of " + name + " failed on " + pair + ": " + e, e);
        }
    }

    private Object call(Function2<Object, Object, Object> function, Object first, Object second) {
        try {
            return function.call(first, second);
        } catch (Exception e) {
            throw new StreamlingException("Function of " + name + " failed on " + first + " and " + second + ": " + e, e);
        }
    }
}
