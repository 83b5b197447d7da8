package io.streamling.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.api.Tuple2;
import io.streamling.internal.serde.ElementSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** Batch results packed into one record per partition before a shuffle, and unpacked after it. */
class ShuffleBundleTest {

    private static final int PARTITIONS = 3;
    private static final long BATCH = 1_000L;

    private final MockProcessorContext<Object, Object> bundlerContext = new MockProcessorContext<>();
    private final ShuffleBundler bundler = new ShuffleBundler(PARTITIONS);

    ShuffleBundleTest() {
        bundler.init(bundlerContext);
    }

    @Test
    void shouldHandOnOneBundlePerPartitionBeforeTheMarkerThatClosesTheBatch() {
        // given
        List<Tuple2<String, Integer>> results = List.of(pair("a", 1), pair("b", 2), pair("c", 3), pair("d", 4),
                pair("e", 5));
        results.forEach(result -> bundler.process(element(result, BATCH)));
        assertThat(bundlerContext.forwarded()).isEmpty();

        // when
        Watermark marker = Watermark.of("combine", 0, 2 * BATCH, 0);
        bundler.process(new Record<>(marker, marker, 2 * BATCH));

        // then: bundles for the partitions that have elements, each to its partition, then the marker
        List<Record<Object, Object>> forwarded = forwarded();
        assertThat(forwarded.get(forwarded.size() - 1).value()).isEqualTo(marker);
        List<Record<Object, Object>> bundles = forwarded.subList(0, forwarded.size() - 1);
        assertThat(bundles).allSatisfy(bundle -> {
            assertThat(bundle.timestamp()).isEqualTo(BATCH);
            ShuffleBundle packed = (ShuffleBundle) bundle.value();
            assertThat(new KeyPartitioner().partitions("topic", bundle.key(), packed, PARTITIONS))
                    .contains(Set.of(packed.partition()));
        });
        assertThat(bundles).extracting(bundle -> ((ShuffleBundle) bundle.value()).partition()).doesNotHaveDuplicates();
        assertThat(unbundled(bundles)).containsExactlyInAnyOrderElementsOf(results.stream()
                .map(result -> (Object) result).toList());
        for (Record<Object, Object> bundle : bundles) {
            int partition = ((ShuffleBundle) bundle.value()).partition();
            assertThat(unbundled(List.of(bundle))).allSatisfy(element ->
                    assertThat(KeyPartitioner.partitionOf(((Tuple2<?, ?>) element)._1(), PARTITIONS)).isEqualTo(partition));
        }
    }

    @Test
    void shouldKeepTheOrderOfEachPartitionsElementsAndTheirKeysAndTimestampAcrossTheTopic() {
        // given: results of one partition, in key order
        List<Tuple2<String, Integer>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(pair(String.format("key-%02d", i), i));
        }
        results.forEach(result -> bundler.process(element(result, BATCH)));
        Watermark marker = Watermark.of("combine", 0, 2 * BATCH, 0);
        bundler.process(new Record<>(marker, marker, 2 * BATCH));

        // when: through the repartition topic's serde and the unbundler
        MockProcessorContext<Object, Object> unbundlerContext = new MockProcessorContext<>();
        ShuffleUnbundler unbundler = new ShuffleUnbundler();
        unbundler.init(unbundlerContext);
        for (Record<Object, Object> record : forwarded()) {
            Object read = ElementSerde.INSTANCE.deserialize("t", ElementSerde.INSTANCE.serialize("t", record.value()));
            unbundler.process(record.withValue(read));
        }

        // then: every element keyed by its key, stamped with its batch; the marker last, as it was
        List<Record<Object, Object>> elements = records(unbundlerContext);
        assertThat(elements.get(elements.size() - 1).value()).isEqualTo(marker);
        List<Record<Object, Object>> unpacked = elements.subList(0, elements.size() - 1);
        assertThat(unpacked).extracting(Record::value).containsExactlyInAnyOrderElementsOf(new ArrayList<>(results));
        assertThat(unpacked).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(((Tuple2<?, ?>) record.value())._1());
            assertThat(record.timestamp()).isEqualTo(BATCH);
        });
        for (int partition = 0; partition < PARTITIONS; partition++) {
            int p = partition;
            List<Object> inPartition = unpacked.stream().map(Record::value)
                    .filter(value -> KeyPartitioner.partitionOf(((Tuple2<?, ?>) value)._1(), PARTITIONS) == p).toList();
            assertThat(inPartition).isSortedAccordingTo((a, b) ->
                    ((String) ((Tuple2<?, ?>) a)._1()).compareTo((String) ((Tuple2<?, ?>) b)._1()));
        }
    }

    @Test
    void shouldStartNewBundlesWhenTheBatchChanges() {
        // given: two batches closed by one marker
        bundler.process(element(pair("a", 1), BATCH));
        bundler.process(element(pair("a", 2), 2 * BATCH));
        Watermark marker = Watermark.of("combine", 0, 3 * BATCH, 0);

        // when
        bundler.process(new Record<>(marker, marker, 3 * BATCH));

        // then: each batch's element in a bundle of its own, with its batch's time
        List<Record<Object, Object>> forwarded = forwarded();
        assertThat(forwarded).extracting(Record::timestamp).containsExactly(BATCH, 2 * BATCH, 3 * BATCH);
        assertThat(unbundled(forwarded.subList(0, 1))).containsExactly(pair("a", 1));
        assertThat(unbundled(forwarded.subList(1, 2))).containsExactly(pair("a", 2));
    }

    @Test
    void shouldSplitABundleThatOutgrowsItsSizeLimit() {
        // given: 40 results of 20 kB for one key's partition: 800 kB, more than a bundle may hold
        String value = "x".repeat(20_000);
        List<Tuple2<String, String>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            results.add(new Tuple2<>("k", value + i));
        }
        results.forEach(result -> bundler.process(element(result, BATCH)));
        Watermark marker = Watermark.of("combine", 0, 2 * BATCH, 0);

        // when
        bundler.process(new Record<>(marker, marker, 2 * BATCH));

        // then: several bundles, none much over the limit, every element once and in order
        List<Record<Object, Object>> bundles = forwarded().subList(0, forwarded().size() - 1);
        assertThat(bundles).hasSizeGreaterThan(1);
        assertThat(bundles).allSatisfy(bundle -> assertThat(((ShuffleBundle) bundle.value()).elements().length)
                .isLessThan(ShuffleBundler.MAX_BUNDLE_BYTES + 21_000));
        assertThat(unbundled(bundles)).containsExactlyElementsOf(new ArrayList<>(results));
    }

    private static Tuple2<String, Integer> pair(String key, int value) {
        return new Tuple2<>(key, value);
    }

    private static Record<Object, Object> element(Tuple2<?, ?> result, long batch) {
        return new Record<>(result._1(), result, batch);
    }

    private List<Record<Object, Object>> forwarded() {
        return records(bundlerContext);
    }

    @SuppressWarnings("unchecked")
    private static List<Record<Object, Object>> records(MockProcessorContext<Object, Object> context) {
        return context.forwarded().stream().map(forward -> (Record<Object, Object>) forward.record()).toList();
    }

    private static List<Object> unbundled(List<Record<Object, Object>> bundles) {
        List<Object> elements = new ArrayList<>();
        for (Record<Object, Object> bundle : bundles) {
            ShuffleBundle packed = (ShuffleBundle) bundle.value();
            ElementSerde.INSTANCE.deserializeEach(packed.elements(), packed.count(), elements::add);
        }
        return elements;
    }
}
