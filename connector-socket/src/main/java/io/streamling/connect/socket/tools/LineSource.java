package io.streamling.connect.socket.tools;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What a {@link LineServer} sends. A replayable source ({@link Text}, {@link Generated}) gives every
 * client the whole sequence from its first line; a {@link Stream} (standard input) can be read only
 * once, so its lines are broadcast to the clients connected when each line arrives.
 */
sealed interface LineSource {

    /** @return a short description for the "Serving ..." message */
    String describe();

    /** A fixed list of lines, replayed to every client. */
    record Text(List<byte[]> lines, String describe) implements LineSource {
        Iterator<byte[]> iterator() {
            return lines.iterator();
        }
    }

    /**
     * Generated lines {@code 1 .. count} ({@code count <= 0}: without end), each the line number padded
     * with {@code ' x...'} to {@code lineLength} bytes; every client gets its own sequence.
     */
    record Generated(long count, int lineLength) implements LineSource {
        @Override
        public String describe() {
            return (count > 0 ? count : "endless") + " generated lines of " + lineLength + " bytes";
        }

        Iterator<byte[]> iterator() {
            return new Iterator<>() {
                private long next = 1;

                @Override
                public boolean hasNext() {
                    return count <= 0 || next <= count;
                }

                @Override
                public byte[] next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return line(next++, lineLength);
                }
            };
        }

        /** @return line {@code n} as the generator writes it (without the newline) */
        static byte[] line(long n, int lineLength) {
            byte[] number = Long.toString(n).getBytes(StandardCharsets.US_ASCII);
            if (lineLength <= number.length + 1) {
                return number;
            }
            byte[] line = new byte[lineLength];
            System.arraycopy(number, 0, line, 0, number.length);
            line[number.length] = ' ';
            Arrays.fill(line, number.length + 1, lineLength, (byte) 'x');
            return line;
        }
    }

    /** Lines read once from a stream (e.g. standard input) and broadcast. */
    record Stream(InputStream in, String describe) implements LineSource {
    }

    /** Splits on '\n', keeping every other byte (including '\r'); a trailing '\n' does not add an empty line. */
    static List<byte[]> splitLines(byte[] content) {
        List<byte[]> result = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                result.add(Arrays.copyOfRange(content, start, i));
                start = i + 1;
            }
        }
        if (start < content.length) {
            result.add(Arrays.copyOfRange(content, start, content.length));
        }
        return result;
    }

    /** Reads lines (without '\n') from a stream, byte for byte. */
    final class StreamLines {
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        StreamLines(InputStream in) {
            this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
        }

        /** @return the next line, or null at end of stream (an unterminated last line is returned first) */
        byte[] next() throws IOException {
            line.reset();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    return line.toByteArray();
                }
                line.write(b);
            }
            return line.size() > 0 ? line.toByteArray() : null;
        }

        /** @return whether more bytes can be read without blocking (if not, flush what was sent) */
        boolean moreAvailable() throws IOException {
            return in.available() > 0;
        }
    }
}
