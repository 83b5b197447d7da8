package io.streamling.connect.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LineTerminatorsTest {

    @Test
    void shouldFindTheFirstTerminatorAtEveryPositionOfAWord() {
        for (int at = 0; at < 20; at++) {
            for (byte terminator : new byte[] {'\n', '\r'}) {
                // given: other bytes that differ from a terminator by one bit or by a borrow
                byte[] bytes = new byte[20];
                Arrays.fill(bytes, (byte) 0x0b);
                bytes[at] = terminator;

                // then
                assertThat(LineTerminators.indexOf(bytes, 0, bytes.length)).as("at %d", at).isEqualTo(at);
            }
        }
    }

    @Test
    void shouldReturnTheEndWhenThereIsNoTerminatorInTheRange() {
        // given
        byte[] bytes = "abcdefghijklmnopq\nrs".getBytes(StandardCharsets.UTF_8);

        // then: the line feed at 17 is outside [2, 17)
        assertThat(LineTerminators.indexOf(bytes, 2, 17)).isEqualTo(17);
        assertThat(LineTerminators.indexOf(bytes, 2, 18)).isEqualTo(17);
        assertThat(LineTerminators.indexOf(bytes, 18, 20)).isEqualTo(20);
    }

    @Test
    void shouldAgreeWithAByteByByteScanOnRandomBytes() {
        // given bytes near the terminators' values, where a word-at-a-time test could go wrong
        Random random = new Random(42);
        byte[] candidates = {'\n', '\r', 0x09, 0x0b, 0x0c, 0x0e, 0x00, (byte) 0x8a, (byte) 0x8d, (byte) 0xff, 'a'};
        for (int round = 0; round < 10_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(16) == 0 ? candidates[random.nextInt(2)] : candidates[2 + random.nextInt(9)];
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);

            // then
            assertThat(LineTerminators.indexOf(bytes, from, bytes.length)).isEqualTo(slowIndexOf(bytes, from));
        }
    }

    private static int slowIndexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i;
            }
        }
        return bytes.length;
    }
}
