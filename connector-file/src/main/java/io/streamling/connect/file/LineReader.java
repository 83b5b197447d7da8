package io.streamling.connect.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads UTF-8 text lines from a file, streaming, and tracks the exact byte position after each
 * line so that reading can resume there.
 *
 * <p>Lines end with {@code \n}, {@code \r\n} or a lone {@code \r} (as Hadoop's and so Spark's line
 * reader); the terminator is not part of the line. A last line without terminator is returned at
 * end of file. A UTF-8 byte order mark at the start of the file is skipped. Invalid UTF-8 is
 * replaced with U+FFFD; since {@code \n} and {@code \r} never occur inside a UTF-8 multi-byte
 * sequence, splitting on bytes before decoding keeps every other line intact.
 *
 * <p>Memory use is one fixed read buffer plus the current line. Not thread-safe.
 */
final class LineReader implements Closeable {

    /** One line and the byte position just after it (after its terminator). */
    record Line(String text, long endPosition) {
    }

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int INITIAL_LINE_CAPACITY = 256;
    /** A line buffer grown beyond this by a long line is released after that line. */
    private static final int RETAINED_LINE_CAPACITY = 1024 * 1024;
    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] line = new byte[INITIAL_LINE_CAPACITY];
    private int lineLength;
    private long position;
    private boolean eof;

    /**
     * Opens a file for reading at a byte position.
     *
     * @param file          the file
     * @param startPosition where to start: 0, or the position after a previously returned line
     * @throws IOException if the file cannot be opened or positioned
     */
    LineReader(Path file, long startPosition) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(startPosition);
            this.position = startPosition;
            buffer.flip(); // empty, in read mode
            if (startPosition == 0) {
                skipByteOrderMark();
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Returns the byte position after the last returned line (where reading would resume).
     *
     * @return the current byte position
     */
    long position() {
        return position;
    }

    /**
     * Reads the next line.
     *
     * @return the line, or {@code null} at end of file
     * @throws IOException if reading fails
     */
    Line next() throws IOException {
        lineLength = 0;
        long consumed = 0;
        while (true) {
            if (!buffer.hasRemaining() && !fill()) {
                break; // end of file
            }
            byte[] bytes = buffer.array();
            int start = buffer.position();
            int limit = buffer.limit();
            int i = start;
            while (i < limit && bytes[i] != LF && bytes[i] != CR) {
                i++;
            }
            append(bytes, start, i - start);
            consumed += i - start;
            if (i == limit) {
                buffer.position(limit);
                continue;
            }
            byte terminator = bytes[i];
            buffer.position(i + 1);
            consumed++;
            if (terminator == CR && (buffer.hasRemaining() || fill()) && buffer.get(buffer.position()) == LF) {
                buffer.get();
                consumed++;
            }
            return emit(consumed);
        }
        return consumed == 0 ? null : emit(consumed);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private Line emit(long consumed) throws CharacterCodingException {
        position += consumed;
        decoder.reset();
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(line, 0, lineLength));
        if (line.length > RETAINED_LINE_CAPACITY) {
            line = new byte[INITIAL_LINE_CAPACITY];
        }
        return new Line(chars.toString(), position);
    }

    /** Refills the (fully consumed) buffer; returns false at end of file. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        buffer.clear();
        int read;
        do {
            read = channel.read(buffer);
        } while (read == 0);
        buffer.flip();
        if (read < 0) {
            eof = true;
            return false;
        }
        return true;
    }

    private void skipByteOrderMark() throws IOException {
        // the BOM is 3 bytes; a file shorter than that or a short read cannot start with one worth skipping
        if (fill() && buffer.remaining() >= 3
                && buffer.get(0) == (byte) 0xEF && buffer.get(1) == (byte) 0xBB && buffer.get(2) == (byte) 0xBF) {
            buffer.position(3);
            position = 3;
        }
    }

    private void append(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(lineLength + length, line.length * 2));
        }
        System.arraycopy(bytes, offset, line, lineLength, length);
        lineLength += length;
    }
}
