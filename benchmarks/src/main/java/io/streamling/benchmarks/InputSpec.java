package io.streamling.benchmarks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.apache.kafka.common.utils.Utils;

/**
 * The deterministic input of every workload: {@code lines} lines of {@code wordsPerLine} words
 * from a skewed vocabulary, with timestamps spread evenly so that each one-second batch holds
 * about {@code linesPerSecond} lines. Line {@code i} goes to partition {@code i % partitions}, so
 * every partition is in timestamp order, as a live feed would be.
 *
 * <p>After the data, every partition gets one <em>end marker</em> line (words starting with
 * {@code ~}) stamped {@link #endMarkerTime()}, well past the last window that holds data: event
 * time only advances with records, and without it the hand-written Kafka Streams topologies would
 * never close their last windows on pre-loaded input. Outputs about marker words, or about windows
 * after the data, are not part of any result.
 *
 * @param lines number of data lines
 * @param linesPerSecond data lines per second of event time
 * @param wordsPerLine words per line
 * @param vocabularySize distinct words
 * @param seed seed of the vocabulary and of the word draws
 * @param baseTimeMs timestamp of the first line; a multiple of every window slide used
 */
public record InputSpec(int lines, int linesPerSecond, int wordsPerLine, int vocabularySize, long seed,
                        long baseTimeMs) {

    /** 2026-01-01T00:00:00Z: in the past (a replay), and aligned to every window of the workloads. */
    public static final long DEFAULT_BASE_TIME_MS = 1_767_225_600_000L;
    /** The prefix of end-marker words. */
    public static final String MARKER_PREFIX = "~";
    /** Margin between the last data batch and the end marker: longer than the longest window (30 s). */
    private static final long MARKER_GAP_MS = 40_000;
    private static final long ALIGNMENT_MS = 10_000;

    /** One line of input. */
    public record Line(int index, long timestamp, String text) {
    }

    /** The input with the default shape: 5 words per line, 10,000 words, the default base time. */
    public static InputSpec of(int lines, int linesPerSecond, long seed) {
        return new InputSpec(lines, linesPerSecond, 5, 10_000, seed, DEFAULT_BASE_TIME_MS);
    }

    /** The same input, {@code factor} times as long (its first lines are this input's). */
    public InputSpec scaled(int factor) {
        return new InputSpec(lines * factor, linesPerSecond, wordsPerLine, vocabularySize, seed, baseTimeMs);
    }

    /** The vocabulary the lines are drawn from. */
    public Vocabulary vocabulary() {
        return Vocabulary.of(vocabularySize, seed);
    }

    /** Timestamp of line {@code index}. */
    public long timestamp(int index) {
        return baseTimeMs + (long) index * 1000 / linesPerSecond;
    }

    /** The end (exclusive) of the last one-second batch holding data. */
    public long dataEndMs() {
        long last = timestamp(lines - 1);
        return last - Math.floorMod(last, 1000L) + 1000;
    }

    /** Timestamp of the end-marker lines. */
    public long endMarkerTime() {
        long end = dataEndMs() + MARKER_GAP_MS;
        return end - Math.floorMod(end, ALIGNMENT_MS) + ALIGNMENT_MS;
    }

    /**
     * The end-marker line for a topic of {@code partitions} partitions: one word for each partition
     * of a repartition topic of that size (by Kafka's default key partitioner), so that after a
     * {@code groupBy} every downstream task sees event time pass the end of the data.
     */
    public static String endMarkerLine(int partitions) {
        List<String> words = new ArrayList<>();
        boolean[] covered = new boolean[partitions];
        int found = 0;
        for (int i = 0; found < partitions && i < 10_000; i++) {
            String word = MARKER_PREFIX + "end-" + i;
            int partition = Utils.toPositive(Utils.murmur2(Utils.utf8(word))) % partitions;
            if (!covered[partition]) {
                covered[partition] = true;
                found++;
                words.add(word);
            }
        }
        return String.join(" ", words);
    }

    /** True for a word or line that belongs to an end marker rather than to the data. */
    public static boolean isMarker(String text) {
        return text != null && text.startsWith(MARKER_PREFIX);
    }

    /** The data lines, in order; the same lines on every call. */
    public Iterator<Line> iterator() {
        Vocabulary vocabulary = vocabulary();
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < lines;
            }

            @Override
            public Line next() {
                if (next >= lines) {
                    throw new NoSuchElementException();
                }
                StringBuilder text = new StringBuilder(48);
                for (int w = 0; w < wordsPerLine; w++) {
                    if (w > 0) {
                        text.append(' ');
                    }
                    text.append(vocabulary.draw(random));
                }
                Line line = new Line(next, timestamp(next), text.toString());
                next++;
                return line;
            }
        };
    }
}
