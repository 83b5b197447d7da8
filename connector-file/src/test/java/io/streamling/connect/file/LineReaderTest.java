package io.streamling.connect.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {

    @TempDir
    Path dir;

    @Test
    void shouldSplitOnLfCrLfAndLoneCr() throws IOException {
        // given
        Path file = write("a\nb\r\nc\rd".getBytes(UTF_8));

        // when
        List<LineReader.Line> lines = readAll(file, 0);

        // then
        assertThat(lines).containsExactly(
                new LineReader.Line("a", 2), new LineReader.Line("b", 5),
                new LineReader.Line("c", 7), new LineReader.Line("d", 8));
    }

    @Test
    void shouldKeepEmptyLines() throws IOException {
        // given
        Path file = write("\n\nx\n".getBytes(UTF_8));

        // when
        List<LineReader.Line> lines = readAll(file, 0);

        // then
        assertThat(lines).containsExactly(
                new LineReader.Line("", 1), new LineReader.Line("", 2), new LineReader.Line("x", 4));
    }

    @Test
    void shouldHandleCrLfSplitAcrossReadBuffers() throws IOException {
        // given: the \r is the last byte of the first 64 KiB buffer, the \n the first of the next
        String longLine = "a".repeat(64 * 1024 - 1);
        Path file = write((longLine + "\r\nnext\n").getBytes(UTF_8));

        // when
        List<LineReader.Line> lines = readAll(file, 0);

        // then
        assertThat(lines).containsExactly(
                new LineReader.Line(longLine, 64 * 1024 + 1), new LineReader.Line("next", 64 * 1024 + 6));
    }

    @Test
    void shouldReadLinesLongerThanTheReadBuffer() throws IOException {
        // given
        String huge = "\u00e9".repeat(100_000); // 200,000 bytes
        Path file = write((huge + "\nend").getBytes(UTF_8));

        // when
        List<LineReader.Line> lines = readAll(file, 0);

        // then
        assertThat(lines).containsExactly(new LineReader.Line(huge, 200_001), new LineReader.Line("end", 200_004));
    }

    @Test
    void shouldSkipUtf8ByteOrderMarkAtStartOfFile() throws IOException {
        // given
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("x\ny\n".getBytes(UTF_8));
        Path file = write(bytes.toByteArray());

        // when
        List<LineReader.Line> lines = readAll(file, 0);

        // then
        assertThat(lines).containsExactly(new LineReader.Line("x", 5), new LineReader.Line("y", 7));
    }

    @Test
    void shouldStartAtAGivenBytePosition() throws IOException {
        // given
        Path file = write("first\nsecond\nthird\n".getBytes(UTF_8));

        // when
        List<LineReader.Line> lines = readAll(file, 6);

        // then
        assertThat(lines).containsExactly(new LineReader.Line("second", 13), new LineReader.Line("third", 19));
    }

    @Test
    void shouldSplitUtf16LinesOnWholeCodeUnitsWithBytePositions() throws IOException {
        // given: in UTF-16LE "\u0a0d" is the bytes 0D 0A, which must not be taken for a line break
        Path file = write("\u03b1\r\n\u0a0d\n\u03b2".getBytes(StandardCharsets.UTF_16LE));
        LineCharset charset = LineCharset.of(StandardCharsets.UTF_16LE).orElseThrow();

        // when
        List<LineReader.Line> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(FileInput.open(file, 0, false), 0, charset, 1000)) {
            for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }

        // then
        assertThat(lines).containsExactly(new LineReader.Line("\u03b1", 6), new LineReader.Line("\u0a0d", 10),
                new LineReader.Line("\u03b2", 12));
    }

    @Test
    void shouldDropAUtf16ByteOrderMark() throws IOException {
        // given
        Path file = write("\ufeffx\ny".getBytes(StandardCharsets.UTF_16BE));
        LineCharset charset = LineCharset.of(StandardCharsets.UTF_16BE).orElseThrow();

        // when
        try (LineReader reader = new LineReader(FileInput.open(file, 0, false), 0, charset, 1000)) {
            // then
            assertThat(reader.next()).isEqualTo(new LineReader.Line("x", 6));
            assertThat(reader.next()).isEqualTo(new LineReader.Line("y", 8));
        }
    }

    @Test
    void shouldKeepAtMostMaxBytesOfALongLineAndCutAtACharacterBoundary() throws IOException {
        // given: seven 2-byte characters, a limit of 5 bytes
        Path file = write(("\u00e9".repeat(7) + "\nnext\n").getBytes(UTF_8));
        LineCharset charset = LineCharset.of(UTF_8).orElseThrow();

        // when
        try (LineReader reader = new LineReader(FileInput.open(file, 0, false), 0, charset, 5)) {
            LineReader.Line first = reader.next();

            // then: two whole characters, the line's full length known, the next line intact
            assertThat(first).isEqualTo(new LineReader.Line("\u00e9\u00e9", 15));
            assertThat(reader.lastLineTooLong()).isTrue();
            assertThat(reader.lastLineBytes()).isEqualTo(14);
            assertThat(reader.next()).isEqualTo(new LineReader.Line("next", 20));
            assertThat(reader.lastLineTooLong()).isFalse();
        }
    }

    @Test
    void shouldReadLinesOfAGzipFileAtUncompressedPositions() throws IOException {
        // given
        Path file = write(TaskFixture.gzip("one\ntwo\nthree\n"));

        // when
        try (LineReader reader = new LineReader(FileInput.open(file, 4, true), 4,
                LineCharset.of(UTF_8).orElseThrow(), 1000)) {
            // then
            assertThat(reader.next()).isEqualTo(new LineReader.Line("two", 8));
            assertThat(reader.next()).isEqualTo(new LineReader.Line("three", 14));
            assertThat(reader.next()).isNull();
        }
    }

    private Path write(byte[] content) throws IOException {
        Path file = dir.resolve("input.txt");
        Files.write(file, content);
        return file;
    }

    private static List<LineReader.Line> readAll(Path file, long start) throws IOException {
        List<LineReader.Line> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(file, start)) {
            for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
            assertThat(reader.position()).isEqualTo(Files.size(file));
        }
        return lines;
    }
}
