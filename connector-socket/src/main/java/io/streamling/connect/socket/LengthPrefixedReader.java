package io.streamling.connect.socket;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Frames a byte stream of length-prefixed binary records: a 4-byte big-endian <em>unsigned</em> length
 * (what {@code DataOutputStream.writeInt} writes for lengths below 2^31), then that many bytes. An
 * empty frame (length 0) is a record with an empty value. Owned by one thread.
 *
 * <p>A frame longer than {@code maxBytes} is handed over cut to {@code maxBytes} bytes with
 * {@code tooLong} set, and the rest is read and discarded, so the stream stays in step; with
 * {@code failFast} the reader throws {@link FrameTooLongException} as soon as it reads the length.
 * Why read the rest instead of giving up: a wrong length would otherwise desynchronise every
 * following frame; garbage lengths show up as frames that are too long, which the policy handles.
 * The end of stream inside a frame throws {@link IncompleteFrameException}.
 */
final class LengthPrefixedReader implements FrameReader {

    private static final int READ_BUFFER = 32 * 1024;

    private final DataInputStream in;
    private final int maxBytes;
    private final boolean failFast;
    private final Object source;

    /**
     * @param in       the stream to read; not closed by this class
     * @param maxBytes maximum bytes kept per frame, >= 1
     * @param failFast throw instead of truncating when a frame is longer than {@code maxBytes}
     * @param source   names the peer in error messages
     */
    LengthPrefixedReader(InputStream in, int maxBytes, boolean failFast, Object source) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
        }
        this.in = new DataInputStream(new BufferedInputStream(in, READ_BUFFER));
        this.maxBytes = maxBytes;
        this.failFast = failFast;
        this.source = source;
    }

    @Override
    public boolean next(FrameSink sink) throws IOException, InterruptedException {
        int first = in.read();
        if (first < 0) {
            return false;
        }
        long length;
        try {
            length = ((long) first << 24) | ((long) in.readUnsignedByte() << 16)
                | ((long) in.readUnsignedByte() << 8) | in.readUnsignedByte();
        } catch (EOFException e) {
            throw new IncompleteFrameException("End of stream from " + source + " inside a frame's length prefix");
        }
        boolean tooLong = length > maxBytes;
        if (tooLong && failFast) {
            throw new FrameTooLongException("Frame from " + source + " announces " + length + " bytes, more than "
                + maxBytes + " (" + SocketSourceConfig.LINE_MAX_BYTES + "), and "
                + SocketSourceConfig.LINE_TOO_LONG_POLICY + "=fail");
        }
        byte[] frame = new byte[(int) Math.min(length, maxBytes)];
        try {
            in.readFully(frame);
            if (tooLong) {
                skipFully(length - maxBytes);
            }
        } catch (EOFException e) {
            throw new IncompleteFrameException("End of stream from " + source + " inside a frame of " + length + " bytes");
        }
        sink.frame(frame, 0, frame.length, tooLong);
        return true;
    }

    /** Always false: asking the buffered stream would cost a system call per frame; frames are handed on one by one. */
    @Override
    public boolean hasBufferedInput() {
        return false;
    }

    private void skipFully(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** The connection ended in the middle of a frame; the partial frame is dropped and counted. */
    static final class IncompleteFrameException extends EOFException {
        private static final long serialVersionUID = 1L;

        IncompleteFrameException(String message) {
            super(message);
        }
    }
}
