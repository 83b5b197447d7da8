package io.streamling.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * The check of a word-count output: facts {@code (window start, word) -> count}. For per-batch
 * and sliding counts a window is keyed by its start; for the running count there is one window
 * (start 0) and the last value of each word wins, as a table's would.
 *
 * <p>Records with a count of 0 are ignored (Spark's incremental window keeps a word at 0 after
 * it left the window; the word has no count there), and so are windows that start at or after
 * the end of the data (they hold only the end marker).
 */
final class CountsCheck implements OutputCheck {

    /** How windows are laid out; {@code sizeMs == 0} means one unbounded window (running count). */
    record Windows(long sizeMs, long slideMs) {
        static final Windows UNBOUNDED = new Windows(0, 0);
    }

    /** The expected counts and their checksum. */
    record Expected(Map<Long, Integer> counts, long checksum) {
    }

    private static final long INDEX_OFFSET = 1_000;
    private static final int RANK_BITS = 20;

    private final InputSpec input;
    private final Vocabulary vocabulary;
    private final Windows windows;
    private final long timeShiftMs;
    private final Expected expected;
    private final Map<Long, Integer> seen = new HashMap<>();
    private long matched;
    private long unexpected;

    /**
     * @param timeShiftMs what a side adds to a window's start when it stamps its output record
     */
    CountsCheck(InputSpec input, Vocabulary vocabulary, Windows windows, long timeShiftMs, Expected expected) {
        this.input = input;
        this.vocabulary = vocabulary;
        this.windows = windows;
        this.timeShiftMs = timeShiftMs;
        this.expected = expected;
    }

    /** The counts a correct program computes from {@code input} with these windows. */
    static Expected expect(InputSpec input, Vocabulary vocabulary, Windows windows) {
        Map<Long, Integer> counts = new HashMap<>();
        for (var lines = input.iterator(); lines.hasNext(); ) {
            InputSpec.Line line = lines.next();
            for (String word : line.text().split(" ")) {
                int rank = vocabulary.rank(word);
                if (windows.sizeMs() == 0) {
                    counts.merge(key(input, windows, 0, rank), 1, Integer::sum);
                    continue;
                }
                long lastStart = line.timestamp() - Math.floorMod(line.timestamp(), windows.slideMs());
                for (long start = lastStart; start > line.timestamp() - windows.sizeMs(); start -= windows.slideMs()) {
                    counts.merge(key(input, windows, start, rank), 1, Integer::sum);
                }
            }
        }
        long checksum = 0;
        for (Map.Entry<Long, Integer> entry : counts.entrySet()) {
            checksum += fact(input, vocabulary, windows, entry.getKey(), entry.getValue());
        }
        return new Expected(Map.copyOf(counts), checksum);
    }

    @Override
    public boolean accept(long timestamp, String word, String value) {
        if (word == null || InputSpec.isMarker(word) || value == null) {
            return false;
        }
        long count = Long.parseLong(value.trim());
        long start = windows.sizeMs() == 0 ? 0 : timestamp - timeShiftMs;
        if (count == 0 || (windows.sizeMs() != 0 && start >= input.dataEndMs())) {
            return false;
        }
        int rank = vocabulary.rank(word);
        if (rank < 0 || (windows.sizeMs() != 0 && Math.floorMod(start, windows.slideMs()) != 0)) {
            unexpected++;
            return true;
        }
        long key = key(input, windows, start, rank);
        Integer want = expected.counts().get(key);
        Integer before = seen.put(key, (int) count);
        if (before != null && before == count) {
            return false;
        }
        if (want != null && before != null && before.intValue() == want) {
            matched--;
        }
        if (want != null && want == count) {
            matched++;
        }
        return true;
    }

    @Override
    public boolean complete() {
        return matched == expected.counts().size() && unexpected == 0;
    }

    @Override
    public long missing() {
        long missing = 0;
        for (Map.Entry<Long, Integer> entry : expected.counts().entrySet()) {
            missing += Math.max(0, entry.getValue() - seen.getOrDefault(entry.getKey(), 0));
        }
        return missing;
    }

    @Override
    public String checksum() {
        long checksum = 0;
        for (Map.Entry<Long, Integer> entry : seen.entrySet()) {
            checksum += fact(input, vocabulary, windows, entry.getKey(), entry.getValue());
        }
        // records that fit no expected window or word make the checksum differ on purpose
        return String.format("%016x", checksum + unexpected * 0x9E3779B97F4A7C15L);
    }

    @Override
    public String expectedChecksum() {
        return String.format("%016x", expected.checksum());
    }

    private static long key(InputSpec input, Windows windows, long start, int rank) {
        long index = windows.sizeMs() == 0 ? 0 : Math.floorDiv(start - input.baseTimeMs(), windows.slideMs());
        return ((index + INDEX_OFFSET) << RANK_BITS) | rank;
    }

    private static long fact(InputSpec input, Vocabulary vocabulary, Windows windows, long key, int count) {
        long index = (key >>> RANK_BITS) - INDEX_OFFSET;
        long start = windows.sizeMs() == 0 ? 0 : input.baseTimeMs() + index * windows.slideMs();
        return Checksum.of(start, vocabulary.word((int) (key & ((1 << RANK_BITS) - 1))), count);
    }
}
