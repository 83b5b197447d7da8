package io.streamling.internal.sql;

import io.streamling.api.ElementCodec;
import io.streamling.sql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The element serde's encodings of the records the Structured runtime moves through repartition
 * topics and state stores (partials, aggregate states, the stateful step's batch and state), so
 * that they avoid Java serialization. The serde tags them by their position in {@link #BUILT_IN}:
 * append only, the tags are persisted in state.
 */
public final class SqlCodecs {

    /** A runtime record type and its codec. */
    public record BuiltIn<T>(Class<T> type, ElementCodec<T> codec) {
    }

    /** The runtime's records, in tag order. */
    public static final List<BuiltIn<?>> BUILT_IN = List.of(
            new BuiltIn<>(AggState.class, new ElementCodec<>() {
                @Override
                public void write(AggState value, Output out) {
                    out.writeElement(value.values());
                    out.writeElement(value.counts());
                    out.writeBoolean(value.changed());
                }

                @Override
                public AggState read(Input in) {
                    return new AggState((Object[]) in.readElement(), (long[]) in.readElement(), in.readBoolean());
                }
            }),
            new BuiltIn<>(Partial.class, new ElementCodec<>() {
                @Override
                public void write(Partial value, Output out) {
                    out.writeElement(value.value());
                    out.writeElement(value.maxEventTimes());
                    out.writeElement(value.stats());
                }

                @Override
                public Partial read(Input in) {
                    return new Partial(in.readElement(), (long[]) in.readElement(), (EventTimeStats) in.readElement());
                }
            }),
            new BuiltIn<>(EventTimeStats.class, new ElementCodec<>() {
                @Override
                public void write(EventTimeStats value, Output out) {
                    out.writeLong(value.min());
                    out.writeLong(value.max());
                    out.writeDouble(value.avg());
                    out.writeLong(value.count());
                }

                @Override
                public EventTimeStats read(Input in) {
                    return new EventTimeStats(in.readLong(), in.readLong(), in.readDouble(), in.readLong());
                }
            }),
            new BuiltIn<>(BatchInput.class, new ElementCodec<>() {
                @Override
                public void write(BatchInput value, Output out) {
                    out.writeLong(value.time());
                    out.writeLong(value.numInputRows());
                    out.writeElement(value.partials());
                }

                @Override
                @SuppressWarnings("unchecked")
                public BatchInput read(Input in) {
                    return new BatchInput(in.readLong(), in.readLong(), (ArrayList<BatchInput.Keyed>) in.readElement());
                }
            }),
            new BuiltIn<>(BatchInput.Keyed.class, new ElementCodec<>() {
                @Override
                public void write(BatchInput.Keyed value, Output out) {
                    out.writeElement(value.key());
                    out.writeElement(value.partial());
                }

                @Override
                public BatchInput.Keyed read(Input in) {
                    return new BatchInput.Keyed((Row) in.readElement(), (Partial) in.readElement());
                }
            }),
            new BuiltIn<>(TriggerOutput.class, new ElementCodec<>() {
                @Override
                public void write(TriggerOutput value, Output out) {
                    out.writeLong(value.time());
                    out.writeBoolean(value.hadInput());
                    out.writeElement(value.rows());
                    out.writeLong(value.numInputRows());
                    out.writeElement(value.eventTime());
                    out.writeElement(value.stateOperators());
                }

                @Override
                @SuppressWarnings("unchecked")
                public TriggerOutput read(Input in) {
                    return new TriggerOutput(in.readLong(), in.readBoolean(), (ArrayList<Row>) in.readElement(),
                            in.readLong(), (TreeMap<String, String>) in.readElement(),
                            (ArrayList<StateMetrics>) in.readElement());
                }
            }),
            new BuiltIn<>(MicroBatchState.class, new ElementCodec<>() {
                @Override
                public void write(MicroBatchState value, Output out) {
                    out.writeLong(value.nextWatermark());
                    out.writeLong(value.lastBatchWatermark());
                    out.writeElement(value.watermarks());
                    out.writeElement(value.opState());
                    out.writeElement(value.output());
                }

                @Override
                public MicroBatchState read(Input in) {
                    return new MicroBatchState(in.readLong(), in.readLong(), (long[]) in.readElement(), in.readElement(),
                            (TriggerOutput) in.readElement());
                }
            }),
            new BuiltIn<>(StateMetrics.class, new ElementCodec<>() {
                @Override
                public void write(StateMetrics value, Output out) {
                    out.writeString(value.operatorName());
                    out.writeLong(value.numRowsTotal());
                    out.writeLong(value.numRowsUpdated());
                    out.writeLong(value.numRowsRemoved());
                    out.writeLong(value.numRowsDroppedByWatermark());
                }

                @Override
                public StateMetrics read(Input in) {
                    return new StateMetrics(in.readString(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
                }
            }),
            new BuiltIn<>(QueryPlanner.Tagged.class, new ElementCodec<>() {
                @Override
                public void write(QueryPlanner.Tagged value, Output out) {
                    out.writeInt(value.source());
                    out.writeElement(value.line());
                }

                @Override
                public QueryPlanner.Tagged read(Input in) {
                    return new QueryPlanner.Tagged(in.readInt(), in.readElement());
                }
            }),
            new BuiltIn<>(GroupStateOp.Stored.class, new ElementCodec<>() {
                @Override
                public void write(GroupStateOp.Stored value, Output out) {
                    out.writeElement(value.value());
                    out.writeLong(value.timeoutTimestamp());
                }

                @Override
                public GroupStateOp.Stored read(Input in) {
                    return new GroupStateOp.Stored(in.readElement(), in.readLong());
                }
            }),
            new BuiltIn<>(StreamJoin.Entry.class, new ElementCodec<>() {
                @Override
                public void write(StreamJoin.Entry value, Output out) {
                    out.writeElement(value.row());
                    out.writeBoolean(value.matched());
                }

                @Override
                public StreamJoin.Entry read(Input in) {
                    return new StreamJoin.Entry((Row) in.readElement(), in.readBoolean());
                }
            }),
            new BuiltIn<>(StreamJoin.Sides.class, new ElementCodec<>() {
                @Override
                @SuppressWarnings("unchecked")
                public void write(StreamJoin.Sides value, Output out) {
                    out.writeElement(value.left());
                    out.writeElement(value.right());
                }

                @Override
                @SuppressWarnings("unchecked")
                public StreamJoin.Sides read(Input in) {
                    return new StreamJoin.Sides((ArrayList<StreamJoin.Entry>) in.readElement(),
                            (ArrayList<StreamJoin.Entry>) in.readElement());
                }
            }));

    private SqlCodecs() {
    }
}
