package io.streamling.benchmarks.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.State;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaMapWithStateDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import scala.Tuple2;

/**
 * Records what Apache Spark's DStream API gives for the programs of the processor's
 * {@code SparkReferenceTest}, batch by batch: the test compares Streamling's output with the file
 * this writes. Same programs, Spark's types; keep the two lists in step.
 *
 * <pre>
 * mvn -B -q -Pspark -pl benchmarks-spark -am -DskipTests package
 * java --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
 *   --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
 *   --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
 *   -cp "benchmarks-spark/target/benchmarks-spark.jar:benchmarks-spark/target/lib/*" \
 *   io.streamling.benchmarks.spark.DStreamReference input.tsv 14 &gt; expected.tsv
 * </pre>
 *
 * The input has a line per element, {@code batch<TAB>key=value}; a {@code queueStream} of one
 * RDD per batch (1 s batches, {@code oneAtATime}) feeds the programs; each output line is
 * {@code OUT<TAB>program<TAB>batch<TAB>[sorted elements]}.
 */
public final class DStreamReference {

    private static final Map<String, SortedMap<Integer, List<String>>> OUT = new ConcurrentSkipListMap<>();
    private static volatile long firstBatch = -1;

    private DStreamReference() {
    }

    /** Records one batch of a program's output. */
    interface Recorder extends java.io.Serializable {
        void record(String program, JavaRDD<?> rdd, Time time);
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int seconds = Integer.parseInt(args[1]);
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("dstream-reference")
                .set("spark.ui.enabled", "false");
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(1));
        ssc.checkpoint(Files.createTempDirectory("dstream-reference").toString());
        Queue<JavaRDD<String>> queue = new LinkedList<>();
        int batches = lines.stream().mapToInt(line -> Integer.parseInt(line.split("\t")[0])).max().orElse(0) + 1;
        for (int batch = 0; batch < batches; batch++) {
            List<String> elements = new ArrayList<>();
            for (String line : lines) {
                String[] parts = line.split("\t");
                if (Integer.parseInt(parts[0]) == batch) {
                    elements.add(parts[1]);
                }
            }
            queue.add(ssc.sparkContext().parallelize(elements, 2));
        }
        JavaDStream<String> in = ssc.queueStream(queue, true);
        in.foreachRDD((rdd, time) -> {
            if (firstBatch < 0) {
                firstBatch = time.milliseconds();
            }
        });
        define(in.mapToPair(text -> {
            String[] parts = text.split("=");
            return new Tuple2<>(parts[0], Integer.parseInt(parts[1]));
        }), DStreamReference::record);
        ssc.start();
        ssc.awaitTerminationOrTimeout(seconds * 1_000L);
        ssc.stop(true, false);
        OUT.forEach((program, batchesOut) -> batchesOut.forEach((batch, rows) ->
                System.out.println("OUT\t" + program + "\t" + batch + "\t" + rows)));
    }

    private static void record(String program, JavaRDD<?> rdd, Time time) {
        List<String> rows = new ArrayList<>();
        for (Object element : rdd.collect()) {
            rows.add(String.valueOf(element));
        }
        Collections.sort(rows);
        OUT.computeIfAbsent(program, p -> new ConcurrentSkipListMap<>())
                .put((int) ((time.milliseconds() - firstBatch) / 1_000), rows);
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

    static void define(JavaPairDStream<String, Integer> pairs, Recorder rec) {
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
                .mapValues(DStreamReference::sorted), rec);
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
        outPairs("combine_max", pairs.combineByKey(v -> v, Math::max, Math::max, new HashPartitioner(2)), rec);
        outPairs("usbk_initial", pairs.updateStateByKey((List<Integer> vs, Optional<Integer> st) -> {
            int total = st.orElse(0);
            for (int v : vs) {
                total += v;
            }
            return Optional.of(total);
        }, new HashPartitioner(2), initialState(pairs)), rec);
        JavaMapWithStateDStream<String, Integer, Integer, String> initialized = pairs.mapWithState(
                StateSpec.function((String k, Optional<Integer> v, State<Integer> st) -> {
                    int total = (st.exists() ? st.get() : 0) + v.orElse(0);
                    st.update(total);
                    return k + ":" + total;
                }).initialState(initialState(pairs)));
        out("mws_initial", initialized, rec);
        outPairs("mws_initial_snap", initialized.stateSnapshots(), rec);        outPairs("join_inner", pairs.join(pairs.filter(t -> t._2() > 3).mapValues(v -> v * 10)), rec);
        outPairs("roj", pairs.filter(t -> t._2() % 2 == 1).rightOuterJoin(pairs.filter(t -> t._2() > 4)), rec);
        outPairs("gbk", pairs.groupByKey().mapValues(DStreamReference::sorted), rec);
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

    /** The state some keys start with, for updateStateByKey's initial RDD and mapWithState's initial state. */
    private static JavaPairRDD<String, Integer> initialState(JavaPairDStream<String, Integer> pairs) {
        return JavaSparkContext.fromSparkContext(pairs.context().sparkContext())
                .parallelizePairs(List.of(new Tuple2<>("a", 100), new Tuple2<>("z", 5)));
    }
}
