package io.streamling.internal.runtime;

import static io.streamling.internal.runtime.StoreCommandDriver.feed;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamling.internal.serde.ElementSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-back store in a real Kafka Streams task: what reaches the changelog at commit
 * ({@code TopologyTestDriver} commits after every input record). Restarts are covered by
 * {@code ExactlyOnceRestartIT} (a killed JVM), since the test driver wipes its state on close.
 */
class BufferedStoreTest {

    private static final String STORE = "sums";
    private static final String CHANGELOG = "app-" + STORE + "-changelog";

    @TempDir
    Path stateDir;

    /**
     * Commands: "add k n" adds n to k's sum, "set k n" sets it, "del k" deletes it, "tmp k" adds then
     * deletes it, "readd k n" deletes k and sets it to n, "fill p n" sets keys p0..p(n-1), "size p 0" counts the keys; each answers with what it sees.
     */
    private static final class Commands extends ContextualProcessor<String, String, String, String> {
        private BufferedStore sums;

        @Override
        public void init(ProcessorContext<String, String> context) {
            super.init(context);
            sums = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            String[] words = record.value().split(" ");
            Bytes key = Bytes.wrap(words[1].getBytes(StandardCharsets.UTF_8));
            switch (words[0]) {
                case "add" -> {
                    Object sum = sums.get(key);
                    sums.put(key, (sum == null ? 0 : (Integer) sum) + Integer.parseInt(words[2]));
                    if (words[1].startsWith("f")) {
                        context().forward(record.withValue(words[1] + "=" + sums.get(key)));
                        return;
                    }
                }
                case "size" -> {
                    context().forward(record.withValue(sums.all().size() + " entries"));
                    return;
                }
                case "set" -> sums.put(key, Integer.parseInt(words[2]));
                case "del" -> sums.delete(key);
                case "fill" -> {
                    for (int i = 0; i < Integer.parseInt(words[2]); i++) {
                        sums.put(Bytes.wrap((words[1] + i).getBytes(StandardCharsets.UTF_8)), i);
                    }
                    context().forward(record.withValue(sums.all().size() + " entries"));
                    return;
                }
                case "tmp" -> {
                    sums.put(key, 1);
                    sums.delete(key);
                }
                case "readd" -> {
                    sums.delete(key);
                    sums.put(key, Integer.parseInt(words[2]));
                }
                default -> throw new IllegalArgumentException(record.value());
            }
            context().forward(record.withValue(String.valueOf(sums.all().stream()
                    .map(entry -> new String(entry.key.get(), StandardCharsets.UTF_8) + "=" + entry.value).toList())));
        }
    }

    private TopologyTestDriver driver() {
        return StoreCommandDriver.start(Commands::new, OperatorStores.keyed(STORE), stateDir);
    }

    private static List<KeyValue<String, Object>> changelog(TopologyTestDriver driver) {
        var log = driver.createOutputTopic(CHANGELOG, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        return log.readKeyValuesToList().stream()
                .map(kv -> KeyValue.pair(kv.key, kv.value == null ? null : ElementSerde.INSTANCE.deserialize(null, kv.value)))
                .toList();
    }

    @Test
    void shouldLogEachChangedValueOnceAtCommitAndNothingForAnUnchangedOne() {
        try (TopologyTestDriver driver = driver()) {
            // given two keys, when one is rewritten with its own value and the other changes
            List<String> seen = feed(driver, "add a 2", "add b 5", "set a 2", "add b 1", "del a");

            // then every command saw its result, in key order
            assertThat(seen).containsExactly("[a=2]", "[a=2, b=5]", "[a=2, b=5]", "[a=2, b=6]", "[b=6]");
            // and the changelog holds one record per commit that changed something: none for "set a 2"
            assertThat(changelog(driver)).containsExactly(KeyValue.pair("a", 2), KeyValue.pair("b", 5),
                    KeyValue.pair("b", 6), KeyValue.pair("a", null));
        }
    }

    @Test
    void shouldNeverLogAnEntryCreatedAndDeletedBetweenTwoCommits() {
        try (TopologyTestDriver driver = driver()) {
            // when a key is put and deleted while processing one record
            List<String> seen = feed(driver, "tmp x", "add y 1");

            // then only the surviving key ever reaches the changelog
            assertThat(seen).containsExactly("[]", "[y=1]");
            assertThat(changelog(driver)).containsExactly(KeyValue.pair("y", 1));
        }
    }

    @Test
    void shouldKeepEveryValueWhenTheBufferOverflows() {
        try (TopologyTestDriver driver = driver()) {
            // given more keys than the buffer holds, written while processing one record
            int keys = BufferedStore.MAX_BUFFERED_ENTRIES + 10;

            // when more is added to the first key (written out on overflow) and to the last one (still buffered)
            List<String> seen = feed(driver, "fill f " + keys, "add f0 5", "add f" + (keys - 1) + " 1", "size f 0");

            // then both are there, and every key once
            assertThat(seen).containsExactly(keys + " entries", "f0=5", "f" + (keys - 1) + "=" + keys,
                    keys + " entries");
        }
    }

    @Test
    void shouldListEveryLiveKeyOnceInOrderAsKeysComeGoAndComeBack() {
        try (TopologyTestDriver driver = driver()) {
            // given keys listed in order after every command (the order is kept between listings)
            // when keys are added out of order, deleted, added again, and deleted and re-added at once
            List<String> seen = feed(driver, "add m 1", "add c 1", "add x 1", "del m", "add m 2", "add a 1",
                    "readd c 7", "readd z 3", "del x");

            // then each listing holds every live key once, in key order, with its latest value
            assertThat(seen).containsExactly("[m=1]", "[c=1, m=1]", "[c=1, m=1, x=1]", "[c=1, x=1]",
                    "[c=1, m=2, x=1]", "[a=1, c=1, m=2, x=1]", "[a=1, c=7, m=2, x=1]", "[a=1, c=7, m=2, x=1, z=3]",
                    "[a=1, c=7, m=2, z=3]");
            // and the changelog saw each change once, the deletes included
            assertThat(changelog(driver)).containsExactly(KeyValue.pair("m", 1), KeyValue.pair("c", 1),
                    KeyValue.pair("x", 1), KeyValue.pair("m", null), KeyValue.pair("m", 2), KeyValue.pair("a", 1),
                    KeyValue.pair("c", 7), KeyValue.pair("z", 3), KeyValue.pair("x", null));
        }
    }
}
