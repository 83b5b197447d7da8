package io.streamling.streaming.api.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.api.Tuple2;
import io.streamling.api.java.JavaPairRDD;
import io.streamling.api.java.JavaRDD;
import io.streamling.streaming.Durations;
import io.streamling.streaming.State;
import io.streamling.streaming.StateSpec;
import io.streamling.streaming.Time;
import io.streamling.testkit.DStreamTestDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forty-one DStream programs — windows with and without inverse functions and filters, slide-2
 * windows (counts, reductions, counts by value), counts by value and window, updateStateByKey with
 * removal and with partitions, mapWithState with removal and snapshots, mapWithState with a timeout
 * (timed out at Spark's full state scans), per-batch inner, outer joins and cogroup, groupByKey,
 * union, countByValue, flatMapValues, window + reduceByKey, repartition, transform with RDD
 * operations, transformWith, a join of two windows, combineByKey with partitions, updateStateByKey
 * and mapWithState from an initial state — over random batches, compared batch by batch with what
 * Apache Spark 4.0.1 gave for
 * the same batches ({@code spark-reference/*.tsv}, recorded by
 * {@code io.streamling.benchmarks.spark.DStreamReference} in module benchmarks-spark, which holds
 * the same programs in Spark's API: keep the two in step).
 */
class SparkReferenceTest {

    private static final long T0 = 1_700_000_000_000L;
    /** Spark ran for 16 one-second batches. */
    private static final int BATCHES = 16;

    @TempDir
    Path stateDir;

    @ParameterizedTest(name = "input {0}")
    @ValueSource(ints = {2, 4, 5, 6, 7, 8})
    void shouldGiveSparksOutputForEveryProgramAndBatch(int input) throws IOException {
        // given
        List<String> lines = lines("dstream-input-" + input + ".tsv");
        Map<String, Map<Integer, List<String>>> expected = parse(lines("dstream-spark-4.0.1-" + input + ".tsv"));
        Map<String, Map<Integer, List<String>>> actual = new TreeMap<>();
        JavaStreamingContext ssc = new JavaStreamingContext("spark-reference", Durations.seconds(1));
        JavaInputDStream<String> in = ssc.topicStream("in");
        define(in.mapToPair(text -> {
            String[] parts = text.split("=");
            return new Tuple2<>(parts[0], Integer.parseInt(parts[1]));
        }), (program, rdd, time) -> record(actual, program, rdd, time));

        // when
        try (DStreamTestDriver test = new DStreamTestDriver(ssc, stateDir, Instant.ofEpochMilli(T0))) {
            for (String line : lines) {
                String[] parts = line.split("\t");
                test.send(in, T0 + Integer.parseInt(parts[0]) * 1_000L + 1, parts[1]);
            }
            test.closeThrough(T0 + BATCHES * 1_000L);
        }

        // then
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        SoftAssertions.assertSoftly(softly -> expected.forEach((program, batches) ->
                softly.assertThat(actual.get(program)).as(program).isEqualTo(batches)));
    }

    /** Records one batch of a program's output. */
    interface Recorder extends Serializable {
        void record(String program, JavaRDD<?> rdd, Time time);
    }

    private static void record(Map<String, Map<Integer, List<String>>> out, String program, JavaRDD<?> rdd, Time time) {
        List<String> rows = new ArrayList<>();
        for (Object element : rdd.collect()) {
            rows.add(String.valueOf(element));
        }
        Collections.sort(rows);
        // a batch is stamped with its end, as in Spark; Spark's recording numbers batches from 0
        int batch = (int) ((time.milliseconds() - T0) / 1_000) - 1;
        synchronized (out) {
            out.computeIfAbsent(program, p -> new TreeMap<>()).put(batch, rows);
        }
    }

    private static Map<String, Map<Integer, List<String>>> parse(List<String> recorded) {
        Map<String, Map<Integer, List<String>>> out = new TreeMap<>();
        for (String line : recorded) {
            String[] parts = line.split("\t");
            String rows = parts[3].substring(1, parts[3].length() - 1);
            out.computeIfAbsent(parts[1], p -> new TreeMap<>()).put(Integer.parseInt(parts[2]),
                    rows.isEmpty() ? List.of() : splitTopLevel(rows));
        }
        return out;
    }

    /** Splits "a, (b, c), d" at the commas outside parentheses and brackets. */
    private static List<String> splitTopLevel(String rows) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < rows.length(); i++) {
            char c = rows.charAt(i);
            depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(rows.substring(start, i));
                start = i + 2;
            }
        }
        parts.add(rows.substring(start));
        return parts;
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = SparkReferenceTest.class.getResourceAsStream("/spark-reference/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static String sorted(Iterable<Integer> values) {
        List<Integer> list = new ArrayList<>();
        values.forEach(list::add);
        Collections.sort(list);
        return list.toString();
    }

    private static <T> void out(String name, JavaDStream<T> stream, Recorder recorder) {
        stream.foreachRDD((rdd, time) -> {
            recorder.record(name, rdd, time);
        });
    }

    private static <K, V> void outPairs(String name, JavaPairDStream<K, V> stream, Recorder recorder) {
        out(name, stream.toJavaDStream(), recorder);
    }

    /** The state some keys start with, for updateStateByKey's initial RDD and mapWithState's initial state. */
    private static final JavaPairRDD<String, Integer> INITIAL_STATE = new JavaPairRDD<>(List.of(new Tuple2<>("a", 100),
            new Tuple2<>("z", 5)));
    private static final int PARTITIONS = 2;

    private static void define(JavaPairDStream<String, Integer> pairs, Recorder rec) {
        JavaDStream<Integer> values = pairs.map(t -> t._2());
        JavaDStream<String> keys = pairs.map(t -> t._1());
        outPairs("rbkw_inv", pairs.reduceByKeyAndWindow((a, b) -> a + b, (a, b) -> a - b, Durations.seconds(3),
                Durations.seconds(1)), rec);
        outPairs("rbkw_inv_filter", pairs.reduceByKeyAndWindow((a, b) -> a + b, (a, b) -> a - b, Durations.seconds(3),
                Durations.seconds(1), 1, t -> t._2() != 0), rec);
        outPairs("rbkw_slide2", pairs.reduceByKeyAndWindow((a, b) -> a + b, Durations.seconds(4), Durations.seconds(2)),
                rec);
        outPairs("rbkw_inv_slide2", pairs.reduceByKeyAndWindow((a, b) -> a + b, (a, b) -> a - b, Durations.seconds(4),
                Durations.seconds(2)), rec);
        outPairs("cbvw", keys.countByValueAndWindow(Durations.seconds(3), Durations.seconds(1)), rec);
        out("cbw", keys.countByWindow(Durations.seconds(3), Durations.seconds(1)), rec);
        out("rbw_inv", values.reduceByWindow((a, b) -> a + b, (a, b) -> a - b, Durations.seconds(3),
                Durations.seconds(1)), rec);
        out("rbw", values.reduceByWindow((a, b) -> a + b, Durations.seconds(2), Durations.seconds(1)), rec);
        outPairs("gbkw", pairs.groupByKeyAndWindow(Durations.seconds(2), Durations.seconds(1))
                .mapValues(SparkReferenceTest::sorted), rec);
        outPairs("usbk", pairs.updateStateByKey((List<Integer> vs, Optional<Integer> st) -> {
            int total = st.orElse(0);
            for (int v : vs) {
                total += v;
            }
            return total > 12 ? Optional.empty() : Optional.of(total);
        }), rec);
        outPairs("loj", pairs.leftOuterJoin(pairs.filter(t -> t._2() % 2 == 0).mapValues(v -> v * 10)), rec);
        outPairs("foj", pairs.filter(t -> t._2() > 2).fullOuterJoin(pairs.filter(t -> t._2() % 2 == 0)), rec);
        outPairs("cogroup", pairs.cogroup(pairs.filter(t -> t._2() > 2))
                .mapValues(t -> sorted(t._1()) + sorted(t._2())), rec);
        out("window_count", pairs.window(Durations.seconds(2), Durations.seconds(1)).count(), rec);
        outPairs("window_cbv", keys.window(Durations.seconds(3), Durations.seconds(2)).countByValue(), rec);
        out("reduce", values.reduce((a, b) -> a + b), rec);
        outPairs("union_self", pairs.union(pairs.mapValues(v -> v * 2)), rec);
        outPairs("count_by_value", keys.countByValue(), rec);
        outPairs("flat_map_values", pairs.flatMapValues(v -> Arrays.asList(v, v + 100).iterator()), rec);
        outPairs("window_rbk", pairs.window(Durations.seconds(3), Durations.seconds(1)).reduceByKey((a, b) -> a + b), rec);
        outPairs("transform_distinct", pairs.transformToPair(rdd -> rdd.mapValues(v -> v % 2).distinct()), rec);
        out("transform_keys", pairs.transform(rdd -> rdd.keys().distinct()), rec);
        JavaMapWithStateDStream<String, Integer, Integer, String> timingOut = pairs.mapWithState(
                StateSpec.function((String k, Optional<Integer> v, State<Integer> st) -> {
                    if (st.isTimingOut()) {
                        return k + ":timeout@" + st.get();
                    }
                    int total = (st.exists() ? st.get() : 0) + v.orElse(0);
                    st.update(total);
                    return k + ":" + total;
                }).timeout(Durations.seconds(3)));
        out("mws_timeout", timingOut, rec);
        outPairs("mws_timeout_snap", timingOut.stateSnapshots(), rec);
        JavaMapWithStateDStream<String, Integer, Integer, String> mws = pairs.mapWithState(
                StateSpec.function((String k, Optional<Integer> v, State<Integer> st) -> {
                    int total = (st.exists() ? st.get() : 0) + v.orElse(0);
                    if (total > 9) {
                        st.remove();
                        return k + ":removed@" + total;
                    }
                    st.update(total);
                    return k + ":" + total;
                }));
        out("mws", mws, rec);
        outPairs("mws_snap", mws.stateSnapshots(), rec);
        outPairs("window_join", pairs.window(Durations.seconds(3), Durations.seconds(1))
                .join(pairs.filter(t -> t._2() > 5).window(Durations.seconds(2), Durations.seconds(1))), rec);
        outPairs("combine_max", pairs.combineByKey(v -> v, Math::max, Math::max, PARTITIONS), rec);
        outPairs("usbk_initial", pairs.updateStateByKey((List<Integer> vs, Optional<Integer> st) -> {
            int total = st.orElse(0);
            for (int v : vs) {
                total += v;
            }
            return Optional.of(total);
        }, PARTITIONS, INITIAL_STATE), rec);
        JavaMapWithStateDStream<String, Integer, Integer, String> initialized = pairs.mapWithState(
                StateSpec.function((String k, Optional<Integer> v, State<Integer> st) -> {
                    int total = (st.exists() ? st.get() : 0) + v.orElse(0);
                    st.update(total);
                    return k + ":" + total;
                }).initialState(INITIAL_STATE));
        out("mws_initial", initialized, rec);
        outPairs("mws_initial_snap", initialized.stateSnapshots(), rec);        outPairs("join_inner", pairs.join(pairs.filter(t -> t._2() > 3).mapValues(v -> v * 10)), rec);
        outPairs("roj", pairs.filter(t -> t._2() % 2 == 1).rightOuterJoin(pairs.filter(t -> t._2() > 4)), rec);
        outPairs("gbk", pairs.groupByKey().mapValues(SparkReferenceTest::sorted), rec);
        out("cbw_slide2", keys.countByWindow(Durations.seconds(4), Durations.seconds(2)), rec);
        out("rbw_inv_slide2", values.reduceByWindow((a, b) -> a + b, (a, b) -> a - b, Durations.seconds(4),
                Durations.seconds(2)), rec);
        out("window_count_slide2", values.window(Durations.seconds(4), Durations.seconds(2)).count(), rec);
        out("repartition_count", values.repartition(3).count(), rec);
        out("transform_with", keys.transformWith(values,
                (JavaRDD<String> k, JavaRDD<Integer> v, Time time) -> k.distinct().union(v.map(x -> "v" + x))), rec);
        outPairs("usbk_partitions", pairs.updateStateByKey((List<Integer> vs, Optional<Integer> st) -> {
            int seen = st.orElse(0) + vs.size();
            return seen >= 4 ? Optional.empty() : Optional.of(seen);
        }, 3), rec);
        outPairs("cbvw_slide2", keys.countByValueAndWindow(Durations.seconds(4), Durations.seconds(2)), rec);
    }
}
