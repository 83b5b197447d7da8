package io.streamling.sql;

import static io.streamling.sql.functions.avg;
import static io.streamling.sql.functions.col;
import static io.streamling.sql.functions.length;
import static io.streamling.sql.functions.upper;
import static io.streamling.sql.functions.date_format;
import static io.streamling.sql.functions.coalesce;
import static io.streamling.sql.functions.minute;
import static io.streamling.sql.functions.when;
import static io.streamling.sql.functions.count;
import static io.streamling.sql.functions.lit;
import static io.streamling.sql.functions.concat;
import static io.streamling.sql.functions.split;
import static io.streamling.sql.functions.explode;
import static io.streamling.sql.functions.expr;
import static io.streamling.sql.functions.max;
import static io.streamling.sql.functions.min;
import static io.streamling.sql.functions.session_window;
import static io.streamling.sql.functions.sum;
import static io.streamling.sql.functions.window;
import static io.streamling.sql.functions.window_time;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.testkit.StreamingQueryTestDriver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forty-eight queries — tumbling and sliding windows (with startTime) with count, sum, min, max,
 * avg in append, update and complete mode, session windows, window_time, dropDuplicates with and
 * without the watermark, dropDuplicatesWithinWatermark, aggregations without a watermark, filters
 * and arithmetic in expressions, flatMapGroupsWithState with event-time timeouts (update and
 * append), mapGroupsWithState, stream-stream inner, left, right and full outer and left semi joins
 * with a time range (a self-join of two key ranges), a stream-static left outer join, a top three
 * in complete mode (orderBy, limit), a global aggregation in update mode, expressions over
 * aggregates in agg(), a union, a left outer join on windows, sliding windows in complete mode,
 * dropDuplicates on a window column, session windows in complete mode, a computed group key, a
 * filter after an aggregation, an aggregation on a window column made by withColumn and
 * explode(split(concat(...))), when/otherwise, CASE WHEN, coalesce and minute() as group keys,
 * dropDuplicates on every column, a filter on a windowed sum in append mode, min/max of the event
 * time per window, a stream-static inner join aggregated in complete mode, a top two by a
 * descending max with nulls, date_format/upper/length — over random
 * back-to-back micro-batches with late rows, compared micro-batch by micro-batch (batch ids
 * included, and the no-data batch after the last) with what Apache Spark 4.0.1 gave for the same
 * micro-batches
 * ({@code spark-reference/structured-*.tsv}, recorded by
 * {@code io.streamling.benchmarks.spark.StructuredReference} in module benchmarks-spark, which holds
 * the same queries in Spark's API: keep the two in step).
 */
class StructuredSparkReferenceTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final String[] QUERIES = {"win_append", "win_update", "slide_agg_update", "slide_agg_append", "session_append", "dedup_append",
        "within_append", "count_complete", "agg_nowm_update", "agg_nowm_complete", "win_nowm_complete", "win_start_update",
        "filter_select", "distinct_nowm", "expr_agg_update", "win_time_append", "fmgws_et", "fmgws_et_append",
        "mgws_count", "join_inner", "join_left", "join_full", "join_semi", "join_right", "static_join", "top_complete", "global_update",
        "agg_expr_update", "win_expr_append", "union_update", "join_window_left", "slide_complete", "dedup_window",
        "session_complete", "expr_key_update", "having_complete", "win_column_append", "explode_update",
        "when_update", "minute_complete", "dedup_all_append", "win_having_append", "coalesce_update",
        "win_minmax_update", "static_inner_complete", "case_expr_update", "top2_desc_complete", "format_append"};

    private final SparkSession spark = SparkSession.builder().appName("structured-spark-reference").getOrCreate();

    @TempDir
    Path stateDir;

    @AfterEach
    void stopSession() {
        spark.stop();
    }

    @ParameterizedTest(name = "{0} on input {1}")
    @MethodSource("queriesAndInputs")
    void shouldWriteSparksRowsInEveryMicroBatch(String name, int input) throws IOException {
        // given: one micro-batch per input batch, one second apart (back to back)
        TreeMap<Integer, List<String>> batches = new TreeMap<>();
        for (String line : lines("structured-input-" + input + ".tsv")) {
            String[] parts = line.split("\t", 2);
            batches.computeIfAbsent(Integer.parseInt(parts[0]), b -> new ArrayList<>()).add(parts[1]);
        }
        List<String> expected = lines("structured-spark-4.0.1-" + input + ".tsv").stream()
                .filter(line -> line.split("\t")[1].equals(name)).toList();
        Dataset<Row> rows = spark.readStream().schema("t TIMESTAMP, k STRING, v INT").json("/unused");
        Object[] query = query(name, rows);
        List<String> actual = Collections.synchronizedList(new ArrayList<>());
        @SuppressWarnings("unchecked")
        DataStreamWriter<Row> writer = ((Dataset<Row>) query[0]).writeStream().outputMode((String) query[1])
                .foreachBatch((df, id) -> {
                    List<String> out = new ArrayList<>();
                    df.collectAsList().forEach(row -> out.add(row.toString()));
                    Collections.sort(out);
                    actual.add("BATCH\t" + name + "\t" + id + "\t" + out);
                });

        // when
        try (StreamingQueryTestDriver test = new StreamingQueryTestDriver(writer, stateDir, Instant.ofEpochMilli(T0))) {
            int i = 0;
            for (List<String> batch : batches.values()) {
                test.send(T0 + 10 + 1_000L * i++, batch.toArray(new String[0]));
            }
            test.closeThrough(T0 + 1_000L * batches.size() + 2_000);
        }

        // then
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> queriesAndInputs() {
        return Stream.of(2, 7, 11, 13, 17, 19, 23, 29, 31).flatMap(input -> Stream.of(QUERIES).map(query -> Arguments.of(query, input)));
    }

    private static Object[] query(String name, Dataset<Row> rows) {
        Dataset<Row> w = rows.withWatermark("t", "20 seconds");
        return switch (name) {
            case "win_append" -> new Object[] {w.groupBy(window(col("t"), "10 seconds"), col("k")).count()
                    .select(col("window.start").cast("string").as("s"), col("k"), col("count")), "append"};
            case "win_update" -> new Object[] {w.groupBy(window(col("t"), "10 seconds"), col("k")).count()
                    .select(col("window.start").cast("string").as("s"), col("k"), col("count")), "update"};
            case "slide_agg_update" -> new Object[] {w.groupBy(window(col("t"), "20 seconds", "10 seconds"), col("k"))
                    .agg(sum(col("v")).as("sv"), max(col("v")).as("mv"), count(col("v")).as("n"))
                    .select(col("window.start").cast("string").as("s"), col("k"), col("sv"), col("mv"), col("n")),
                "update"};
            case "slide_agg_append" -> new Object[] {w.groupBy(window(col("t"), "20 seconds", "10 seconds"), col("k"))
                    .agg(sum(col("v")).as("sv"), avg(col("v")).as("av"))
                    .select(col("window.start").cast("string").as("s"), col("k"), col("sv"), col("av")), "append"};
            case "session_append" -> new Object[] {w.groupBy(session_window(col("t"), "10 seconds"), col("k")).count()
                    .select(col("session_window.start").cast("string").as("s"),
                            col("session_window.end").cast("string").as("e"), col("k"), col("count")), "append"};
            case "dedup_append" -> new Object[] {w.dropDuplicates("k", "t").select(col("t").cast("string").as("ts"),
                    col("k")), "append"};
            case "within_append" -> new Object[] {w.dropDuplicatesWithinWatermark("k").select(col("k")), "append"};
            case "count_complete" -> new Object[] {rows.groupBy(col("k")).count(), "complete"};
            case "agg_nowm_update" -> new Object[] {rows.groupBy(col("k")).agg(count(col("v")).as("n"),
                    sum(col("v")).as("sv"), min(col("v")).as("mn"), max(col("v")).as("mx"), avg(col("v")).as("av")), "update"};
            case "agg_nowm_complete" -> new Object[] {rows.groupBy(col("k")).agg(sum(col("v")).as("sv"),
                    avg(col("v")).as("av")), "complete"};
            case "win_nowm_complete" -> new Object[] {rows.groupBy(window(col("t"), "30 seconds"), col("k")).count()
                    .select(col("window.start").cast("string").as("s"), col("window.end").cast("string").as("e"),
                            col("k"), col("count")), "complete"};
            case "win_start_update" -> new Object[] {w.groupBy(window(col("t"), "20 seconds", "10 seconds", "5 seconds"))
                    .count().select(col("window.start").cast("string").as("s"), col("count")), "update"};
            case "filter_select" -> new Object[] {rows.where(col("v").gt(4)).select(col("k"), col("v").multiply(2).as("v2"),
                    col("t").cast("string").as("ts")), "append"};
            case "distinct_nowm" -> new Object[] {rows.select(col("k"), col("v")).dropDuplicates(), "append"};
            case "expr_agg_update" -> new Object[] {rows.selectExpr("k", "v * 10 - 1 AS v10", "v % 3 AS band", "v / 4 AS q")
                    .groupBy(col("band")).agg(sum(col("v10")).as("s"), max(col("q")).as("mq")), "update"};
            case "win_time_append" -> new Object[] {w.groupBy(window(col("t"), "10 seconds")).agg(count(col("k")).as("n"))
                    .select(window_time(col("window")).cast("string").as("wt"), col("n")), "append"};
            case "fmgws_et" -> new Object[] {w.groupByKey((MapFunction<Row, String>) r -> r.<String>getAs("k"), Encoders.STRING())
                    .flatMapGroupsWithState((FlatMapGroupsWithStateFunction<String, Row, Long, String>) StructuredSparkReferenceTest::countUntilTimeout,
                            OutputMode.Update(), Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.EventTimeTimeout())
                    .toDF(), "update"};
            case "fmgws_et_append" -> new Object[] {w.groupByKey((MapFunction<Row, String>) r -> r.<String>getAs("k"),
                            Encoders.STRING())
                    .flatMapGroupsWithState((FlatMapGroupsWithStateFunction<String, Row, Long, String>) StructuredSparkReferenceTest::countUntilTimeout,
                            OutputMode.Append(), Encoders.LONG(), Encoders.STRING(), GroupStateTimeout.EventTimeTimeout())
                    .toDF(), "append"};
            case "mgws_count" -> new Object[] {rows.groupByKey((MapFunction<Row, String>) r -> r.<String>getAs("k"),
                            Encoders.STRING())
                    .mapGroupsWithState((MapGroupsWithStateFunction<String, Row, Long, String>) (k, values, state) -> {
                        long n = state.exists() ? state.get() : 0L;
                        while (values.hasNext()) {
                            values.next();
                            n++;
                        }
                        state.update(n);
                        return k + "=" + n;
                    }, Encoders.LONG(), Encoders.STRING()).toDF(), "update"};
            case "join_inner", "join_left", "join_full" -> new Object[] {side(rows, "l", "a", "10 seconds")
                    .join(side(rows, "r", "c", "20 seconds"),
                            expr("lv = rv AND rt >= lt - interval 15 seconds AND rt <= lt + interval 15 seconds"),
                            name.equals("join_inner") ? "inner" : name.equals("join_left") ? "left_outer" : "full_outer")
                    .select(col("lt").cast("string").as("l"), col("lk"), col("rt").cast("string").as("r"), col("rk"),
                            col("lv"), col("rv")), "append"};
            case "join_right" -> new Object[] {side(rows, "l", "a", "10 seconds")
                    .join(side(rows, "r", "c", "20 seconds"),
                            expr("lv = rv AND rt >= lt - interval 15 seconds AND rt <= lt + interval 15 seconds"), "right_outer")
                    .select(col("lt").cast("string").as("l"), col("lk"), col("rt").cast("string").as("r"), col("rk"),
                            col("lv"), col("rv")), "append"};
            case "static_join" -> new Object[] {rows.join(names(rows), col("k").equalTo(col("nk")), "left_outer")
                    .select(col("t").cast("string").as("ts"), col("k"), col("v"), col("name")), "append"};
            case "top_complete" -> new Object[] {rows.groupBy(col("k")).agg(count(col("v")).as("n"), sum(col("v")).as("s"))
                    .orderBy(col("s").desc(), col("k")).limit(3), "complete"};
            case "global_update" -> new Object[] {rows.groupBy().agg(count(col("k")).as("n"), sum(col("v")).as("s"),
                    max(col("t")).as("latest")).select(col("n"), col("s"), col("latest").cast("string")), "update"};
            case "agg_expr_update" -> new Object[] {rows.groupBy(col("k")).agg(max(col("t")).cast("string").as("latest"),
                    max(col("v")).minus(min(col("v"))).as("spread"), sum(col("v")).divide(count(col("v")))), "update"};
            case "win_expr_append" -> new Object[] {w.groupBy(window(col("t"), "10 seconds"), col("k"))
                    .agg(max(col("v")).minus(min(col("v"))).plus(1).as("spread"))
                    .select(col("window.start").cast("string").as("s"), col("k"), col("spread")), "append"};
            case "union_update" -> new Object[] {rows.where(col("k").equalTo("a"))
                    .union(rows.where(col("k").equalTo("c"))).groupBy(col("k")).count(), "update"};
            case "join_window_left" -> new Object[] {windowed(rows, "l", "a", "10 seconds")
                    .join(windowed(rows, "r", "c", "20 seconds"),
                            col("lw").equalTo(col("rw")).and(col("lv").equalTo(col("rv"))), "left_outer")
                    .select(col("lw.start").cast("string").as("s"), col("lk"), col("rk"), col("lv")), "append"};
            case "slide_complete" -> new Object[] {rows.groupBy(window(col("t"), "20 seconds", "10 seconds"))
                    .agg(count(col("k")).as("n"), min(col("v")).as("mn"))
                    .select(col("window.start").cast("string").as("s"), col("n"), col("mn")), "complete"};
            case "dedup_window" -> new Object[] {w.withColumn("win", window(col("t"), "10 seconds"))
                    .dropDuplicates("win", "k").select(col("win.start").cast("string").as("s"), col("k"), col("v")),
                "append"};
            case "session_complete" -> new Object[] {rows.groupBy(session_window(col("t"), "10 seconds"), col("k")).count()
                    .select(col("session_window.start").cast("string").as("s"),
                            col("session_window.end").cast("string").as("e"), col("k"), col("count")), "complete"};
            case "expr_key_update" -> new Object[] {rows.groupBy(col("k"), expr("v % 2").as("p"))
                    .agg(sum(col("v")).as("sv"), count(col("t")).as("n")), "update"};
            case "having_complete" -> new Object[] {rows.groupBy(col("k")).count().where(col("count").gt(2)), "complete"};
            case "win_column_append" -> new Object[] {w.withColumn("win", window(col("t"), "10 seconds"))
                    .groupBy(col("win"), col("k")).agg(max(col("v")).as("mx"))
                    .select(col("win.start").cast("string").as("s"), col("k"), col("mx")), "append"};
            case "explode_update" -> new Object[] {rows.select(explode(split(concat(col("k"), lit("-x-"), col("k")), "-"))
                    .as("w")).groupBy(col("w")).count(), "update"};
            case "join_semi" -> new Object[] {side(rows, "l", "a", "10 seconds")
                    .join(side(rows, "r", "c", "20 seconds"),
                            expr("lv = rv AND rt >= lt - interval 15 seconds AND rt <= lt + interval 15 seconds"), "left_semi")
                    .select(col("lt").cast("string").as("l"), col("lk"), col("lv")), "append"};
            case "when_update" -> new Object[] {rows.withColumn("size", when(col("v").gt(5), "big")
                    .when(col("v").isNull(), "none").otherwise("small")).groupBy(col("size")).count(), "update"};
            case "minute_complete" -> new Object[] {rows.groupBy(minute(col("t")).as("m"))
                    .agg(count(col("v")).as("n"), sum(col("v")).as("s")), "complete"};
            case "dedup_all_append" -> new Object[] {w.dropDuplicates()
                    .select(col("t").cast("string").as("ts"), col("k"), col("v")), "append"};
            case "win_having_append" -> new Object[] {w.groupBy(window(col("t"), "10 seconds"), col("k"))
                    .agg(sum(col("v")).as("s")).where(col("s").gt(5))
                    .select(col("window.start").cast("string").as("st"), col("k"), col("s")), "append"};
            case "coalesce_update" -> new Object[] {rows.groupBy(coalesce(col("v"), lit(-1)).as("cv")).count(), "update"};
            case "win_minmax_update" -> new Object[] {w.groupBy(window(col("t"), "30 seconds"), col("k"))
                    .agg(min(col("t")).cast("string").as("first"), max(col("t")).cast("string").as("last"),
                            count(col("t")).as("n"))
                    .select(col("window.start").cast("string").as("s"), col("k"), col("first"), col("last"), col("n")),
                "update"};
            case "static_inner_complete" -> new Object[] {rows.join(names(rows), col("k").equalTo(col("nk")))
                    .groupBy(col("name")).agg(count(col("v")).as("n"), sum(col("v")).as("s")), "complete"};
            case "case_expr_update" -> new Object[] {rows.selectExpr("k",
                    "CASE WHEN v > 4 THEN 'hi' WHEN v IS NULL THEN 'nil' ELSE 'lo' END AS lvl")
                    .groupBy(col("k"), col("lvl")).count(), "update"};
            case "top2_desc_complete" -> new Object[] {rows.groupBy(col("k")).agg(max(col("v")).as("mx"),
                    min(col("v")).as("mn")).orderBy(col("mx").desc(), col("k")).limit(2), "complete"};
            case "format_append" -> new Object[] {rows.where(col("v").isNotNull()).select(col("k"),
                    date_format(col("t"), "HH:mm:ss").as("hms"), upper(col("k")).as("uk"),
                    length(col("k")).plus(col("v")).as("lv")), "append"};
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = StructuredSparkReferenceTest.class.getResourceAsStream("/spark-reference/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** A static table of names for some keys, for a stream-static join. */
    private static Dataset<Row> names(Dataset<Row> rows) {
        return rows.sparkSession().createDataFrame(List.of(Row.of("a", "alpha"), Row.of("c", "gamma"),
                Row.of("e", "epsilon")), io.streamling.sql.types.StructType.fromDDL("nk STRING, name STRING"));
    }

    /** One side of a self-join on 10-second windows: the window of its time as {@code <prefix>w}. */
    private static Dataset<Row> windowed(Dataset<Row> rows, String prefix, String key, String delay) {
        return side(rows, prefix, key, delay).select(window(col(prefix + "t"), "10 seconds").as(prefix + "w"),
                col(prefix + "k"), col(prefix + "v"));
    }

    /** One side of a self-join: the rows of keys {@code key} and the next letter, renamed with {@code prefix}. */
    private static Dataset<Row> side(Dataset<Row> rows, String prefix, String key, String delay) {
        String next = String.valueOf((char) (key.charAt(0) + 1));
        return rows.where(col("k").equalTo(key).or(col("k").equalTo(next)))
                .select(col("t").as(prefix + "t"), col("k").as(prefix + "k"), col("v").as(prefix + "v"))
                .withWatermark(prefix + "t", delay);
    }

    private static Iterator<String> countUntilTimeout(String k, Iterator<Row> values, GroupState<Long> state) {
        if (state.hasTimedOut()) {
            String timedOut = k + ":timeout:" + state.get() + "@" + state.getCurrentWatermarkMs();
            state.remove();
            return List.of(timedOut).iterator();
        }
        long n = state.exists() ? state.get() : 0L;
        long latest = 0;
        while (values.hasNext()) {
            latest = Math.max(latest, values.next().<Timestamp>getAs("t").getTime());
            n++;
        }
        state.update(n);
        state.setTimeoutTimestamp(Math.max(latest + 10_000, state.getCurrentWatermarkMs() + 1_000));
        return List.of(k + ":" + n).iterator();
    }
}
