package io.streamling.connect.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private List<String> readAll(byte[] input, int maxBytes) throws Exception {
        return readAll(new ByteArrayInputStream(input), maxBytes);
    }

    /** Decodes every frame as UTF-8 with replacement and marks truncated ones. */
    private List<String> readAll(InputStream in, int maxBytes) throws Exception {
        LineReader reader = new LineReader(new CountingInputStream(in, bytes::addAndGet), maxBytes, false, "test");
        List<String> lines = new ArrayList<>();
        while (reader.next((buf, off, len, tooLong) ->
            lines.add(new String(buf, off, len, StandardCharsets.UTF_8) + (tooLong ? "<truncated>" : "")))) {
            // collected by the sink
        }
        return lines;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenCrLfAndLfLines_whenRead_thenSplitsOnNewlineStripsOneCarriageReturnAndCountsEveryByte() throws Exception {
        assertThat(readAll(utf8("a\r\nb\nc\r\r\n\n"), 100)).containsExactly("a", "b", "c\r", "");
        assertThat(bytes.get()).isEqualTo(10);
    }

    @Test
    void givenUnterminatedLastLine_whenStreamEnds_thenItIsReturned() throws Exception {
        assertThat(readAll(utf8("first\nlast"), 100)).containsExactly("first", "last");
    }

    @Test
    void givenEmptyStream_whenRead_thenNoLines() throws Exception {
        assertThat(readAll(new byte[0], 100)).isEmpty();
    }

    @Test
    void givenInvalidUtf8_whenFramed_thenTheNewlineAfterItStillEndsTheLine() throws Exception {
        // given: 0xC3 0x28 is a broken two-byte sequence, 0xFF never occurs in UTF-8
        byte[] input = {'a', (byte) 0xC3, 0x28, 'b', '\n', (byte) 0xFF, '\n', 'n', 'e', 'x', 't', '\n'};

        // when / then
        assertThat(readAll(input, 100)).containsExactly("a\uFFFD(b", "\uFFFD", "next");
    }

    @Test
    void givenIncompleteMultiByteSequenceBeforeNewline_whenFramed_thenNextLineIsIntact() throws Exception {
        // 0xE2 0x82 starts a three-byte sequence that the newline interrupts
        byte[] input = {'x', (byte) 0xE2, (byte) 0x82, '\n', 'y', '\n'};

        assertThat(readAll(input, 100)).containsExactly("x\uFFFD", "y");
    }

    @Test
    void givenOneBytePerRead_whenFramed_thenMultiByteCharactersSplitAcrossReadsSurvive() throws Exception {
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
    void givenOverlongLine_whenTruncating_thenKeepsMaxBytesAndResumesAtNextLine() throws Exception {
        assertThat(readAll(utf8("0123456789ABCDEF\nshort\n"), 10))
            .containsExactly("0123456789<truncated>", "short");
    }

    @Test
    void givenLineOfExactlyMaxBytesWithCrLf_whenRead_thenItIsNotTooLong() throws Exception {
        assertThat(readAll(utf8("0123456789\r\n01234567890\r\n"), 10))
            .containsExactly("0123456789", "0123456789<truncated>");
    }

    @Test
    void givenLineLongerThanOneReadChunk_whenTruncating_thenMemoryStaysAtMaxBytesAndNextLineArrives() throws Exception {
        String longLine = "x".repeat(200_000);

        assertThat(readAll(utf8(longLine + "\nafter\n"), 20_000))
            .containsExactly("x".repeat(20_000) + "<truncated>", "after");
    }

    @Test
    void givenFailFast_whenALineNeverEnds_thenThrowsAsSoonAsTheLimitIsPassed() {
        // given: an endless stream without a newline
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        LineReader reader = new LineReader(endless, 1_000, true, "peer-1");

        // when / then
        assertThatThrownBy(() -> reader.next((buf, off, len, tooLong) -> { }))
            .isInstanceOf(FrameTooLongException.class)
            .hasMessageContaining("1000 bytes")
            .hasMessageContaining("peer-1")
            .hasMessageContaining(SocketSourceConfig.LINE_TOO_LONG_POLICY);
    }

    @Test
    void givenFailFast_whenLinesFit_thenTheyAreReturned() throws Exception {
        LineReader reader = new LineReader(new ByteArrayInputStream(utf8("ok\nfine\n")), 4, true, "peer");
        List<String> lines = new ArrayList<>();

        while (reader.next((buf, off, len, tooLong) -> lines.add(new String(buf, off, len, StandardCharsets.UTF_8)))) {
            // collected
        }

        assertThat(lines).containsExactly("ok", "fine");
    }

    @Test
    void givenReadFailure_whenFraming_thenTheIoExceptionPropagates() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset");
            }
        };
        LineReader reader = new LineReader(broken, 10, false, "peer");

        assertThatThrownBy(() -> reader.next((buf, off, len, tooLong) -> { })).hasMessage("Connection reset");
    }
}
