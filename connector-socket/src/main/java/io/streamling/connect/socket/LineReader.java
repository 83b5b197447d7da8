package io.streamling.connect.socket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Frames a byte stream into lines and decodes them; owned by one thread.
 *
 * <p>Why bytes first, characters second: lines are split on the byte {@code 0x0A} <em>before</em>
 * decoding, so an invalid byte sequence can never swallow the newline that follows it and the next
 * line is always intact. Each line is then decoded on its own with
 * {@link CodingErrorAction#REPLACE}: invalid bytes become U+FFFD and the rest of the line survives.
 *
 * <p>A line ends at {@code \n}; one trailing {@code \r} is removed as well. A line longer than
 * {@code maxBytes} (terminator excluded) is cut to {@code maxBytes} bytes and the rest is discarded
 * up to the next {@code \n}; {@link #lastLineTruncated()} reports it. At end of stream an unterminated
 * last line is returned like any other (as {@code BufferedReader.readLine} and Spark's socket
 * receiver do).
 */
final class LineReader {

    private static final int READ_CHUNK = 8192;

    private final InputStream in;
    private final int maxBytes;
    private final CharsetDecoder decoder;
    private final LongConsumer onBytesRead;

    private final byte[] chunk = new byte[READ_CHUNK];
    private int chunkPos;
    private int chunkLimit;

    /** Current line; holds up to maxBytes + 1 bytes so a trailing '\r' of a maximal line still fits. */
    private byte[] line;
    private int lineLen;
    private boolean discarded;
    private boolean lastTruncated;

    /**
     * @param in          the stream to read; not closed by this class
     * @param maxBytes    maximum bytes kept per line, >= 1
     * @param charset     an ASCII-compatible charset (see {@link SocketSourceConfig#SOCKET_CHARSET})
     * @param onBytesRead told how many raw bytes each read from {@code in} returned (for counters)
     */
    LineReader(InputStream in, int maxBytes, Charset charset, LongConsumer onBytesRead) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
        }
        this.in = in;
        this.maxBytes = maxBytes;
        this.decoder = charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.onBytesRead = onBytesRead;
        this.line = new byte[Math.min(256, maxBytes + 1)];
    }

    /**
     * Blocks until a full line (or end of stream) arrives.
     *
     * @return the decoded line without its terminator, or {@code null} at end of stream
     * @throws IOException if reading fails (e.g. the socket was reset or closed by {@code stop()})
     */
    String readLine() throws IOException {
        lineLen = 0;
        discarded = false;
        while (true) {
            if (chunkPos == chunkLimit) {
                int n = in.read(chunk, 0, chunk.length);
                if (n < 0) {
                    return lineLen > 0 || discarded ? finishLine() : null;
                }
                onBytesRead.accept(n);
                chunkPos = 0;
                chunkLimit = n;
            }
            int newline = indexOfNewline(chunkPos, chunkLimit);
            int end = newline < 0 ? chunkLimit : newline;
            append(chunkPos, end - chunkPos);
            if (newline >= 0) {
                chunkPos = newline + 1;
                return finishLine();
            }
            chunkPos = chunkLimit;
        }
    }

    /** @return whether the line last returned by {@link #readLine()} was cut to {@code maxBytes} */
    boolean lastLineTruncated() {
        return lastTruncated;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int length) {
        int room = maxBytes + 1 - lineLen;
        int n = length;
        if (n > room) {
            discarded = true;
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

    private String finishLine() throws CharacterCodingException {
        int len = lineLen;
        if (discarded) {
            // bytes were thrown away, so the line was longer than maxBytes whatever its last byte is
            len = maxBytes;
            lastTruncated = true;
        } else {
            if (len > 0 && line[len - 1] == '\r') {
                len--;
            }
            lastTruncated = len > maxBytes;
            len = Math.min(len, maxBytes);
        }
        // REPLACE never throws; decode() resets the decoder and flushes it, so lines are independent
        return decoder.decode(ByteBuffer.wrap(line, 0, len)).toString();
    }
}
