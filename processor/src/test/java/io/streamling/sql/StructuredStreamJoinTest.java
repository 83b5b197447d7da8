package io.streamling.sql;

import static io.streamling.sql.StructuredEventTimeTest.event;
import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.expr;
import static io.streamling.sql.functions.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamling.examples.StructuredWindowedEvents;
import io.streamling.testkit.StreamingQueryTestDriver;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream-stream joins with a time-range condition, as Spark's: state evicted by the watermark
 * through the range, outer rows written with nulls in the micro-batch whose watermark rules out a
 * match (often a no-data micro-batch), and the checks at start(). Expected outputs are those of
 * Apache Spark 4.0.1 on the same inputs (left: lt, lk; right: rt, rk).
 */
class StructuredStreamJoinTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final String RANGE = "lk = rk AND rt >= lt AND rt <= lt + interval 15 minutes";

    @TempDir
    Path stateDir;

    private SparkSession spark;

    @BeforeEach
    void session() {
        spark = SparkSession.builder().appName("stream-join-test").getOrCreate();
    }

    @AfterEach
    void stop() {
        spark.stop();
    }

    private Dataset<Row> side(String time, String key, String delay) {
        Dataset<Row> rows = spark.readStream().schema(StructuredWindowedEvents.SCHEMA).json("/unused")
                .select(col("timestamp").as(time), col("word").as(key));
        return delay == null ? rows : rows.withWatermark(time, delay);
    }

    private static Timestamp at(String time) {
        return Timestamp.from(Instant.parse("2026-01-01T" + time + ":00Z"));
    }

    private static Row row(Object... values) {
        return Row.of(values);
    }

    /** A micro-batch's rows as text, sorted (Spark does not order a batch's rows). */
    private static String batch(long id, Row... rows) {
        return id + ":" + Arrays.stream(rows).map(Row::toString).sorted().toList();
    }

    /** One step of input: the left side's events, then the right side's, as "12:00,a". */
    private record Step(List<String> left, List<String> right) {
    }

    private static Step step(String left, String right) {
        return new Step(events(left), events(right));
    }

    private static List<String> events(String list) {
        List<String> out = new ArrayList<>();
        for (String e : list.isBlank() ? new String[0] : list.split(" ")) {
            String[] parts = e.split(",");
            out.add(event(parts[0], parts[1]));
        }
        return out;
    }

    /**
     * Runs the join, one data micro-batch per step, two seconds apart so that a no-data
     * micro-batch can run in between, and returns each micro-batch as "id:[rows]".
     */
    private List<String> run(Dataset<Row> joined, Step... steps) {
        return run(joined, T0 + steps.length * 2_000L + 1_000, test -> {
            for (int i = 0; i < steps.length; i++) {
                if (!steps[i].left().isEmpty()) {
                    test.send(0, T0 + i * 2_000L + 10, steps[i].left().toArray(String[]::new));
                }
                if (!steps[i].right().isEmpty()) {
                    test.send(1, T0 + i * 2_000L + 20, steps[i].right().toArray(String[]::new));
                }
            }
        });
    }

    /** Runs the join on the input {@code feed} sends, input then stopping at {@code closeThrough}. */
    private List<String> run(Dataset<Row> joined, long closeThrough, Consumer<StreamingQueryTestDriver> feed) {
        List<String> batches = new CopyOnWriteArrayList<>();
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(joined.writeStream()
                .foreachBatch((batch, id) -> batches.add(batch(id, batch.collectAsList().toArray(Row[]::new)))), stateDir,
                Instant.ofEpochMilli(T0))) {
            feed.accept(test);
            test.closeThrough(closeThrough);
        }
        return batches;
    }

    @Test
    void anInnerJoinWithATimeRangeEvictsEachSidesRowsOnceTheOtherSidesWatermarkRulesOutAMatch() {
        // given: rt in [lt, lt + 15 minutes], both sides watermarked 10 minutes, written with the Column API
        Dataset<Row> joined = side("lt", "lk", "10 minutes").join(side("rt", "rk", "10 minutes"),
                col("lk").equalTo(col("rk")).and(col("rt").geq(col("lt")))
                        .and(col("rt").leq(col("lt").plus(expr("interval 15 minutes")))));
        List<String> batches = new CopyOnWriteArrayList<>();
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(joined.writeStream()
                .foreachBatch((batch, id) -> batches.add(batch(id, batch.collectAsList().toArray(Row[]::new)))),
                stateDir, Instant.ofEpochMilli(T0))) {

            // when
            test.send(0, T0 + 10, event("12:00", "a"));
            test.send(1, T0 + 20, event("12:10", "a"), event("12:20", "x"));
            test.send(0, T0 + 2_010, event("12:30", "y"));
            // the watermark is 12:10: (12:05, a) is late; (12:25, a) is kept
            test.send(1, T0 + 4_010, event("12:40", "z"));
            test.send(0, T0 + 4_020, event("12:05", "a"), event("12:25", "a"));
            // at 12:20 the left keeps rows after 12:05 and the right rows from 12:20 on
            test.send(1, T0 + 6_010, event("12:35", "a"));
            test.closeThrough(T0 + 7_000);

            // then
            assertThat(batches).containsExactly(
                    batch(0, row(at("12:00"), "a", at("12:10"), "a")),
                    batch(1), batch(2), batch(3), batch(4), batch(5),
                    batch(6, row(at("12:25"), "a", at("12:35"), "a")));
            assertThat(test.recentProgress()).extracting(p -> p.stateOperators()[0].numRowsTotal())
                    .containsExactly(3L, 3L, 4L, 4L, 6L, 4L, 5L);
            assertThat(test.recentProgress()).extracting(p -> p.stateOperators()[0].numRowsDroppedByWatermark())
                    .containsExactly(0L, 0L, 0L, 0L, 1L, 0L, 0L);
        }
    }

    @Test
    void aLeftOuterJoinWithATimeRangeWritesUnmatchedLeftRowsOnceTheWatermarkPassesTheRange() {
        // given: a left row can match right rows up to 15 minutes later; the global watermark is the min
        Dataset<Row> joined = side("lt", "lk", "10 minutes").join(side("rt", "rk", "20 minutes"), expr(RANGE),
                "left_outer");

        // when
        List<String> batches = run(joined,
                step("12:00,a 12:01,b 12:30,c", "12:05,a"),
                step("12:50,y", "12:40,x"),
                step("13:30,y", "13:30,x"));

        // then: left rows go when the watermark minus 15 minutes passes them: (12:01, b) at 12:20, in a no-data batch
        assertThat(batches).containsExactly(
                batch(0, row(at("12:00"), "a", at("12:05"), "a")),
                batch(1),
                batch(2),
                batch(3, row(at("12:01"), "b", null, null)),
                batch(4),
                batch(5, row(at("12:30"), "c", null, null), row(at("12:50"), "y", null, null)));
    }

    @Test
    void rowsTheWatermarkEvictsInTheirOwnMicroBatchStillMeetTheOtherSideAndAreWrittenWithNullsUnmatched() {
        // given: a full outer join; after the first micro-batch the watermark is 12:20, so the state
        // keeps left rows after 12:05 and right rows after 12:20
        Dataset<Row> joined = side("lt", "lk", "10 minutes").join(side("rt", "rk", "20 minutes"), expr(RANGE),
                "full_outer");

        // when: the next micro-batch, back to back (nothing is late yet), brings rows the watermark evicts at once
        List<String> batches = run(joined, T0 + 3_000, test -> {
            test.send(0, T0 + 10, event("12:30", "a"));
            test.send(1, T0 + 20, event("12:40", "b"));
            test.send(0, T0 + 1_010, event("12:00", "c"));
            test.send(1, T0 + 1_020, event("12:10", "c"), event("12:15", "d"));
        });

        // then: as Spark 4, the left row is kept for this micro-batch's right rows and matches one; the
        // unmatched right row is written with nulls in the same micro-batch
        assertThat(batches).containsExactly(
                batch(0),
                batch(1, row(at("12:00"), "c", at("12:10"), "c"), row(null, null, at("12:15"), "d")));
    }

    @Test
    void aRightOuterJoinWithABetweenConditionWritesUnmatchedRightRowsOnceTheLeftCanNoLongerCatchUp() {
        // given: a left row matches right rows from its own time to 10 minutes later
        Dataset<Row> joined = side("lt", "lk", "5 minutes").join(side("rt", "rk", "10 minutes"),
                expr("lk = rk AND lt BETWEEN rt - interval 10 minutes AND rt"), "right_outer");

        // when
        List<String> batches = run(joined,
                step("12:00,a 12:20,c", "12:05,a 12:10,b"),
                step("12:30,d", "12:25,x"),
                step("13:00,z", "12:40,d"));

        // then: a right row goes once the watermark passes it (no later left row can be at or before it)
        assertThat(batches).containsExactly(
                batch(0, row(at("12:00"), "a", at("12:05"), "a")),
                batch(1),
                batch(2),
                batch(3, row(null, null, at("12:10"), "b")),
                batch(4, row(at("12:30"), "d", at("12:40"), "d")),
                batch(5, row(null, null, at("12:25"), "x")));
    }

    @Test
    void aFullOuterJoinWritesTheUnmatchedRowsOfBothSidesEachWhenItsOwnRangeIsPassed() {
        // given
        Dataset<Row> joined = side("lt", "lk", "10 minutes").join(side("rt", "rk", "10 minutes"), expr(RANGE),
                "full_outer");

        // when
        List<String> batches = run(joined,
                step("12:00,a 12:01,b", "12:05,a 12:02,c"),
                step("12:40,e", "12:45,f"),
                step("12:50,f", "12:50,e"),
                step("13:30,z", "13:30,z"));

        // then: left rows wait for the watermark to pass them by 15 minutes, right rows for it to pass them
        assertThat(batches).containsExactly(
                batch(0, row(at("12:00"), "a", at("12:05"), "a")),
                batch(1),
                batch(2),
                batch(3, row(at("12:01"), "b", null, null), row(null, null, at("12:02"), "c")),
                batch(4, row(at("12:40"), "e", at("12:50"), "e")),
                batch(5),
                batch(6, row(at("13:30"), "z", at("13:30"), "z")),
                batch(7, row(at("12:50"), "f", null, null), row(null, null, at("12:45"), "f")));
    }

    @Test
    void aLeftSemiJoinWithATimeRangeWritesEachLeftRowOnceAtItsFirstMatch() {
        // given
        Dataset<Row> joined = side("lt", "lk", "10 minutes").join(side("rt", "rk", "10 minutes"), expr(RANGE),
                "left_semi");

        // when
        List<String> batches = run(joined,
                step("12:00,a 12:01,b", "12:05,a 12:06,a"),
                step("12:05,b", "12:10,b 12:20,b"),
                step("12:15,b", "12:25,b"));

        // then
        assertThat(joined.columns()).containsExactly("lt", "lk");
        assertThat(batches).containsExactly(
                batch(0, row(at("12:00"), "a")),
                batch(1),
                batch(2, row(at("12:01"), "b"), row(at("12:05"), "b")),
                batch(3),
                batch(4, row(at("12:15"), "b")),
                batch(5));
    }

    private static String startError(Dataset<Row> joined) {
        try {
            joined.writeStream().format("console").start().stop();
            return "started";
        } catch (AnalysisException e) {
            return e.getMessage();
        }
    }

    private static String unsupported(String type) {
        return "Stream-stream " + type + " join between two streaming DataFrame/Datasets is not supported without a "
                + "watermark in the join keys, or a watermark on the nullable side and an appropriate range condition";
    }

    @Test
    void outerAndSemiJoinsWithoutAnEvictableTimeRangeAreRefusedAtStartWithSparksMessages() {
        // a key equality only: nothing bounds how long a row waits for its match
        assertThat(startError(side("lt", "lk", "10 minutes").join(side("rt", "rk", "10 minutes"), expr("lk = rk"),
                "left_outer"))).isEqualTo(unsupported("LeftOuter"));
        assertThat(startError(side("lt", "lk", "10 minutes").join(side("rt", "rk", "10 minutes"), expr("lk = rk"),
                "left_semi"))).isEqualTo(unsupported("LeftSemi"));
        assertThat(startError(side("lt", "lk", "10 minutes").join(side("rt", "rk", "10 minutes"), expr("lk = rk"),
                "full_outer"))).isEqualTo(unsupported("FullOuter"));
        // rt >= lt bounds the right side by the left side's watermark, which is missing
        assertThat(startError(side("lt", "lk", null).join(side("rt", "rk", "10 minutes"), expr("lk = rk AND rt >= lt"),
                "right_outer"))).isEqualTo(unsupported("RightOuter"));
        // rt <= lt + 15 minutes bounds the left side by the right side's watermark, which is missing
        assertThat(startError(side("lt", "lk", "10 minutes").join(side("rt", "rk", null), expr(RANGE),
                "left_outer"))).isEqualTo(unsupported("LeftOuter"));
    }

    @Test
    void aFullOuterJoinWhoseRangeNeedsTheMissingWatermarkStartsButNeverEvicts() {
        // given: rt >= lt bounds the right rows by the left's watermark, which lets Spark start the join; but the
        // right side has no watermark of its own to evict by, and nothing bounds the left rows
        Dataset<Row> joined = side("lt", "lk", "10 minutes").join(side("rt", "rk", null), expr(RANGE), "full_outer");

        // when
        List<String> batches = run(joined,
                step("12:00,a 12:01,b", "12:05,a 12:02,c"),
                step("12:40,e", "12:10,d"));

        // then: as in Spark 4.0.1, no row is ever evicted, so no null row and no no-data micro-batch
        assertThat(batches).containsExactly(
                batch(0, row(at("12:00"), "a", at("12:05"), "a")),
                batch(1));
    }

    @Test
    void aLeftOuterJoinOnEqualEventTimeWindowsInItsConditionWritesNullsOnceTheWatermarkPassesTheWindow() {
        // given: each side keeps only the window of its event time (Spark allows one event-time column per side)
        Dataset<Row> joined = side("lt", "lk", "10 minutes").select(window(col("lt"), "10 minutes").as("lw"), col("lk"))
                .join(side("rt", "rk", "10 minutes").select(window(col("rt"), "10 minutes").as("rw"), col("rk")),
                        expr("lk = rk AND lw = rw"), "left_outer");

        // when
        List<String> batches = run(joined,
                step("12:00,a 12:03,b", "12:05,a 12:15,b"),
                step("12:30,c", "12:31,d"),
                // the previous micro-batch's watermark is 12:20: the window of 12:12 ends by then, so it is late
                step("12:12,e 12:25,f", "12:26,f"));

        // then: at watermark 12:20 the windows ending by then are evicted; (12:03, b) never matched
        Row early = row(at("12:00"), at("12:10"));
        Row late = row(at("12:20"), at("12:30"));
        assertThat(joined.columns()).containsExactly("lw", "lk", "rw", "rk");
        assertThat(batches).containsExactly(
                batch(0, row(early, "a", early, "a")),
                batch(1),
                batch(2),
                batch(3, row(early, "b", null, null)),
                batch(4, row(late, "f", late, "f")));
    }

    @Test
    void aStreamStreamJoinIsRefusedOutsideAppendMode() {
        assertThatThrownBy(() -> side("lt", "lk", "10 minutes").join(side("rt", "rk", "10 minutes"), expr(RANGE),
                "full_outer").writeStream().format("console").outputMode("update").start())
                .isInstanceOf(AnalysisException.class)
                .hasMessage("Join between two streaming DataFrames/Datasets is not supported in Update output mode, "
                        + "only in Append output mode");
    }

    @Test
    void aSelfJoinOfOneStreamReadsItsSourceOnceAndJoinsItsTwoFilteredSides() {
        // given: one stream of side-tagged rows split by filters into the two sides of a time-range join
        Dataset<Row> rows = spark.readStream().schema("s STRING, t TIMESTAMP, k STRING, v INT").json("/unused");
        Dataset<Row> left = rows.where(col("s").equalTo("L"))
                .select(col("t").as("lt"), col("k").as("lk"), col("v").as("lv")).withWatermark("lt", "10 seconds");
        Dataset<Row> right = rows.where(col("s").equalTo("R"))
                .select(col("t").as("rt"), col("k").as("rk"), col("v").as("rv")).withWatermark("rt", "10 seconds");
        Dataset<Row> joined = left.join(right,
                        expr("lk = rk AND rt >= lt - interval 10 seconds AND rt <= lt + interval 10 seconds"))
                .select(col("lt").cast("string").as("lts"), col("lk"), col("lv"), col("rt").cast("string").as("rts"),
                        col("rk"), col("rv"));

        // when: four steps, two seconds apart (a no-data micro-batch can run in between)
        List<String> batches = run(joined, T0 + 10_000, test -> {
            test.send(T0 + 10, tagged("R", "02", "b", 6));
            test.send(T0 + 2_010, tagged("R", "11", "b", 1), tagged("L", "07", "a", 7), tagged("L", "08", "b", 9),
                    tagged("L", "09", "c", 4));
            test.send(T0 + 4_010, tagged("R", "08", "c", 7), tagged("R", "09", "c", 2), tagged("R", "07", "a", 4),
                    tagged("L", "13", "c", 2));
            test.send(T0 + 6_010, tagged("L", "10", "c", 8), tagged("L", "22", "b", 8));
        });

        // then: what Spark 4.0.1 writes for the same steps
        assertThat(batches).containsExactly("0:[]",
                "1:[[2026-01-01 12:00:08,b,9,2026-01-01 12:00:02,b,6], "
                        + "[2026-01-01 12:00:08,b,9,2026-01-01 12:00:11,b,1]]",
                "2:[]",
                "3:[[2026-01-01 12:00:07,a,7,2026-01-01 12:00:07,a,4], "
                        + "[2026-01-01 12:00:09,c,4,2026-01-01 12:00:08,c,7], "
                        + "[2026-01-01 12:00:09,c,4,2026-01-01 12:00:09,c,2], "
                        + "[2026-01-01 12:00:13,c,2,2026-01-01 12:00:08,c,7], "
                        + "[2026-01-01 12:00:13,c,2,2026-01-01 12:00:09,c,2]]",
                "4:[]",
                "5:[[2026-01-01 12:00:10,c,8,2026-01-01 12:00:08,c,7], "
                        + "[2026-01-01 12:00:10,c,8,2026-01-01 12:00:09,c,2]]");
    }

    private static String tagged(String side, String second, String key, int value) {
        return "{\"s\":\"" + side + "\",\"t\":\"2026-01-01T12:00:" + second + "Z\",\"k\":\"" + key
                + "\",\"v\":" + value + "}";
    }
}
