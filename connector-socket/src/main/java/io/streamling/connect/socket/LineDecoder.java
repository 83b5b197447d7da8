package io.streamling.connect.socket;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.streamling.connect.socket.SocketSourceConfig.DecodeErrorPolicy;

/**
 * Decodes one line's bytes under {@code decode.error.policy}; owned by one thread (a decoder is stateful).
 *
 * <p>Why the ASCII fast path: most lines are ASCII, and for the charsets below an ASCII byte is the
 * same character, so those lines are copied into a compact Latin-1 String without a decoder. Only
 * lines with other bytes go through a strict decoder that reports invalid input; the policy decides
 * then. A line cut by truncation may end in half a character: that tail becomes U+FFFD without
 * counting as a decode error (it is the truncation's doing, not the peer's).
 */
final class LineDecoder {

    private static final Set<Charset> ASCII_SUPERSETS =
        Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1);
    private static final String REPLACEMENT = "\uFFFD";

    private final Charset charset;
    private final CharsetDecoder strict;
    private final boolean asciiFastPath;
    private final DecodeErrorPolicy policy;
    private final SocketSourceMetrics metrics;
    private final Object source;

    LineDecoder(Charset charset, DecodeErrorPolicy policy, SocketSourceMetrics metrics, Object source) {
        this.charset = charset;
        this.strict = charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.asciiFastPath = ASCII_SUPERSETS.contains(charset);
        this.policy = policy;
        this.metrics = metrics;
        this.source = source;
    }

    /**
     * @param truncated whether the bytes were cut at line.max.bytes (a partial last character is expected)
     * @return the line, or null when the policy dropped it (and counted the drop)
     * @throws UndecodableLineException with {@code decode.error.policy=fail}
     */
    String decode(byte[] buf, int off, int len, boolean truncated) {
        if (asciiFastPath && isAscii(buf, off, len)) {
            return new String(buf, off, len, StandardCharsets.ISO_8859_1);
        }
        ByteBuffer in = ByteBuffer.wrap(buf, off, len);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(len * (double) strict.maxCharsPerByte()) + 1);
        strict.reset();
        // endOfInput=false: an incomplete sequence at the end stays in 'in' instead of being an error
        CoderResult result = strict.decode(in, out, false);
        if (!result.isError()) {
            if (!in.hasRemaining()) {
                flush(out);
                return out.flip().toString();
            }
            if (truncated) {
                out.flip();
                return out + REPLACEMENT;
            }
        }
        return onError(buf, off, len);
    }

    private void flush(CharBuffer out) {
        // a stateful decoder may have characters left; REPORT never throws here for complete input
        strict.decode(ByteBuffer.allocate(0), out, true);
        strict.flush(out);
    }

    private String onError(byte[] buf, int off, int len) {
        switch (policy) {
            case REPLACE -> {
                metrics.replaced();
                // the String constructor replaces every malformed or unmappable sequence with U+FFFD
                return new String(buf, off, len, charset);
            }
            case SKIP -> {
                metrics.droppedUndecodable();
                return null;
            }
            default -> throw new UndecodableLineException("Line from " + source + " is not valid " + charset
                + " (" + describe(buf, off, len) + "), and " + SocketSourceConfig.DECODE_ERROR_POLICY + "=fail");
        }
    }

    private static boolean isAscii(byte[] buf, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The first bytes in hex, so the message shows what was wrong without dumping a huge line. */
    private static String describe(byte[] buf, int off, int len) {
        StringBuilder sb = new StringBuilder(len + " bytes, starting");
        for (int i = off; i < off + Math.min(len, 16); i++) {
            sb.append(String.format(" %02X", buf[i] & 0xFF));
        }
        return sb.toString();
    }
}
