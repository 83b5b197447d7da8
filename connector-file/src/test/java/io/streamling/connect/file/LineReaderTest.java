package io.streamling.connect.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
