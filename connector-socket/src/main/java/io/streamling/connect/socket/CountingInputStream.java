package io.streamling.connect.socket;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Reports how many bytes each read returned, so BytesRead counts what came off the wire (after TLS). */
final class CountingInputStream extends FilterInputStream {

    private final LongConsumer onBytes;

    CountingInputStream(InputStream in, LongConsumer onBytes) {
        super(in);
        this.onBytes = onBytes;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            onBytes.accept(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            onBytes.accept(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) {
            onBytes.accept(skipped);
        }
        return skipped;
    }
}
