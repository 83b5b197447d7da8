package io.streamling.internal.runtime;

import static io.streamling.internal.runtime.StoreCommandDriver.feed;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.internal.serde.ElementSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch store in a real Kafka Streams task: what reads see, and what reaches the changelog at
 * commit ({@code TopologyTestDriver} commits after every input record). Restarts are covered by
 * {@code ExactlyOnceRestartIT} and {@code ReplayDeterminismIT}.
 */
class BatchStoreTest {

    private static final String OPERATOR = "op";
    private static final String STORE = OperatorStores.batchesName(OPERATOR);

    @TempDir
    Path stateDir;

    /**
     * Commands: "put b k n" (key k of batch b), "bytes b k n" (the key as a byte array), "del b k",
     * "tmp b k" (put and delete), "drop b" (every key of batch b), "fill b n" (keys k0..k(n-1) of
     * batch b), "turns b c n" (keys k0..k(n-1) put into batches b and c in turns), and the reads "range b c" (the entries of batches [b, c) as b/k=n), "asput b c"
     * (their keys as put), "count b c" and "any b c".
     */
    private static final class Commands extends ContextualProcessor<String, String, String, String> {
        private BatchStore batches;

        @Override
        public void init(ProcessorContext<String, String> context) {
            super.init(context);
            batches = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            String[] words = record.value().split(" ");
            long batch = Long.parseLong(words[1]);
            switch (words[0]) {
                case "put" -> batches.put(batch, words[2], Integer.parseInt(words[3]));
                case "bytes" -> batches.put(batch, words[2].getBytes(StandardCharsets.UTF_8), Integer.parseInt(words[3]));
                case "del" -> batches.delete(batch, words[2]);
                case "drop" -> batches.deleteBatches(batch, batch + 1);
                case "tmp" -> {
                    batches.put(batch, words[2], 1);
                    batches.delete(batch, words[2]);
                }
                case "turns" -> {
                    for (int i = 0; i < Integer.parseInt(words[3]); i++) {
                        batches.put(batch, "k" + i, i);
                        batches.put(Long.parseLong(words[2]), "k" + i, i);
                    }
                }
                case "fill" -> {
                    for (int i = 0; i < Integer.parseInt(words[2]); i++) {
                        batches.put(batch, "k" + i, i);
                    }
                }
                case "range" -> context().forward(record.withValue(String.valueOf(range(batch, words[2]).stream()
                        .map(entry -> entry.batch() + "/" + (entry.key() instanceof byte[] bytes
                                ? "bytes:" + new String(bytes, StandardCharsets.UTF_8) : entry.key()) + "=" + entry.value())
                        .toList())));
                case "asput" -> context().forward(record.withValue(String.valueOf(batches.entriesAsPut(batch,
                        Long.parseLong(words[2])).stream().map(entry -> entry.batch() + "/" + entry.key()).toList())));
                case "count" -> context().forward(record.withValue(range(batch, words[2]).size() + " entries"));
                case "any" -> context().forward(record.withValue(String.valueOf(
                        batches.hasAny(batch, Long.parseLong(words[2])))));
                default -> throw new IllegalArgumentException(record.value());
            }
        }

        private List<BatchStore.Entry> range(long from, String to) {
            return batches.range(from, Long.parseLong(to));
        }
    }

    private TopologyTestDriver driver() {
        return StoreCommandDriver.start(Commands::new, OperatorStores.bufferedBatches(OPERATOR), stateDir);
    }

    /** The changelog's records as "batch/record: entries", or "batch/record: deleted". */
    private static List<String> changelog(TopologyTestDriver driver) {
        var log = driver.createOutputTopic("app-" + STORE + "-changelog", Serdes.Bytes().deserializer(),
                Serdes.ByteArray().deserializer());
        return log.readKeyValuesToList().stream().map(kv -> {
            ByteBuffer key = ByteBuffer.wrap(kv.key.get());
            String name = key.getLong() + "/" + key.getInt() + ": ";
            if (kv.value == null) {
                return name + "deleted";
            }
            ByteBuffer in = ByteBuffer.wrap(kv.value);
            List<String> entries = new java.util.ArrayList<>();
            while (in.hasRemaining()) {
                byte[] entryKey = new byte[in.getInt()];
                in.get(entryKey);
                byte[] value = new byte[in.getInt()];
                in.get(value);
                entries.add(ElementSerde.INSTANCE.deserializeOrderedKey(entryKey) + "="
                        + ElementSerde.INSTANCE.deserialize(null, value));
            }
            return name + entries.stream().sorted().toList();
        }).toList();
    }

    @Test
    void shouldReadOnlyTheAskedBatchesAsEntriesComeGoComeBackAndOverflow() {
        int many = BatchStore.MAX_BUFFERED_ENTRIES + 10;
        try (TopologyTestDriver driver = driver()) {
            // given entries of batches 1 and 2, each committed (the test driver commits after every record)
            // when some are read, deleted and put back, and then batch 3 overflows the buffer
            List<String> seen = feed(driver, "put 1 a 1", "put 2 b 2", "put 1 c 3", "range 1 2", "del 1 a",
                    "range 1 3", "any 0 1", "any 1 2", "put 1 a 5", "range 0 9",
                    "fill 3 " + many, "count 3 4", "del 2 b", "range 0 3", "any 2 3", "any 3 4", "count 0 9");

            // then every read sees exactly the live entries of the batches it asked for, in key order
            assertThat(seen).containsExactly("[1/a=1, 1/c=3]", "[1/c=3, 2/b=2]", "false", "true",
                    "[1/a=5, 1/c=3, 2/b=2]", many + " entries", "[1/a=5, 1/c=3]", "false", "true",
                    (many + 2) + " entries");
        }
    }

    @Test
    void shouldLogEachChangedBatchAsOneRecordAndNothingForABatchThatCameAndWent() {
        try (TopologyTestDriver driver = driver()) {
            // given a batch that lives across commits, and one created and emptied while processing one record
            feed(driver, "put 1 a 1", "put 1 b 2", "tmp 2 x", "count 0 9", "del 1 a", "del 1 b");

            // then each commit that changed batch 1 logged it whole, a read changed nothing, and its end deleted it
            assertThat(changelog(driver)).containsExactly("1/0: [a=1]", "1/0: [a=1, b=2]", "1/0: [b=2]",
                    "1/0: deleted");
        }
    }

    @Test
    void shouldWriteOutTheOtherBatchesButKeepFillingTheOneThatOverflows() {
        int many = BatchStore.MAX_BUFFERED_ENTRIES + 100;
        try (TopologyTestDriver driver = driver()) {
            // given batch 1 committed, and still in memory
            feed(driver, "put 1 a 1");

            // when batch 2 alone grows past the buffer's limit while one record is processed
            List<String> seen = feed(driver, "fill 2 " + many, "range 1 2", "count 2 3");

            // then batch 2 reached the changelog once, at that record's commit, not again for each entry
            // past the limit; batch 1, written out and dropped from memory, is read back intact
            List<String> batch2 = changelog(driver).stream().filter(line -> line.startsWith("2/")).toList();
            assertThat(batch2).hasSizeBetween(1, 4).extracting(line -> line.substring(0, 4))
                    .doesNotHaveDuplicates();
            assertThat(seen).containsExactly("[1/a=1]", many + " entries");
        }
    }

    @Test
    void shouldWriteOutTheBatchUsedLeastRecentlyAndKeepTwoBatchesFilledInTurns() {
        int idle = BatchStore.MAX_BUFFERED_ENTRIES * 3 / 5;
        int each = BatchStore.MAX_BUFFERED_ENTRIES / 4;
        try (TopologyTestDriver driver = driver()) {
            // given batch 3, filled and committed, then left alone
            feed(driver, "fill 3 " + idle);

            // when batches 1 and 2 are filled in turns, as a step fed by two producers at different batches,
            // until the three overflow the buffer
            List<String> seen = feed(driver, "turns 1 2 " + each, "count 0 9");

            // then batch 3 alone was written out (it was unchanged: nothing new reached the changelog), and
            // batches 1 and 2 reached it once each, at the commit, not also when the buffer overflowed
            List<String> log = changelog(driver).stream().map(line -> line.substring(0, line.indexOf(':'))).toList();
            assertThat(log).containsExactly("3/0", "1/0", "2/0");
            assertThat(seen).containsExactly((idle + 2 * each) + " entries");
        }
    }

    @Test
    void shouldSplitALargeBatchIntoRecordsAndDeleteThemAll() {
        try (TopologyTestDriver driver = driver()) {
            // given a batch of more than a record's worth of entries, written at one commit
            int entries = 100_000;
            feed(driver, "fill 5 " + entries);

            // when one of its keys is deleted, and then all of them, as an operator closing the batch does
            List<String> seen = feed(driver, "del 5 k0", "count 5 6", "drop 5", "count 0 9");

            // then it was written as several records, rewritten without the key, and each record deleted at the end
            List<String> log = changelog(driver).stream().map(line -> line.substring(0, line.indexOf(':') + 2)
                    + (line.endsWith("deleted") ? "deleted" : "entries")).toList();
            int records = log.subList(1, log.size()).indexOf("5/0: entries") + 1;
            assertThat(records).isGreaterThan(1);
            assertThat(log).hasSize(3 * records).allMatch(line -> line.startsWith("5/"));
            assertThat(log.subList(2 * records, 3 * records)).allMatch(line -> line.endsWith("deleted"));
            assertThat(seen).containsExactly((entries - 1) + " entries", "0 entries");
        }
    }

    @Test
    void shouldHoldKeysEqualInBytesAsOneKeyAlsoWhenReadBackFromRocksDb() {
        int many = BatchStore.MAX_BUFFERED_ENTRIES + 10;
        try (TopologyTestDriver driver = driver()) {
            // given batch 1 with a string key and two byte-array keys of equal content (arrays compare by identity)
            feed(driver, "put 1 b 1", "bytes 1 x 2", "bytes 1 x 3");

            // when batch 2 overflows the buffer, so batch 1 is written out, and batch 1's keys are then put again
            List<String> seen = feed(driver, "fill 2 " + many, "put 1 b 4", "bytes 1 x 5", "range 1 2");

            // then each key is still one entry, read back from RocksDB or not, in the order of the keys' bytes
            assertThat(seen).containsExactly("[1/bytes:x=5, 1/b=4]");
        }
    }

    @Test
    void shouldHandEntriesAsPutWithoutSortingThemWhenAsked() {
        try (TopologyTestDriver driver = driver()) {
            // given keys put out of order in two batches, one key put again
            List<String> seen = feed(driver, "put 2 z 1", "put 1 m 2", "put 1 c 3", "put 2 a 4", "put 1 m 5",
                    "asput 0 9", "range 0 9");

            // then entriesAsPut keeps each batch's first-put order, range sorts each batch by key
            assertThat(seen).containsExactly("[1/m, 1/c, 2/z, 2/a]", "[1/c=3, 1/m=5, 2/a=4, 2/z=1]");
        }
    }
}
