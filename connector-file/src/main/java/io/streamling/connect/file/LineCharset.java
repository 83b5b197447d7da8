package io.streamling.connect.file;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Optional;

/**
 * How line terminators look in a charset's bytes, so that {@link LineReader} can split lines
 * before decoding and know the exact byte position of each line.
 *
 * <p>Splitting on bytes is exact when {@code \n} and {@code \r} are single code units that never
 * occur inside another character's encoding: true of UTF-8 and the ASCII-compatible charsets, and
 * of UTF-16 and UTF-32 read in units of 2 or 4 bytes with a known byte order.
 *
 * @param unit      bytes per code unit: 1, 2 or 4
 * @param bigEndian byte order of multi-byte units
 * @param charset   the charset lines are decoded with
 */
record LineCharset(int unit, boolean bigEndian, Charset charset) {

    /**
     * Works out the code unit of a charset.
     *
     * @param charset the charset
     * @return its line layout, or empty when lines cannot be split at byte level (e.g. "UTF-16" with
     *     a byte order mark, EBCDIC)
     */
    static Optional<LineCharset> of(Charset charset) {
        if (!charset.canEncode()) {
            return Optional.empty();
        }
        byte[] lf = "\n".getBytes(charset);
        byte[] cr = "\r".getBytes(charset);
        if (Arrays.equals(lf, new byte[] {'\n'}) && Arrays.equals(cr, new byte[] {'\r'})) {
            return Optional.of(new LineCharset(1, true, charset));
        }
        for (int unit : new int[] {2, 4}) {
            if (lf.length == unit && cr.length == unit) {
                if (isUnit(lf, '\n', true) && isUnit(cr, '\r', true)) {
                    return Optional.of(new LineCharset(unit, true, charset));
                }
                if (isUnit(lf, '\n', false) && isUnit(cr, '\r', false)) {
                    return Optional.of(new LineCharset(unit, false, charset));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isUnit(byte[] bytes, char c, boolean bigEndian) {
        for (int i = 0; i < bytes.length; i++) {
            int expected = bigEndian ? (i == bytes.length - 1 ? c : 0) : (i == 0 ? c : 0);
            if (bytes[i] != expected) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the line-terminator character a code unit stands for.
     *
     * @param bytes  the buffer
     * @param offset the unit's first byte
     * @return {@code '\n'}, {@code '\r'}, or 0 for any other unit
     */
    int terminatorAt(byte[] bytes, int offset) {
        if (unit == 1) {
            byte b = bytes[offset];
            return b == '\n' || b == '\r' ? b : 0;
        }
        int low = bigEndian ? offset + unit - 1 : offset;
        byte b = bytes[low];
        if (b != '\n' && b != '\r') {
            return 0;
        }
        for (int i = offset; i < offset + unit; i++) {
            if (i != low && bytes[i] != 0) {
                return 0;
            }
        }
        return b;
    }
}
