package io.streamling.connect.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the {@code binary} format: the whole file is one bytes record. At most
 * {@code line.max.bytes} are held in memory; a longer file is handled by the long-record policy.
 */
final class WholeFileReader implements RecordReader {

    private static final int CHUNK = 64 * 1024;

    private final ReadableByteChannel channel;
    private final boolean alreadyPublished;
    private final Path file;
    private final LongRecords longRecords;
    private boolean done;

    /**
     * @param channel       the content, from {@code startPosition}
     * @param startPosition 0, or the committed position of a file whose one record was published
     * @param file          the file, for messages
     * @param longRecords   the long-record policy and limit
     */
    WholeFileReader(ReadableByteChannel channel, long startPosition, Path file, LongRecords longRecords) {
        this.channel = channel;
        this.alreadyPublished = startPosition > 0;
        this.file = file;
        this.longRecords = longRecords;
    }

    @Override
    public FileRecord next() throws IOException {
        if (done || alreadyPublished) {
            return null;
        }
        done = true;
        int max = longRecords.maxBytes();
        byte[] content = new byte[Math.min(max, CHUNK)];
        int length = 0;
        long total = 0;
        ByteBuffer discard = null;
        while (true) {
            int read;
            if (length < max) {
                if (length == content.length) {
                    content = Arrays.copyOf(content, (int) Math.min(max, content.length * 2L));
                }
                read = channel.read(ByteBuffer.wrap(content, length, content.length - length));
                if (read > 0) {
                    length += read;
                }
            } else {
                // over the limit: count the rest without keeping it
                discard = discard == null ? ByteBuffer.allocate(CHUNK) : discard.clear();
                read = channel.read(discard);
            }
            if (read < 0) {
                break;
            }
            total += Math.max(read, 0);
        }
        if (total > max && !longRecords.keepTruncated(file, 1, 0, total)) {
            return new FileRecord(null, 0, total, 1, 1, null);
        }
        return new FileRecord(Arrays.copyOf(content, length), 0, total, 1, 1, null);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
