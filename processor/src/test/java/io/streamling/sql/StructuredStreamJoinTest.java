package io.streamling.sql;

import static io.streamling.sql.StructuredEventTimeTest.event;
import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.expr;
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

    private static String batch(long id, Row... rows) {
        return id + ":" + Arrays.asList(rows);
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
        List<String> batches = new CopyOnWriteArrayList<>();
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(joined.writeStream()
                .foreachBatch((batch, id) -> batches.add(id + ":" + batch.collectAsList())), stateDir,
                Instant.ofEpochMilli(T0))) {
            for (int i = 0; i < steps.length; i++) {
                if (!steps[i].left().isEmpty()) {
                    test.send(0, T0 + i * 2_000L + 10, steps[i].left().toArray(String[]::new));
                }
                if (!steps[i].right().isEmpty()) {
                    test.send(1, T0 + i * 2_000L + 20, steps[i].right().toArray(String[]::new));
                }
            }
            test.closeThrough(T0 + steps.length * 2_000L + 1_000);
        }
        return batches;
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
}
