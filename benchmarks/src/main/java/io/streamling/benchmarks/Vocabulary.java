package io.streamling.benchmarks;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic vocabulary of distinct lower-case words with a skewed (Zipf, exponent 1)
 * frequency: the word of rank r is drawn with probability proportional to 1/r, so a few words
 * are very hot keys and most are rare, as in natural text.
 */
public final class Vocabulary {

    private static final int MIN_LENGTH = 3;
    private static final int MAX_LENGTH = 9;

    private final String[] words;
    private final double[] cumulative;
    private final Map<String, Integer> ranks;

    private Vocabulary(String[] words) {
        this.words = words;
        this.cumulative = new double[words.length];
        double total = 0;
        for (int rank = 0; rank < words.length; rank++) {
            total += 1.0 / (rank + 1);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < words.length; rank++) {
            cumulative[rank] /= total;
        }
        this.ranks = new HashMap<>(words.length * 2);
        for (int rank = 0; rank < words.length; rank++) {
            ranks.put(words[rank], rank);
        }
    }

    /** {@code size} distinct words of 3 to 9 letters, the same for the same seed. */
    public static Vocabulary of(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("vocabulary size must be positive, got " + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> distinct = new LinkedHashSet<>();
        // bounded: 26^3 three-letter words alone exceed any size used here, so collisions are rare
        for (int attempt = 0; distinct.size() < size && attempt < size * 100; attempt++) {
            int length = random.nextInt(MIN_LENGTH, MAX_LENGTH + 1);
            char[] letters = new char[length];
            for (int i = 0; i < length; i++) {
                letters[i] = (char) ('a' + random.nextInt(26));
            }
            distinct.add(new String(letters));
        }
        if (distinct.size() < size) {
            throw new IllegalStateException("could not draw " + size + " distinct words");
        }
        return new Vocabulary(distinct.toArray(new String[0]));
    }

    /** A word drawn with the skewed distribution. */
    public String draw(SplittableRandom random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        int rank = index >= 0 ? index : -index - 1;
        return words[Math.min(rank, words.length - 1)];
    }

    /** The rank of {@code word} (0 is the most frequent), or -1 when it is not in the vocabulary. */
    public int rank(String word) {
        Integer rank = ranks.get(word);
        return rank == null ? -1 : rank;
    }

    /** The word of this rank. */
    public String word(int rank) {
        return words[rank];
    }

    /** The number of words. */
    public int size() {
        return words.length;
    }

    /** All words, most frequent first. */
    public List<String> words() {
        return List.of(words);
    }
}
