package io.streamling.connect.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads text lines from a byte channel, streaming, and tracks the exact byte position after each
 * line so that reading can resume there.
 *
 * <p>Lines end with {@code \n}, {@code \r\n} or a lone {@code \r} (as Hadoop's and so Spark's line
 * reader); the terminator is not part of the line. A last line without terminator is returned at
 * end of input. Lines are split on bytes (code units, see {@link LineCharset}) before decoding, so
 * a line's bytes are exact whatever the charset; bytes invalid in the charset are replaced with
 * U+FFFD and never affect the next line. A byte order mark at the start of the input is dropped.
 *
 * <p>Memory use is one fixed read buffer plus the current line, and the line buffer never holds
 * more than {@code maxLineBytes}: a longer line is consumed to its end, counted, and returned
 * truncated with {@link #lastLineTooLong()} set, so the caller can apply its policy. Not thread-safe.
 */
final class LineReader implements Closeable {

    /**
     * One line and the byte position just after it (after its terminator).
     *
     * @param text        the decoded line (truncated at a character boundary when too long)
     * @param endPosition the byte position after the line's terminator
     */
    record Line(String text, long endPosition) {
    }

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int INITIAL_LINE_CAPACITY = 256;
    /** A line buffer grown beyond this by a long line is released after that line. */
    private static final int RETAINED_LINE_CAPACITY = 1024 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final ReadableByteChannel channel;
    private final LineCharset lineCharset;
    private final int maxLineBytes;
    private final boolean atStartOfInput;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    private byte[] line = new byte[INITIAL_LINE_CAPACITY];
    private int lineLength;
    private long lineBytes;
    private long lineStart;
    private long position;
    private long linesRead;
    private boolean eof;

    /**
     * Opens a UTF-8 file for reading at a byte position, without a line length limit.
     *
     * @param file          the file
     * @param startPosition where to start: 0, or the position after a previously returned line
     * @throws IOException if the file cannot be opened or positioned
     */
    LineReader(Path file, long startPosition) throws IOException {
        this(openAt(file, startPosition), startPosition,
                LineCharset.of(StandardCharsets.UTF_8).orElseThrow(), Integer.MAX_VALUE - 16);
    }

    /**
     * Reads lines from a channel already positioned at {@code startPosition}.
     *
     * @param channel       the input; closed by {@link #close()}
     * @param startPosition the byte position the channel is at: 0, or after a previously returned line
     * @param lineCharset   how lines are split and decoded
     * @param maxLineBytes  the most bytes of one line kept in memory
     */
    LineReader(ReadableByteChannel channel, long startPosition, LineCharset lineCharset, int maxLineBytes) {
        this.channel = channel;
        this.lineCharset = lineCharset;
        this.maxLineBytes = maxLineBytes;
        this.position = startPosition;
        this.atStartOfInput = startPosition == 0;
        buffer.flip(); // empty, in read mode
    }

    private static FileChannel openAt(Path file, long position) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(position);
            return channel;
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

    /** @return the byte position where the last returned line starts */
    long lastLineStart() {
        return lineStart;
    }

    /** @return the length in bytes of the last returned line, without terminator and before any truncation */
    long lastLineBytes() {
        return lineBytes;
    }

    /** @return whether the last returned line was longer than {@code maxLineBytes} (and so truncated) */
    boolean lastLineTooLong() {
        return lineBytes > maxLineBytes;
    }

    /** @return how many lines were returned so far */
    long linesRead() {
        return linesRead;
    }

    /**
     * Reads the next line.
     *
     * @return the line, or {@code null} at end of input
     * @throws IOException if reading fails
     */
    Line next() throws IOException {
        lineLength = 0;
        lineBytes = 0;
        lineStart = position;
        long consumed = 0;
        int unit = lineCharset.unit();
        while (true) {
            if (buffer.remaining() < unit && !fill()) {
                consumed += appendRest(); // a partial code unit at the very end belongs to the last line
                break;
            }
            if (buffer.remaining() < unit) {
                continue;
            }
            byte[] bytes = buffer.array();
            int start = buffer.position();
            int end = start + buffer.remaining() / unit * unit;
            int i = start;
            int terminator = 0;
            if (unit == 1) {
                // the hot loop of the common case: single-byte code units, eight at a time
                i = LineTerminators.indexOf(bytes, start, end);
                if (i < end) {
                    terminator = bytes[i];
                }
            } else {
                while (i < end && (terminator = lineCharset.terminatorAt(bytes, i)) == 0) {
                    i += unit;
                }
            }
            if (terminator != 0 && lineBytes == 0 && i - start <= maxLineBytes) {
                // the whole line is in the read buffer: decode it there, without copying it first
                String text = new String(bytes, start, i - start, lineCharset.charset());
                lineBytes = i - start;
                buffer.position(i + unit);
                consumed += i - start + unit;
                if (terminator == '\r' && nextUnitIsLineFeed()) {
                    buffer.position(buffer.position() + unit);
                    consumed += unit;
                }
                return emit(consumed, text);
            }
            append(bytes, start, i - start);
            consumed += i - start;
            if (terminator == 0) {
                buffer.position(end);
                continue;
            }
            buffer.position(i + unit);
            consumed += unit;
            if (terminator == '\r' && nextUnitIsLineFeed()) {
                buffer.position(buffer.position() + unit);
                consumed += unit;
            }
            return emit(consumed, null);
        }
        return consumed == 0 ? null : emit(consumed, null);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private boolean nextUnitIsLineFeed() throws IOException {
        int unit = lineCharset.unit();
        while (buffer.remaining() < unit) {
            if (!fill()) {
                return false;
            }
        }
        return lineCharset.terminatorAt(buffer.array(), buffer.position()) == '\n';
    }

    private int appendRest() {
        int rest = buffer.remaining();
        append(buffer.array(), buffer.position(), rest);
        buffer.position(buffer.limit());
        return rest;
    }

    /** Completes a line: {@code decoded} when decoded in place, else decoded from the line buffer. */
    private Line emit(long consumed, String decoded) {
        position += consumed;
        String text = decoded != null ? decoded
                : lastLineTooLong() ? decodeWholeCharacters() : new String(line, 0, lineLength, lineCharset.charset());
        if (linesRead == 0 && atStartOfInput && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        linesRead++;
        if (line.length > RETAINED_LINE_CAPACITY) {
            line = new byte[INITIAL_LINE_CAPACITY];
        }
        return new Line(text, position);
    }

    /** Decodes a truncated line, dropping a character cut in half at the end rather than replacing it. */
    private String decodeWholeCharacters() {
        CharsetDecoder decoder = lineCharset.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(lineLength * (double) decoder.maxCharsPerByte()) + 1);
        // endOfInput=false leaves an incomplete trailing sequence undecoded instead of replacing it
        decoder.decode(ByteBuffer.wrap(line, 0, lineLength), out, false);
        return out.flip().toString();
    }

    /** Refills the buffer, keeping an incomplete code unit; returns false at end of input. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        buffer.compact();
        int read;
        do {
            read = channel.read(buffer);
        } while (read == 0 && buffer.hasRemaining());
        buffer.flip();
        if (read < 0) {
            eof = true;
            return false;
        }
        return true;
    }

    private void append(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        lineBytes += length;
        int kept = Math.min(length, maxLineBytes - lineLength);
        if (kept <= 0) {
            return; // past the limit: only counted
        }
        if (lineLength + kept > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(lineLength + kept, line.length * 2L)));
        }
        System.arraycopy(bytes, offset, line, lineLength, kept);
        lineLength += kept;
    }
}
