package io.streamling.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * An order-independent checksum of a multiset of facts: the sum (mod 2^64) of a well-mixed 64-bit
 * hash of each fact. Two outputs written in different orders, by different partitions, give the
 * same checksum exactly when they hold the same facts (up to hash collisions).
 */
public final class Checksum {

    private long sum;
    private long count;

    /** Adds the fact {@code (time, text, value)}. */
    public void add(long time, String text, long value) {
        sum += of(time, text, value);
        count++;
    }

    /** Removes a fact added before (to replace a key's value). */
    public void remove(long time, String text, long value) {
        sum -= of(time, text, value);
        count--;
    }

    /** The checksum so far. */
    public long value() {
        return sum;
    }

    /** The number of facts in it. */
    public long count() {
        return count;
    }

    /** The checksum as 16 hex digits. */
    public String hex() {
        return String.format("%016x", sum);
    }

    /** The hash of one fact. */
    static long of(long time, String text, long value) {
        long h = 0x9E3779B97F4A7C15L;
        h = mix(h ^ time);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x100000001B3L;
        }
        h = mix(h ^ bytes.length);
        return mix(h ^ value);
    }

    /** SplitMix64's finaliser: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
