package io.streamling.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class InputSpecTest {

    private final InputSpec input = InputSpec.of(2_000, 100, 42);

    @Test
    void sameSeedGivesSameLines() {
        assertThat(lines(input)).isEqualTo(lines(InputSpec.of(2_000, 100, 42)));
        assertThat(lines(input)).isNotEqualTo(lines(InputSpec.of(2_000, 100, 43)));
    }

    @Test
    void linesHaveFiveVocabularyWordsAndBatchesHoldLinesPerSecond() {
        Vocabulary vocabulary = input.vocabulary();
        Map<Long, Integer> perBatch = new HashMap<>();
        for (var lines = input.iterator(); lines.hasNext(); ) {
            InputSpec.Line line = lines.next();
            String[] words = line.text().split(" ");
            assertThat(words).hasSize(5).allMatch(word -> vocabulary.rank(word) >= 0);
            perBatch.merge(line.timestamp() / 1000, 1, Integer::sum);
        }
        assertThat(perBatch).hasSize(20).allSatisfy((batch, count) -> assertThat(count).isEqualTo(100));
        assertThat(input.dataEndMs()).isEqualTo(input.baseTimeMs() + 20_000);
    }

    @Test
    void vocabularyIsSkewed() {
        Vocabulary vocabulary = input.vocabulary();
        assertThat(vocabulary.size()).isEqualTo(10_000);
        Map<String, Integer> counts = new HashMap<>();
        lines(input).forEach(line -> {
            for (String word : line.split(" ")) {
                counts.merge(word, 1, Integer::sum);
            }
        });
        // Zipf(1) over 10,000 words: the top word is drawn about 10 % of the time, the 1000th rarely
        assertThat(counts.get(vocabulary.word(0))).isBetween(700, 1300);
        assertThat(counts.getOrDefault(vocabulary.word(999), 0)).isLessThan(10);
    }

    @Test
    void endMarkerIsPastEveryWindowAndCoversEveryRepartitionPartition() {
        assertThat(input.endMarkerTime()).isGreaterThan(input.dataEndMs() + Workload.WINDOW_MS);
        assertThat(input.endMarkerTime() % Workload.SLIDE_MS).isZero();
        for (int partitions = 1; partitions <= 4; partitions++) {
            List<Integer> covered = new ArrayList<>();
            for (String word : InputSpec.endMarkerLine(partitions).split(" ")) {
                assertThat(InputSpec.isMarker(word)).isTrue();
                covered.add(Utils.toPositive(Utils.murmur2(Utils.utf8(word))) % partitions);
            }
            assertThat(covered).hasSize(partitions).doesNotHaveDuplicates();
        }
    }

    @Test
    void scaledInputStartsWithTheSameLines() {
        assertThat(lines(input.scaled(3))).hasSize(6_000).startsWith(lines(input).toArray(new String[0]));
    }

    private static List<String> lines(InputSpec spec) {
        List<String> lines = new ArrayList<>();
        spec.iterator().forEachRemaining(line -> lines.add(line.text()));
        return lines;
    }
}
