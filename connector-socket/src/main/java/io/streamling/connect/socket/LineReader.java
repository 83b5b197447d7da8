package io.streamling.connect.socket;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Frames a byte stream into newline-delimited lines; owned by one thread.
 *
 * <p>Why bytes, not characters: lines are split on the byte {@code 0x0A} <em>before</em> decoding
 * ({@link LineDecoder}), so an invalid byte sequence can never swallow the newline that follows it
 * and the next line is always intact.
 *
 * <p>A line ends at {@code \n}; one trailing {@code \r} is removed as well. A line longer than
 * {@code maxBytes} (terminator excluded) is handed over cut to {@code maxBytes} bytes with
 * {@code tooLong} set, and the rest of it is read and discarded up to the next {@code \n}: memory per
 * connection stays at {@code maxBytes} whatever the peer sends. With {@code failFast} the reader
 * throws {@link FrameTooLongException} as soon as the limit is passed instead. At end of stream an
 * unterminated last line is handed over like any other (as {@code BufferedReader.readLine} and
 * Spark's socket receiver do).
 */
final class LineReader implements FrameReader {

    private static final int READ_CHUNK = 32 * 1024;

    private final InputStream in;
    private final int maxBytes;
    private final boolean failFast;
    private final Object source;

    private final byte[] chunk = new byte[READ_CHUNK];
    private int chunkPos;
    private int chunkLimit;

    /** A line spanning reads; holds up to maxBytes + 1 bytes so a trailing '\r' of a maximal line fits. */
    private byte[] line;
    private int lineLen;
    private boolean overflow;

    /**
     * @param in       the stream to read; not closed by this class
     * @param maxBytes maximum bytes kept per line, >= 1
     * @param failFast throw instead of truncating when a line passes {@code maxBytes}
     * @param source   names the peer in error messages
     */
    LineReader(InputStream in, int maxBytes, boolean failFast, Object source) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
        }
        this.in = in;
        this.maxBytes = maxBytes;
        this.failFast = failFast;
        this.source = source;
        this.line = new byte[Math.min(256, maxBytes + 1)];
    }

    @Override
    public boolean next(FrameSink sink) throws IOException, InterruptedException {
        lineLen = 0;
        overflow = false;
        while (true) {
            if (chunkPos == chunkLimit) {
                int n = in.read(chunk, 0, chunk.length);
                if (n < 0) {
                    if (lineLen == 0 && !overflow) {
                        return false;
                    }
                    emit(sink, line, 0, lineLen, overflow);
                    return true;
                }
                chunkPos = 0;
                chunkLimit = n;
            }
            int newline = indexOfNewline(chunkPos, chunkLimit);
            if (newline >= 0 && lineLen == 0 && !overflow) {
                // the usual case: the whole line is in this chunk; no copy
                int start = chunkPos;
                chunkPos = newline + 1;
                emit(sink, chunk, start, newline - start, false);
                return true;
            }
            int end = newline < 0 ? chunkLimit : newline;
            append(chunkPos, end - chunkPos);
            if (newline >= 0) {
                chunkPos = newline + 1;
                emit(sink, line, 0, lineLen, overflow);
                return true;
            }
            chunkPos = chunkLimit;
        }
    }

    @Override
    public boolean hasBufferedInput() {
        return chunkPos < chunkLimit;
    }

    private int indexOfNewline(int from, int to) {
        byte[] c = chunk;
        for (int i = from; i < to; i++) {
            if (c[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int length) {
        int room = maxBytes + 1 - lineLen;
        int n = length;
        if (n > room) {
            overflow = true;
            failIfFailFast();
            n = room;
        }
        if (n == 0) {
            return;
        }
        if (lineLen + n > line.length) {
            int newSize = (int) Math.min((long) maxBytes + 1, Math.max((long) line.length * 2, (long) lineLen + n));
            line = Arrays.copyOf(line, newSize);
        }
        System.arraycopy(chunk, from, line, lineLen, n);
        lineLen += n;
    }

    private void emit(FrameSink sink, byte[] buf, int off, int len, boolean overflowed) throws InterruptedException {
        int length = len;
        boolean tooLong;
        if (overflowed) {
            // bytes were thrown away, so the line was longer than maxBytes whatever its last byte is
            length = maxBytes;
            tooLong = true;
        } else {
            if (length > 0 && buf[off + length - 1] == '\r') {
                length--;
            }
            tooLong = length > maxBytes;
            if (tooLong) {
                failIfFailFast();
                length = maxBytes;
            }
        }
        sink.frame(buf, off, length, tooLong);
    }

    private void failIfFailFast() {
        if (failFast) {
            throw new FrameTooLongException("Line from " + source + " is longer than " + maxBytes + " bytes ("
                + SocketSourceConfig.LINE_MAX_BYTES + "), and " + SocketSourceConfig.LINE_TOO_LONG_POLICY + "=fail");
        }
    }
}
