package io.streamling.benchmarks.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Records what Apache Spark's Java RDD API gives for the operations users call on the RDD a
 * DStream hands to {@code foreachRDD} / {@code transform}, over small lists with duplicates, nulls
 * left out, an empty RDD and keyed pairs. Prints {@code RDD <name> <result>}; results whose order
 * depends on Spark's partitioning (distinct, by-key operations, maps) are sorted.
 * {@code RddSparkReferenceTest} (module processor) holds the same operations on Streamling's RDD:
 * keep the two in step.
 */
public final class RddReference {

    static final List<Integer> NUMBERS = List.of(5, 3, 1, 3, 7, 2, 9, 3, 8, 1);
    static final List<String> WORDS = List.of("b", "a", "c", "a", "b", "a");

    private RddReference() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("rdd-reference")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        JavaSparkContext sc = new JavaSparkContext(spark.sparkContext());
        JavaRDD<Integer> numbers = sc.parallelize(NUMBERS, 2);
        JavaRDD<Integer> empty = sc.parallelize(List.<Integer>of(), 2);
        JavaPairRDD<String, Integer> pairs = sc.parallelize(WORDS, 2).zipWithIndex()
                .mapToPair(p -> new Tuple2<>(p._1(), (int) (long) p._2()));
        JavaPairRDD<String, String> names = sc.parallelizePairs(List.of(new Tuple2<>("a", "alpha"),
                new Tuple2<>("c", "gamma"), new Tuple2<>("d", "delta")), 2);
        print("collect_map", () -> numbers.map(x -> x * 2).collect());
        print("filter", () -> numbers.filter(x -> x % 2 == 1).collect());
        print("flatMap", () -> numbers.flatMap(x -> Arrays.asList(x, -x).iterator()).collect());
        print("count", numbers::count);
        print("first", numbers::first);
        print("take", () -> numbers.take(3));
        print("take_more", () -> numbers.take(20));
        print("top", () -> numbers.top(3));
        print("takeOrdered", () -> numbers.takeOrdered(4));
        print("reduce", () -> numbers.reduce(Integer::sum));
        print("distinct", () -> sorted(numbers.distinct().collect()));
        print("countByValue", () -> new TreeMap<>(numbers.countByValue()));
        print("sortBy_desc", () -> numbers.sortBy(x -> x, false, 2).collect());
        print("sortBy_mod", () -> numbers.sortBy(x -> x % 3, true, 2).collect());
        print("union", () -> numbers.union(numbers.map(x -> x + 100)).collect());
        print("isEmpty", numbers::isEmpty);
        print("empty_isEmpty", empty::isEmpty);
        print("empty_take", () -> empty.take(2));
        print("empty_top", () -> empty.top(2));
        print("empty_count", empty::count);
        print("empty_first", empty::first);
        print("empty_reduce", () -> empty.reduce(Integer::sum));
        print("pairs", pairs::collect);
        print("reduceByKey", () -> sorted(pairs.reduceByKey(Integer::sum).collect()));
        print("groupByKey", () -> sorted(pairs.groupByKey().mapValues(RddReference::sortedValues).collect()));
        print("sortByKey", () -> pairs.sortByKey().keys().collect());
        print("sortByKey_desc", () -> pairs.sortByKey(false).keys().collect());
        print("mapValues", () -> pairs.mapValues(v -> v * 10).collect());
        print("keys", () -> pairs.keys().collect());
        print("values", () -> pairs.values().collect());
        print("join", () -> sorted(pairs.join(names).collect()));
        print("leftOuterJoin", () -> sorted(pairs.leftOuterJoin(names).collect()));
        print("rightOuterJoin", () -> sorted(pairs.rightOuterJoin(names).collect()));
        print("fullOuterJoin", () -> sorted(pairs.fullOuterJoin(names).collect()));
        print("cogroup", () -> sorted(pairs.cogroup(names)
                .mapValues(v -> new Tuple2<>(sortedValues(v._1()), sortedValues(v._2()))).collect()));
        print("countByKey", () -> new TreeMap<>(pairs.countByKey()));
        print("collectAsMap", () -> new TreeMap<>(pairs.reduceByKey(Math::max).collectAsMap()));
        print("lookup", () -> sorted(pairs.lookup("a")));
        print("foldByKey", () -> sorted(pairs.foldByKey(0, Integer::sum).collect())); // a zero per partition in Spark: keep it neutral
        print("subtractByKey", () -> sorted(pairs.subtractByKey(names).collect()));
        print("flatMapValues", () -> pairs.flatMapValues(v -> List.of(v, v + 1).iterator()).collect());
        print("pair_distinct", () -> sorted(pairs.union(pairs).distinct().collect()));
        print("fold", () -> numbers.fold(0, Integer::sum)); // a zero per partition in Spark: keep it neutral
        print("aggregate", () -> numbers.aggregate(0, (acc, x) -> acc + x * x, Integer::sum));
        print("keyBy", () -> numbers.keyBy(x -> x % 3).collect());
        print("zipWithIndex", () -> numbers.zipWithIndex().collect());
        print("mapPartitions", () -> numbers.mapPartitions(it -> {
            List<Integer> out = new ArrayList<>();
            it.forEachRemaining(x -> out.add(x * 3));
            return out.iterator();
        }).collect());
        print("subtract", () -> sorted(numbers.subtract(sc.parallelize(List.of(3, 9), 2)).collect()));
        print("intersection", () -> sorted(numbers.intersection(sc.parallelize(List.of(3, 4, 9, 9), 2)).collect()));
        print("cartesian", () -> sorted(names.keys().cartesian(sc.parallelize(List.of(1, 2), 2)).collect()));
        print("max", () -> numbers.max(java.util.Comparator.naturalOrder()));
        print("min", () -> numbers.min(java.util.Comparator.naturalOrder()));
        print("empty_max", () -> empty.max(java.util.Comparator.naturalOrder()));
        print("aggregateByKey", () -> sorted(pairs.aggregateByKey(0, (acc, v) -> acc + v * 2, Integer::sum).collect()));
        print("combineByKey", () -> sorted(pairs.combineByKey(v -> (long) v, (c, v) -> c + v, Long::sum).collect()));
        spark.stop();
    }

    private static void print(String name, Supplier<Object> result) {
        String out;
        try {
            out = String.valueOf(result.get());
        } catch (RuntimeException e) {
            out = "ERROR " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        System.out.println("RDD\t" + name + "\t" + out);
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
