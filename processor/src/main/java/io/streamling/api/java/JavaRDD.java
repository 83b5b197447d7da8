package io.streamling.api.java;

import io.streamling.api.Tuple2;
import io.streamling.api.function.FlatMapFunction;
import io.streamling.api.function.Function;
import io.streamling.api.function.Function2;
import io.streamling.api.function.PairFunction;
import io.streamling.api.function.VoidFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch of a DStream as {@code foreachRDD} and {@code transform} hand it over: Spark's
 * {@code JavaRDD} operations on a local, immutable collection. The runtime gathers the batch into
 * one task (from a RocksDB-backed buffer) before calling the user's function, so every operation
 * here is plain, in-memory, single-threaded Java.
 *
 * @param <T> the element type
 */
public class JavaRDD<T> extends AbstractCollection<T> {

    private final List<T> elements;

    /** An RDD of these elements, in this order. */
    public JavaRDD(List<T> elements) {
        this.elements = Collections.unmodifiableList(new ArrayList<>(elements));
    }

    /** The elements, in order: an RDD is a read-only collection here, so a queue of them can feed {@code queueStream}. */
    @Override
    public Iterator<T> iterator() {
        return elements.iterator();
    }

    /** The number of elements, as a collection's size. */
    @Override
    public int size() {
        return elements.size();
    }

    /** Every element, in order. */
    public List<T> collect() {
        return elements;
    }

    /** The number of elements. */
    public long count() {
        return elements.size();
    }

    /** Whether there is no element. */
    @Override
    public boolean isEmpty() {
        return elements.isEmpty();
    }

    /** The first {@code num} elements. */
    public List<T> take(int num) {
        return elements.subList(0, Math.min(num, elements.size()));
    }

    /** The first element; fails on an empty RDD, as Spark does. */
    public T first() {
        if (elements.isEmpty()) {
            throw new UnsupportedOperationException("empty collection");
        }
        return elements.get(0);
    }

    /** Runs {@code f} on each element. */
    public void foreach(VoidFunction<T> f) throws Exception {
        for (T element : elements) {
            f.call(element);
        }
    }

    /** Runs {@code f} once, on an iterator over every element (the batch is one partition). */
    public void foreachPartition(VoidFunction<Iterator<T>> f) throws Exception {
        f.call(elements.iterator());
    }

    /** {@code f} applied to each element. */
    public <R> JavaRDD<R> map(Function<T, R> f) throws Exception {
        List<R> result = new ArrayList<>(elements.size());
        for (T element : elements) {
            result.add(f.call(element));
        }
        return new JavaRDD<>(result);
    }

    /** The elements for which {@code f} returns true. */
    public JavaRDD<T> filter(Function<T, Boolean> f) throws Exception {
        List<T> result = new ArrayList<>();
        for (T element : elements) {
            if (Boolean.TRUE.equals(f.call(element))) {
                result.add(element);
            }
        }
        return new JavaRDD<>(result);
    }

    /** Every element of the iterators {@code f} returns. */
    public <R> JavaRDD<R> flatMap(FlatMapFunction<T, R> f) throws Exception {
        List<R> result = new ArrayList<>();
        for (T element : elements) {
            f.call(element).forEachRemaining(result::add);
        }
        return new JavaRDD<>(result);
    }

    /** Pairs made by {@code f}. */
    public <K, V> JavaPairRDD<K, V> mapToPair(PairFunction<T, K, V> f) throws Exception {
        List<Tuple2<K, V>> result = new ArrayList<>(elements.size());
        for (T element : elements) {
            result.add(f.call(element));
        }
        return new JavaPairRDD<>(result);
    }

    /** The elements reduced with {@code f}; fails on an empty RDD, as Spark does. */
    public T reduce(Function2<T, T, T> f) throws Exception {
        if (elements.isEmpty()) {
            throw new UnsupportedOperationException("empty collection");
        }
        T result = elements.get(0);
        for (int i = 1; i < elements.size(); i++) {
            result = f.call(result, elements.get(i));
        }
        return result;
    }

    /**
     * The elements folded from {@code zeroValue}, as Spark folds one partition and then the
     * partitions' results from {@code zeroValue} again (this RDD is one partition): a zero that is
     * not neutral counts twice, as in Spark.
     */
    public T fold(T zeroValue, Function2<T, T, T> op) throws Exception {
        T partition = zeroValue;
        for (T element : elements) {
            partition = op.call(partition, element);
        }
        return op.call(zeroValue, partition);
    }

    /** As {@link #fold}, into another type: {@code seqOp} adds an element, {@code combOp} merges partitions' results. */
    public <U> U aggregate(U zeroValue, Function2<U, T, U> seqOp, Function2<U, U, U> combOp) throws Exception {
        U partition = zeroValue;
        for (T element : elements) {
            partition = seqOp.call(partition, element);
        }
        return combOp.call(zeroValue, partition);
    }

    /** Each element paired with the key {@code f} gives it: {@code (f(x), x)}. */
    public <K> JavaPairRDD<K, T> keyBy(Function<T, K> f) throws Exception {
        List<Tuple2<K, T>> pairs = new ArrayList<>(elements.size());
        for (T element : elements) {
            pairs.add(new Tuple2<>(f.call(element), element));
        }
        return new JavaPairRDD<>(pairs);
    }

    /** Each element paired with its index, from 0, in order. */
    public JavaPairRDD<T, Long> zipWithIndex() {
        List<Tuple2<T, Long>> pairs = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            pairs.add(new Tuple2<>(elements.get(i), (long) i));
        }
        return new JavaPairRDD<>(pairs);
    }

    /** The elements of each partition as one list: one list here, as this RDD is one partition. */
    public JavaRDD<List<T>> glom() {
        return new JavaRDD<>(List.of(elements));
    }

    /** {@code f} over the iterator of each partition (one here), its results flattened. */
    public <U> JavaRDD<U> mapPartitions(FlatMapFunction<Iterator<T>, U> f) throws Exception {
        List<U> result = new ArrayList<>();
        f.call(elements.iterator()).forEachRemaining(result::add);
        return new JavaRDD<>(result);
    }

    /** The elements not in {@code other} (every occurrence of them). */
    public JavaRDD<T> subtract(JavaRDD<T> other) {
        Set<T> removed = new HashSet<>(other.elements);
        return new JavaRDD<>(elements.stream().filter(element -> !removed.contains(element)).toList());
    }

    /** The distinct elements that are in both RDDs. */
    public JavaRDD<T> intersection(JavaRDD<T> other) {
        Set<T> both = new HashSet<>(other.elements);
        return new JavaRDD<>(new ArrayList<>(new LinkedHashSet<>(elements.stream().filter(both::contains).toList())));
    }

    /** Every pair of an element of this RDD and one of {@code other}. */
    public <U> JavaPairRDD<T, U> cartesian(JavaRDD<U> other) {
        List<Tuple2<T, U>> pairs = new ArrayList<>(elements.size() * other.elements.size());
        for (T element : elements) {
            for (U that : other.elements) {
                pairs.add(new Tuple2<>(element, that));
            }
        }
        return new JavaPairRDD<>(pairs);
    }

    /**
     * The largest element by {@code comparator}.
     *
     * @throws UnsupportedOperationException on an empty RDD, as Spark's reduce ("empty collection")
     */
    public T max(Comparator<T> comparator) throws Exception {
        return reduce((a, b) -> comparator.compare(a, b) >= 0 ? a : b);
    }

    /** The smallest element by {@code comparator}; as {@link #max} on an empty RDD. */
    public T min(Comparator<T> comparator) throws Exception {
        return reduce((a, b) -> comparator.compare(a, b) <= 0 ? a : b);
    }

    /** The elements of both RDDs. */
    public JavaRDD<T> union(JavaRDD<T> other) {
        List<T> result = new ArrayList<>(elements);
        result.addAll(other.elements);
        return new JavaRDD<>(result);
    }

    /** Each distinct element once. */
    public JavaRDD<T> distinct() {
        return new JavaRDD<>(new ArrayList<>(new LinkedHashSet<>(elements)));
    }

    /** The elements sorted by the key {@code f} gives, ascending or not. */
    public <S extends Comparable<S>> JavaRDD<T> sortBy(Function<T, S> f, boolean ascending, int numPartitions)
            throws Exception {
        List<Tuple2<S, T>> keyed = new ArrayList<>(elements.size());
        for (T element : elements) {
            keyed.add(new Tuple2<>(f.call(element), element));
        }
        Comparator<Tuple2<S, T>> order = Comparator.comparing(Tuple2::_1);
        keyed.sort(ascending ? order : order.reversed());
        return new JavaRDD<>(keyed.stream().map(Tuple2::_2).toList());
    }

    /** The {@code num} largest elements in natural order, largest first. */
    @SuppressWarnings("unchecked")
    public List<T> top(int num) {
        return elements.stream().sorted((a, b) -> ((Comparable<T>) b).compareTo(a)).limit(num).toList();
    }

    /** The {@code num} smallest elements in natural order, smallest first. */
    @SuppressWarnings("unchecked")
    public List<T> takeOrdered(int num) {
        return elements.stream().sorted((a, b) -> ((Comparable<T>) a).compareTo(b)).limit(num).toList();
    }

    /** Each distinct element with its number of occurrences. */
    public Map<T, Long> countByValue() {
        Map<T, Long> counts = new LinkedHashMap<>();
        elements.forEach(element -> counts.merge(element, 1L, Long::sum));
        return counts;
    }

    /**
     * Writes the elements, one {@code toString()} per line, as Spark does: a directory
     * {@code path} holding {@code part-00000} and an empty {@code _SUCCESS}. The directory appears
     * whole or not at all (written aside, then renamed); an existing one is left as it is, as
     * Spark does on recovery.
     */
    public void saveAsTextFile(String path) {
        Path target = Path.of(path);
        if (Files.exists(target)) {
            return;
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
            try (Writer out = Files.newBufferedWriter(staging.resolve("part-00000"), StandardCharsets.UTF_8)) {
                for (T element : elements) {
                    out.write(String.valueOf(element));
                    out.write('\n');
                }
            }
            Files.createFile(staging.resolve("_SUCCESS"));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + path + ": " + e.getMessage(), e);
        }
    }

    /** An iterator over the elements. */
    public Iterator<T> toLocalIterator() {
        return elements.iterator();
    }

    @Override
    public String toString() {
        return "JavaRDD" + elements;
    }
}
