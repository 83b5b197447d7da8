package io.streamling.api.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.api.Tuple2;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pair operations of a batch handed to transform / foreachRDD, with Spark's results (in any order). */
class JavaPairRDDTest {

    private final JavaPairRDD<String, Integer> pairs = new JavaPairRDD<>(List.of(pair("a", 1), pair("b", 2), pair("a", 3)));
    private final JavaPairRDD<String, Integer> other = new JavaPairRDD<>(List.of(pair("a", 10), pair("c", 30)));

    private static <V> Tuple2<String, V> pair(String key, V value) {
        return new Tuple2<>(key, value);
    }

    private static List<String> text(JavaRDD<?> rdd) {
        return rdd.collect().stream().map(String::valueOf).toList();
    }

    @Test
    void shouldKeepFilterDistinctAndUnionPairTyped() throws Exception {
        // when
        JavaPairRDD<String, Integer> filtered = pairs.filter(p -> p._2() > 1);
        JavaPairRDD<String, Integer> distinct = pairs.union(pairs).distinct();

        // then
        assertThat(text(filtered)).containsExactlyInAnyOrder("(b,2)", "(a,3)");
        assertThat(text(distinct)).containsExactlyInAnyOrder("(a,1)", "(b,2)", "(a,3)");
        assertThat(text(distinct.reduceByKey(Integer::sum))).containsExactlyInAnyOrder("(a,4)", "(b,2)");
    }

    @Test
    void shouldFlatMapValuesFoldByKeyAndSubtractByKey() throws Exception {
        assertThat(text(pairs.flatMapValues(v -> List.of(v, -v).iterator()))).containsExactlyInAnyOrder(
                "(a,1)", "(a,-1)", "(b,2)", "(b,-2)", "(a,3)", "(a,-3)");
        assertThat(text(pairs.foldByKey(100, Integer::sum))).containsExactlyInAnyOrder("(a,104)", "(b,102)");
        assertThat(text(pairs.subtractByKey(other))).containsExactly("(b,2)");
    }

    @Test
    void shouldJoinRightAndFullOuterAndCogroupWithEmptyOptionalsAndEmptyGroups() {
        assertThat(text(pairs.rightOuterJoin(other))).containsExactlyInAnyOrder(
                "(a,(Optional[1],10))", "(a,(Optional[3],10))", "(c,(Optional.empty,30))");
        assertThat(text(pairs.fullOuterJoin(other))).containsExactlyInAnyOrder(
                "(a,(Optional[1],Optional[10]))", "(b,(Optional[2],Optional.empty))", "(a,(Optional[3],Optional[10]))",
                "(c,(Optional.empty,Optional[30]))");
        assertThat(text(pairs.cogroup(other))).containsExactlyInAnyOrder("(a,([1, 3],[10]))", "(b,([2],[]))",
                "(c,([],[30]))");
    }

    @Test
    void shouldGlomTheBatchIntoOneListAsItIsOnePartition() {
        assertThat(new JavaRDD<>(List.of(3, 1, 2)).glom().collect()).containsExactly(List.of(3, 1, 2));
        assertThat(new JavaRDD<Integer>(List.of()).glom().collect()).containsExactly(List.of());
    }
}
