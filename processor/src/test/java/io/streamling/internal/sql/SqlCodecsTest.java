package io.streamling.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.internal.serde.ElementSerde;
import io.streamling.sql.Row;
import io.streamling.sql.types.StructType;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SqlCodecsTest {

    private static final StructType KEY = StructType.fromDDL("word STRING").add("window", Exprs.WINDOW_TYPE);

    private static Object roundTrip(Object value) {
        return ElementSerde.INSTANCE.deserialize("t", ElementSerde.INSTANCE.serialize("t", value));
    }

    private static Row key(String word, long start) {
        return new Row(KEY, word, new Row(Exprs.WINDOW_TYPE, new Timestamp(start), new Timestamp(start + 10_000)));
    }

    @Test
    void shouldRoundTripTheStatefulStepsBatchInput() {
        AggState one = new AggState(new Object[] {1L}, new long[] {1}, true);
        BatchInput input = new BatchInput(2_000L, 3, new ArrayList<>(List.of(
                new BatchInput.Keyed(key("a", 0), new Partial(one, null, null)),
                new BatchInput.Keyed(Row.of(), new Partial(null, new long[] {1_500L, Long.MIN_VALUE},
                        new EventTimeStats(1_000L, 1_500L, 1_250d, 2))))));

        BatchInput back = (BatchInput) roundTrip(input);

        assertThat(back.time()).isEqualTo(2_000L);
        assertThat(back.numInputRows()).isEqualTo(3);
        assertThat(back.partials()).hasSize(2);
        assertThat(back.partials().get(0).key()).isEqualTo(key("a", 0));
        assertThat(((AggState) back.partials().get(0).partial().value()).values()).containsExactly(1L);
        assertThat(back.partials().get(0).partial().maxEventTimes()).isNull();
        assertThat(back.partials().get(1).partial().maxEventTimes()).containsExactly(1_500L, Long.MIN_VALUE);
        assertThat(back.partials().get(1).partial().stats()).isEqualTo(new EventTimeStats(1_000L, 1_500L, 1_250d, 2));
    }

    @Test
    void shouldRoundTripTheStatefulStepsStateWithItsOutput() {
        TreeMap<Row, AggState> groups = new TreeMap<>(Map.of(key("b", 0), new AggState(new Object[] {2L},
                new long[] {2}, false), key("a", 10_000), new AggState(new Object[] {1L}, new long[] {1}, true)));
        TriggerOutput output = new TriggerOutput(5_000L, true, new ArrayList<>(List.of(Row.of("a", 1L))), 4,
                new TreeMap<>(Map.of("watermark", "1970-01-01T00:00:00.000Z")),
                new ArrayList<>(List.of(new StateMetrics("stateStoreSave", 2, 1, 0, 0))));
        MicroBatchState state = new MicroBatchState(3_000L, 1_000L, new long[] {3_000L}, groups, output);

        MicroBatchState back = (MicroBatchState) roundTrip(state);

        assertThat(back.nextWatermark()).isEqualTo(3_000L);
        assertThat(back.lastBatchWatermark()).isEqualTo(1_000L);
        assertThat(back.watermarks()).containsExactly(3_000L);
        @SuppressWarnings("unchecked")
        TreeMap<Row, AggState> backGroups = (TreeMap<Row, AggState>) back.opState();
        assertThat(backGroups.keySet()).containsExactly(key("a", 10_000), key("b", 0));
        assertThat(backGroups.get(key("b", 0)).counts()).containsExactly(2);
        assertThat(back.output()).isEqualTo(output);
    }

    @Test
    void shouldRoundTripTaggedLinesAndStoredGroupStates() {
        assertThat(roundTrip(new QueryPlanner.Tagged(1, "line"))).isEqualTo(new QueryPlanner.Tagged(1, "line"));
        assertThat(roundTrip(new GroupStateOp.Stored(List.of(1L), -1))).isEqualTo(new GroupStateOp.Stored(List.of(1L), -1));
        StreamJoin.Sides sides = new StreamJoin.Sides(new ArrayList<>(List.of(new StreamJoin.Entry(Row.of(1), true))),
                new ArrayList<>());
        assertThat(roundTrip(sides)).isEqualTo(sides);
    }
}
