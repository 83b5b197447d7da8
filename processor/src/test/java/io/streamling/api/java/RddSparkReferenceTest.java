package io.streamling.api.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.api.Tuple2;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operations users call on the RDD of a batch in {@code foreachRDD} / {@code transform},
 * compared with what Apache Spark 4.0.1's Java RDD API gave for the same elements
 * ({@code spark-reference/rdd-spark-4.0.1.tsv}, recorded by
 * {@code io.streamling.benchmarks.spark.RddReference} in module benchmarks-spark, which holds the same
 * operations on Spark's RDD: keep the two in step). Results whose order depends on Spark's
 * partitioning are compared sorted.
 */
class RddSparkReferenceTest {

    private static final List<Integer> NUMBERS = List.of(5, 3, 1, 3, 7, 2, 9, 3, 8, 1);
    private static final List<String> WORDS = List.of("b", "a", "c", "a", "b", "a");

    private final JavaRDD<Integer> numbers = new JavaRDD<>(NUMBERS);
    private final JavaRDD<Integer> empty = new JavaRDD<>(List.of());
    private final JavaPairRDD<String, Integer> pairs = new JavaPairRDD<>(indexed(WORDS));
    private final JavaPairRDD<String, String> names = new JavaPairRDD<>(List.of(new Tuple2<>("a", "alpha"),
            new Tuple2<>("c", "gamma"), new Tuple2<>("d", "delta")));

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparksResults")
    void shouldGiveWhatSparksRddGives(String name, String sparks) {
        // when
        String ours;
        try {
            ours = String.valueOf(operations().get(name).call());
        } catch (Exception e) {
            ours = "ERROR " + (e instanceof UnsupportedOperationException ? "SparkUnsupportedOperationException"
                    : e.getClass().getSimpleName()) + ": " + e.getMessage();
        }

        // then
        assertThat(ours).isEqualTo(sparks);
    }

    static Stream<Arguments> sparksResults() throws IOException {
        try (InputStream in = RddSparkReferenceTest.class.getResourceAsStream("/spark-reference/rdd-spark-4.0.1.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.split("\t", 3))
                    .map(parts -> Arguments.of(parts[1], parts[2])).toList().stream();
        }
    }

    private Map<String, Callable<Object>> operations() {
        Map<String, Callable<Object>> ops = new LinkedHashMap<>();
        ops.put("collect_map", () -> numbers.map(x -> x * 2).collect());
        ops.put("filter", () -> numbers.filter(x -> x % 2 == 1).collect());
        ops.put("flatMap", () -> numbers.flatMap(x -> Arrays.asList(x, -x).iterator()).collect());
        ops.put("count", numbers::count);
        ops.put("first", numbers::first);
        ops.put("take", () -> numbers.take(3));
        ops.put("take_more", () -> numbers.take(20));
        ops.put("top", () -> numbers.top(3));
        ops.put("takeOrdered", () -> numbers.takeOrdered(4));
        ops.put("reduce", () -> numbers.reduce(Integer::sum));
        ops.put("distinct", () -> sorted(numbers.distinct().collect()));
        ops.put("countByValue", () -> new TreeMap<>(numbers.countByValue()));
        ops.put("sortBy_desc", () -> numbers.sortBy(x -> x, false, 2).collect());
        ops.put("sortBy_mod", () -> numbers.sortBy(x -> x % 3, true, 2).collect());
        ops.put("union", () -> numbers.union(numbers.map(x -> x + 100)).collect());
        ops.put("isEmpty", numbers::isEmpty);
        ops.put("empty_isEmpty", empty::isEmpty);
        ops.put("empty_take", () -> empty.take(2));
        ops.put("empty_top", () -> empty.top(2));
        ops.put("empty_count", empty::count);
        ops.put("empty_first", empty::first);
        ops.put("empty_reduce", () -> empty.reduce(Integer::sum));
        ops.put("pairs", pairs::collect);
        ops.put("reduceByKey", () -> sorted(pairs.reduceByKey(Integer::sum).collect()));
        ops.put("groupByKey", () -> sorted(pairs.groupByKey().mapValues(RddSparkReferenceTest::sortedValues).collect()));
        ops.put("sortByKey", () -> pairs.sortByKey().keys().collect());
        ops.put("sortByKey_desc", () -> pairs.sortByKey(false).keys().collect());
        ops.put("mapValues", () -> pairs.mapValues(v -> v * 10).collect());
        ops.put("keys", () -> pairs.keys().collect());
        ops.put("values", () -> pairs.values().collect());
        ops.put("join", () -> sorted(pairs.join(names).collect()));
        ops.put("leftOuterJoin", () -> sorted(pairs.leftOuterJoin(names).collect()));
        ops.put("rightOuterJoin", () -> sorted(pairs.rightOuterJoin(names).collect()));
        ops.put("fullOuterJoin", () -> sorted(pairs.fullOuterJoin(names).collect()));
        ops.put("cogroup", () -> sorted(pairs.cogroup(names)
                .mapValues(v -> new Tuple2<>(sortedValues(v._1()), sortedValues(v._2()))).collect()));
        ops.put("countByKey", () -> new TreeMap<>(pairs.countByKey()));
        ops.put("collectAsMap", () -> new TreeMap<>(pairs.reduceByKey(Math::max).collectAsMap()));
        ops.put("lookup", () -> sorted(pairs.lookup("a")));
        ops.put("foldByKey", () -> sorted(pairs.foldByKey(0, Integer::sum).collect()));
        ops.put("subtractByKey", () -> sorted(pairs.subtractByKey(names).collect()));
        ops.put("flatMapValues", () -> pairs.flatMapValues(v -> List.of(v, v + 1).iterator()).collect());
        ops.put("pair_distinct", () -> sorted(pairs.union(pairs).distinct().collect()));
        ops.put("fold", () -> numbers.fold(0, Integer::sum));
        ops.put("aggregate", () -> numbers.aggregate(0, (acc, x) -> acc + x * x, Integer::sum));
        ops.put("keyBy", () -> numbers.keyBy(x -> x % 3).collect());
        ops.put("zipWithIndex", () -> numbers.zipWithIndex().collect());
        ops.put("mapPartitions", () -> numbers.mapPartitions(it -> {
            List<Integer> out = new ArrayList<>();
            it.forEachRemaining(x -> out.add(x * 3));
            return out.iterator();
        }).collect());
        ops.put("subtract", () -> sorted(numbers.subtract(new JavaRDD<>(List.of(3, 9))).collect()));
        ops.put("intersection", () -> sorted(numbers.intersection(new JavaRDD<>(List.of(3, 4, 9, 9))).collect()));
        ops.put("cartesian", () -> sorted(names.keys().cartesian(new JavaRDD<>(List.of(1, 2))).collect()));
        ops.put("max", () -> numbers.max(Comparator.naturalOrder()));
        ops.put("min", () -> numbers.min(Comparator.naturalOrder()));
        ops.put("empty_max", () -> empty.max(Comparator.naturalOrder()));
        ops.put("aggregateByKey", () -> sorted(pairs.aggregateByKey(0, (acc, v) -> acc + v * 2, Integer::sum).collect()));
        ops.put("combineByKey", () -> sorted(pairs.combineByKey(v -> (long) v, (c, v) -> c + v, Long::sum).collect()));
        return ops;
    }

    private static List<Tuple2<String, Integer>> indexed(List<String> words) {
        List<Tuple2<String, Integer>> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            out.add(new Tuple2<>(words.get(i), i));
        }
        return out;
    }

    private static <T extends Comparable<T>> List<T> sortedValues(Iterable<T> values) {
        List<T> out = new ArrayList<>();
        values.forEach(out::add);
        Collections.sort(out);
        return out;
    }

    private static List<String> sorted(List<?> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(String.valueOf(v)));
        Collections.sort(out);
        return out;
    }
}
