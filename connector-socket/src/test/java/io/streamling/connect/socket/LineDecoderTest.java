package io.streamling.connect.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.streamling.connect.socket.SocketSourceConfig.DecodeErrorPolicy;
import org.junit.jupiter.api.Test;

class LineDecoderTest {

    private final SocketSourceMetrics metrics = new SocketSourceMetrics(SocketSourceConfig.Mode.CLIENT);
    private static final byte[] INVALID = {'b', 'a', 'd', (byte) 0xC3, 0x28, '!'};

    private String decode(DecodeErrorPolicy policy, byte[] bytes, boolean truncated) {
        return new LineDecoder(StandardCharsets.UTF_8, policy, metrics, "peer-9").decode(bytes, 0, bytes.length, truncated);
    }

    @Test
    void givenAsciiAndValidUtf8_whenDecoded_thenUnchangedAndNothingCounted() {
        assertThat(decode(DecodeErrorPolicy.FAIL, "plain".getBytes(StandardCharsets.UTF_8), false)).isEqualTo("plain");
        assertThat(decode(DecodeErrorPolicy.FAIL, "café ☕ 𝄞".getBytes(StandardCharsets.UTF_8), false)).isEqualTo("café ☕ 𝄞");
        assertThat(metrics.getLinesWithReplacement() + metrics.getLinesDropped()).isZero();
    }

    @Test
    void givenInvalidUtf8_whenReplacePolicy_thenInvalidSequenceBecomesReplacementCharAndIsCounted() {
        assertThat(decode(DecodeErrorPolicy.REPLACE, INVALID, false)).isEqualTo("bad\uFFFD(!");
        assertThat(metrics.getLinesWithReplacement()).isEqualTo(1);
        assertThat(metrics.getLinesDropped()).isZero();
    }

    @Test
    void givenInvalidUtf8_whenSkipPolicy_thenLineIsDroppedAndCounted() {
        assertThat(decode(DecodeErrorPolicy.SKIP, INVALID, false)).isNull();
        assertThat(metrics.getLinesDroppedUndecodable()).isEqualTo(1);
        assertThat(metrics.getLinesDropped()).isEqualTo(1);
    }

    @Test
    void givenInvalidUtf8_whenFailPolicy_thenThrowsNamingThePeerAndTheBytes() {
        assertThatThrownBy(() -> decode(DecodeErrorPolicy.FAIL, INVALID, false))
            .isInstanceOf(UndecodableLineException.class)
            .hasMessageContaining("peer-9")
            .hasMessageContaining("UTF-8")
            .hasMessageContaining("C3 28")
            .hasMessageContaining(SocketSourceConfig.DECODE_ERROR_POLICY);
    }

    @Test
    void givenTruncationCutACharacterInHalf_whenSkipPolicy_thenTheLineIsKeptWithAReplacementTail() {
        // "aé" cut after 2 bytes: half of "é" is the truncation's doing, not invalid input
        byte[] cut = {'a', (byte) 0xC3};

        assertThat(decode(DecodeErrorPolicy.SKIP, cut, true)).isEqualTo("a\uFFFD");
        assertThat(metrics.getLinesDropped()).isZero();
    }

    @Test
    void givenUntruncatedLineEndingInHalfACharacter_whenSkipPolicy_thenItIsInvalid() {
        assertThat(decode(DecodeErrorPolicy.SKIP, new byte[] {'a', (byte) 0xC3}, false)).isNull();
    }

    @Test
    void givenNonUtf8Charset_whenDecoded_thenUsesThatCharset() {
        LineDecoder latin = new LineDecoder(Charset.forName("windows-1252"), DecodeErrorPolicy.FAIL, metrics, "p");
        byte[] euro = {(byte) 0x80, ' ', '5'};

        assertThat(latin.decode(euro, 0, euro.length, false)).isEqualTo("€ 5");
    }
}
