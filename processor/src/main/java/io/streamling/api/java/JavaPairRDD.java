package io.streamling.api.java;

import io.streamling.api.Tuple2;
import io.streamling.api.function.FlatMapFunction;
import io.streamling.api.function.Function;
import io.streamling.api.function.Function2;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One batch of a pair DStream, as Spark's {@code JavaPairRDD}: the pair operations on a local
 * collection (see {@link JavaRDD}). Grouping keeps the order in which keys first appear.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class JavaPairRDD<K, V> extends JavaRDD<Tuple2<K, V>> {

    /** A pair RDD of these pairs, in this order. */
    public JavaPairRDD(List<Tuple2<K, V>> pairs) {
        super(pairs);
    }

    /** The keys, in order. */
    public JavaRDD<K> keys() {
        return new JavaRDD<>(collect().stream().map(Tuple2::_1).toList());
    }

    /** The values, in order. */
    public JavaRDD<V> values() {
        return new JavaRDD<>(collect().stream().map(Tuple2::_2).toList());
    }

    /** Each pair with {@code f} applied to its value. */
    public <U> JavaPairRDD<K, U> mapValues(Function<V, U> f) throws Exception {
        List<Tuple2<K, U>> result = new ArrayList<>();
        for (Tuple2<K, V> pair : collect()) {
            result.add(new Tuple2<>(pair._1(), f.call(pair._2())));
        }
        return new JavaPairRDD<>(result);
    }

    /** The values of each key reduced with {@code f}. */
    public JavaPairRDD<K, V> reduceByKey(Function2<V, V, V> f) throws Exception {
        Map<K, V> reduced = new LinkedHashMap<>();
        for (Tuple2<K, V> pair : collect()) {
            V previous = reduced.get(pair._1());
            reduced.put(pair._1(), previous == null && !reduced.containsKey(pair._1())
                    ? pair._2() : f.call(previous, pair._2()));
        }
        return fromMap(reduced);
    }

    /** The values of each key, grouped. */
    public JavaPairRDD<K, Iterable<V>> groupByKey() {
        Map<K, Iterable<V>> groups = new LinkedHashMap<>();
        for (Tuple2<K, V> pair : collect()) {
            ((List<V>) groups.computeIfAbsent(pair._1(), key -> new ArrayList<>())).add(pair._2());
        }
        return fromMap(groups);
    }

    /** The pairs sorted by key in natural order, ascending or not. */
    @SuppressWarnings("unchecked")
    public JavaPairRDD<K, V> sortByKey(boolean ascending) {
        Comparator<Tuple2<K, V>> order = (a, b) -> ((Comparable<K>) a._1()).compareTo(b._1());
        List<Tuple2<K, V>> sorted = new ArrayList<>(collect());
        sorted.sort(ascending ? order : order.reversed());
        return new JavaPairRDD<>(sorted);
    }

    /** The pairs sorted by key, ascending. */
    public JavaPairRDD<K, V> sortByKey() {
        return sortByKey(true);
    }

    /** Inner join on keys: every pair of values of a key present on both sides. */
    public <W> JavaPairRDD<K, Tuple2<V, W>> join(JavaPairRDD<K, W> other) {
        List<Tuple2<K, Tuple2<V, W>>> result = new ArrayList<>();
        Map<K, List<W>> right = other.valuesByKey();
        for (Tuple2<K, V> pair : collect()) {
            for (W match : right.getOrDefault(pair._1(), List.of())) {
                result.add(new Tuple2<>(pair._1(), new Tuple2<>(pair._2(), match)));
            }
        }
        return new JavaPairRDD<>(result);
    }

    /** Left outer join on keys: a missing right side is {@code Optional.empty()}. */
    public <W> JavaPairRDD<K, Tuple2<V, Optional<W>>> leftOuterJoin(JavaPairRDD<K, W> other) {
        List<Tuple2<K, Tuple2<V, Optional<W>>>> result = new ArrayList<>();
        Map<K, List<W>> right = other.valuesByKey();
        for (Tuple2<K, V> pair : collect()) {
            List<W> matches = right.getOrDefault(pair._1(), List.of());
            if (matches.isEmpty()) {
                result.add(new Tuple2<>(pair._1(), new Tuple2<>(pair._2(), Optional.empty())));
            }
            for (W match : matches) {
                result.add(new Tuple2<>(pair._1(), new Tuple2<>(pair._2(), Optional.ofNullable(match))));
            }
        }
        return new JavaPairRDD<>(result);
    }

    /** The pairs for which {@code f} returns true, still a pair RDD (as Spark's {@code JavaPairRDD.filter}). */
    @Override
    public JavaPairRDD<K, V> filter(Function<Tuple2<K, V>, Boolean> f) throws Exception {
        return new JavaPairRDD<>(super.filter(f).collect());
    }

    /** Each distinct pair once, still a pair RDD. */
    @Override
    public JavaPairRDD<K, V> distinct() {
        return new JavaPairRDD<>(super.distinct().collect());
    }

    /** The pairs of both RDDs, still a pair RDD. */
    @Override
    public JavaPairRDD<K, V> union(JavaRDD<Tuple2<K, V>> other) {
        return new JavaPairRDD<>(super.union(other).collect());
    }

    /** A pair for every value of the iterator {@code f} returns for each pair's value, under the same key. */
    public <U> JavaPairRDD<K, U> flatMapValues(FlatMapFunction<V, U> f) throws Exception {
        List<Tuple2<K, U>> result = new ArrayList<>();
        for (Tuple2<K, V> pair : collect()) {
            f.call(pair._2()).forEachRemaining(value -> result.add(new Tuple2<>(pair._1(), value)));
        }
        return new JavaPairRDD<>(result);
    }

    /** The values of each key folded into {@code zeroValue} with {@code f}. */
    public JavaPairRDD<K, V> foldByKey(V zeroValue, Function2<V, V, V> f) throws Exception {
        Map<K, V> folded = new LinkedHashMap<>();
        for (Tuple2<K, V> pair : collect()) {
            folded.put(pair._1(), f.call(folded.containsKey(pair._1()) ? folded.get(pair._1()) : zeroValue, pair._2()));
        }
        return fromMap(folded);
    }

    /**
     * Per key, its values folded from {@code zeroValue} by {@code seqOp} (this RDD is one
     * partition, so {@code combOp}, which merges partitions' results, has nothing to merge).
     */
    public <U> JavaPairRDD<K, U> aggregateByKey(U zeroValue, Function2<U, V, U> seqOp, Function2<U, U, U> combOp)
            throws Exception {
        Map<K, U> folded = new LinkedHashMap<>();
        for (Tuple2<K, V> pair : collect()) {
            folded.put(pair._1(), seqOp.call(folded.containsKey(pair._1()) ? folded.get(pair._1()) : zeroValue, pair._2()));
        }
        return fromMap(folded);
    }

    /**
     * Per key, a combiner made of its first value by {@code createCombiner} and the later ones
     * added by {@code mergeValue} ({@code mergeCombiners} merges partitions' combiners: none to
     * merge in one partition).
     */
    public <C> JavaPairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
                                             Function2<C, C, C> mergeCombiners) throws Exception {
        Map<K, C> combined = new LinkedHashMap<>();
        for (Tuple2<K, V> pair : collect()) {
            combined.put(pair._1(), combined.containsKey(pair._1())
                    ? mergeValue.call(combined.get(pair._1()), pair._2()) : createCombiner.call(pair._2()));
        }
        return fromMap(combined);
    }

    /** The pairs whose key {@code other} does not have. */
    public <W> JavaPairRDD<K, V> subtractByKey(JavaPairRDD<K, W> other) {
        Map<K, List<W>> right = other.valuesByKey();
        return new JavaPairRDD<>(collect().stream().filter(pair -> !right.containsKey(pair._1())).toList());
    }

    /** Right outer join on keys: a missing left side is {@code Optional.empty()}. */
    public <W> JavaPairRDD<K, Tuple2<Optional<V>, W>> rightOuterJoin(JavaPairRDD<K, W> other) {
        List<Tuple2<K, Tuple2<Optional<V>, W>>> result = new ArrayList<>();
        for (Tuple2<K, Tuple2<W, Optional<V>>> pair : other.leftOuterJoin(this).collect()) {
            result.add(new Tuple2<>(pair._1(), new Tuple2<>(pair._2()._2(), pair._2()._1())));
        }
        return new JavaPairRDD<>(result);
    }

    /** Full outer join on keys: a missing side is {@code Optional.empty()}. */
    public <W> JavaPairRDD<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(JavaPairRDD<K, W> other) {
        List<Tuple2<K, Tuple2<Optional<V>, Optional<W>>>> result = new ArrayList<>();
        for (Tuple2<K, Tuple2<V, Optional<W>>> pair : leftOuterJoin(other).collect()) {
            result.add(new Tuple2<>(pair._1(), new Tuple2<>(Optional.ofNullable(pair._2()._1()), pair._2()._2())));
        }
        Map<K, List<V>> left = valuesByKey();
        for (Tuple2<K, W> pair : other.collect()) {
            if (!left.containsKey(pair._1())) {
                result.add(new Tuple2<>(pair._1(), new Tuple2<>(Optional.empty(), Optional.ofNullable(pair._2()))));
            }
        }
        return new JavaPairRDD<>(result);
    }

    /** Both sides' values of each key of either side. */
    public <W> JavaPairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(JavaPairRDD<K, W> other) {
        Map<K, List<V>> left = valuesByKey();
        Map<K, List<W>> right = other.valuesByKey();
        Map<K, Tuple2<Iterable<V>, Iterable<W>>> groups = new LinkedHashMap<>();
        left.keySet().forEach(key -> groups.put(key, new Tuple2<>(left.get(key), right.getOrDefault(key, List.of()))));
        right.keySet().forEach(key -> groups.putIfAbsent(key, new Tuple2<>(List.of(), right.get(key))));
        return fromMap(groups);
    }

    /** The pairs as a map; a later pair of the same key wins. */
    public Map<K, V> collectAsMap() {
        Map<K, V> map = new LinkedHashMap<>();
        collect().forEach(pair -> map.put(pair._1(), pair._2()));
        return map;
    }

    /** The values of {@code key}. */
    public List<V> lookup(K key) {
        return valuesByKey().getOrDefault(key, List.of());
    }

    /** Each key with its number of pairs. */
    public Map<K, Long> countByKey() {
        Map<K, Long> counts = new LinkedHashMap<>();
        collect().forEach(pair -> counts.merge(pair._1(), 1L, Long::sum));
        return counts;
    }

    private Map<K, List<V>> valuesByKey() {
        Map<K, List<V>> byKey = new LinkedHashMap<>();
        collect().forEach(pair -> byKey.computeIfAbsent(pair._1(), key -> new ArrayList<>()).add(pair._2()));
        return byKey;
    }

    private static <A, B> JavaPairRDD<A, B> fromMap(Map<A, B> map) {
        List<Tuple2<A, B>> pairs = new ArrayList<>(map.size());
        map.forEach((key, value) -> pairs.add(new Tuple2<>(key, value)));
        return new JavaPairRDD<>(pairs);
    }
}
