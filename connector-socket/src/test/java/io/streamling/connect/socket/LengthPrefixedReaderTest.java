package io.streamling.connect.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LengthPrefixedReaderTest {

    private static byte[] frames(byte[]... payloads) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (byte[] p : payloads) {
            out.writeInt(p.length);
            out.write(p);
        }
        return bytes.toByteArray();
    }

    private static List<String> readAll(byte[] input, int maxBytes) throws Exception {
        LengthPrefixedReader reader = new LengthPrefixedReader(new ByteArrayInputStream(input), maxBytes, false, "t");
        List<String> out = new ArrayList<>();
        while (reader.next((buf, off, len, tooLong) ->
            out.add(new String(buf, off, len, StandardCharsets.ISO_8859_1) + (tooLong ? "<truncated>" : "")))) {
            // collected
        }
        return out;
    }

    @Test
    void givenFramesWithNewlinesAndBinaryBytes_whenRead_thenEachFrameIsOneRecordByteForByte() throws Exception {
        byte[] binary = {0, (byte) 0xFF, '\n', 13, 7};

        assertThat(readAll(frames("a\nb".getBytes(StandardCharsets.ISO_8859_1), binary, new byte[0]), 100))
            .containsExactly("a\nb", new String(binary, StandardCharsets.ISO_8859_1), "");
    }

    @Test
    void givenFrameLongerThanMax_whenTruncating_thenKeepsMaxBytesAndStaysInStepForTheNextFrame() throws Exception {
        byte[] big = "0123456789ABCDEF".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(readAll(frames(big, "next".getBytes(StandardCharsets.ISO_8859_1)), 10))
            .containsExactly("0123456789<truncated>", "next");
    }

    @Test
    void givenGarbageLengthPrefix_whenFailFast_thenThrowsBeforeReadingTheBody() {
        // given: 0xFFFFFFFF read as an unsigned length is 4 GiB
        byte[] garbage = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 'x'};
        LengthPrefixedReader reader = new LengthPrefixedReader(new ByteArrayInputStream(garbage), 1024, true, "peer-2");

        // when / then
        assertThatThrownBy(() -> reader.next((buf, off, len, tooLong) -> { }))
            .isInstanceOf(FrameTooLongException.class)
            .hasMessageContaining("4294967295")
            .hasMessageContaining("peer-2");
    }

    @Test
    void givenStreamEndingInsideAFrame_whenRead_thenIncompleteFrameIsReported() throws Exception {
        byte[] whole = frames("complete".getBytes(StandardCharsets.ISO_8859_1), "cut-off".getBytes(StandardCharsets.ISO_8859_1));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);
        LengthPrefixedReader reader = new LengthPrefixedReader(new ByteArrayInputStream(cut), 100, false, "t");
        List<String> out = new ArrayList<>();

        assertThat(reader.next((buf, off, len, tooLong) -> out.add(new String(buf, off, len, StandardCharsets.ISO_8859_1))))
            .isTrue();
        assertThatThrownBy(() -> reader.next((buf, off, len, tooLong) -> out.add("never")))
            .isInstanceOf(LengthPrefixedReader.IncompleteFrameException.class);
        assertThat(out).containsExactly("complete");
    }

    @Test
    void givenStreamEndingInsideALengthPrefix_whenRead_thenIncompleteFrameIsReported() {
        LengthPrefixedReader reader = new LengthPrefixedReader(new ByteArrayInputStream(new byte[] {0, 0}), 100, false, "t");

        assertThatThrownBy(() -> reader.next((buf, off, len, tooLong) -> { }))
            .isInstanceOf(LengthPrefixedReader.IncompleteFrameException.class);
    }
}
