package io.streamling.connect.file;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the next {@code \n} or {@code \r} byte, eight bytes at a time.
 *
 * <p>Why: looking for the end of each line was the largest part of the task's own time in a
 * profile of the worker's task thread (lines of about 40 bytes). The word-at-a-time test is the
 * usual "has a zero byte" trick on {@code word ^ repeated(terminator)}: it can flag a byte that is
 * not a terminator only above (after) a real one, so the lowest flagged byte of a little-endian
 * word is always exact.
 */
final class LineTerminators {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LINE_FEEDS = ONES * '\n';
    private static final long CARRIAGE_RETURNS = ONES * '\r';

    private LineTerminators() {
    }

    /**
     * Returns the index of the first {@code \n} or {@code \r} in {@code bytes[from, to)}, or
     * {@code to} when there is none.
     *
     * @param bytes the bytes
     * @param from  first index to look at
     * @param to    index after the last one to look at
     * @return the index of the first terminator byte, or {@code to}
     */
    static int indexOf(byte[] bytes, int from, int to) {
        int i = from;
        while (i <= to - Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long found = zeroBytes(word ^ LINE_FEEDS) | zeroBytes(word ^ CARRIAGE_RETURNS);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += Long.BYTES;
        }
        while (i < to) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                return i;
            }
            i++;
        }
        return to;
    }

    /** The high bit of each byte that is zero (exact up to the lowest one; see the class comment). */
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGHS;
    }
}
