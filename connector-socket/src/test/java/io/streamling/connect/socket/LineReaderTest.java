package io.streamling.connect.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LineReaderTest {

    private final AtomicLong bytes = new AtomicLong();

    private List<String> readAll(byte[] input, int maxBytes) throws IOException {
        return readAll(new ByteArrayInputStream(input), maxBytes);
    }

    private List<String> readAll(InputStream in, int maxBytes) throws IOException {
        LineReader reader = new LineReader(in, maxBytes, StandardCharsets.UTF_8, bytes::addAndGet);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line + (reader.lastLineTruncated() ? "<truncated>" : ""));
        }
        return lines;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldSplitOnNewlineAndStripOneTrailingCarriageReturn() throws IOException {
        assertThat(readAll(utf8("a\r\nb\nc\r\r\n\n"), 100)).containsExactly("a", "b", "c\r", "");
        assertThat(bytes.get()).isEqualTo(10);
    }

    @Test
    void shouldReturnUnterminatedLastLineAtEndOfStream() throws IOException {
        assertThat(readAll(utf8("first\nlast"), 100)).containsExactly("first", "last");
    }

    @Test
    void shouldReturnNothingForEmptyStream() throws IOException {
        assertThat(readAll(new byte[0], 100)).isEmpty();
    }

    @Test
    void shouldReplaceInvalidUtf8BytesAndKeepNextLine() throws IOException {
        // given: 0xC3 0x28 is a broken two-byte sequence, 0xFF never occurs in UTF-8
        byte[] input = {'a', (byte) 0xC3, 0x28, 'b', '\n', (byte) 0xFF, '\n', 'n', 'e', 'x', 't', '\n'};

        // when / then
        assertThat(readAll(input, 100)).containsExactly("a\uFFFD(b", "\uFFFD", "next");
    }

    @Test
    void shouldKeepIncompleteMultiByteSequenceFromEatingTheNewline() throws IOException {
        // 0xE2 0x82 starts a three-byte sequence that the newline interrupts
        byte[] input = {'x', (byte) 0xE2, (byte) 0x82, '\n', 'y', '\n'};

        assertThat(readAll(input, 100)).containsExactly("x\uFFFD", "y");
    }

    @Test
    void shouldDecodeValidMultiByteCharactersSplitAcrossReads() throws IOException {
        // given: a stream that returns one byte per read, so "é" arrives in two reads
        byte[] data = utf8("café\nnaïve\n");
        InputStream trickle = new InputStream() {
            private int i;

            @Override
            public int read() {
                return i < data.length ? data[i++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= data.length) {
                    return -1;
                }
                b[off] = data[i++];
                return 1;
            }
        };

        assertThat(readAll(trickle, 100)).containsExactly("café", "naïve");
    }

    @Test
    void shouldTruncateOverlongLineAndResumeAtNextLine() throws IOException {
        assertThat(readAll(utf8("0123456789ABCDEF\nshort\n"), 10))
            .containsExactly("0123456789<truncated>", "short");
    }

    @Test
    void shouldNotTreatLineOfExactlyMaxBytesWithCrLfAsTruncated() throws IOException {
        assertThat(readAll(utf8("0123456789\r\n01234567890\r\n"), 10))
            .containsExactly("0123456789", "0123456789<truncated>");
    }

    @Test
    void shouldTruncateLineLongerThanOneReadChunk() throws IOException {
        String longLine = "x".repeat(50_000);

        assertThat(readAll(utf8(longLine + "\nafter\n"), 20_000))
            .containsExactly("x".repeat(20_000) + "<truncated>", "after");
    }

    @Test
    void shouldReplaceMultiByteCharacterCutByTruncation() throws IOException {
        // "aé" is 3 bytes; cutting at 2 leaves half of "é"
        assertThat(readAll(utf8("aé\n"), 2)).containsExactly("a\uFFFD<truncated>");
    }
}
