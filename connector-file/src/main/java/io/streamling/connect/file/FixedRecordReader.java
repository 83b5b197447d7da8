package io.streamling.connect.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Reads the {@code fixed} format: consecutive records of exactly {@code format.record.bytes}
 * bytes each (Spark's {@code binaryRecordsStream}). A shorter last record is malformed.
 */
final class FixedRecordReader implements RecordReader {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final ReadableByteChannel channel;
    private final int recordBytes;
    private final ByteBuffer buffer;
    private long position;
    private long records;
    private boolean eof;

    /**
     * @param channel       the content, from {@code startPosition}
     * @param startPosition a multiple of the record length
     * @param recordBytes   the record length
     */
    FixedRecordReader(ReadableByteChannel channel, long startPosition, int recordBytes) {
        this.channel = channel;
        this.recordBytes = recordBytes;
        this.position = startPosition;
        this.records = startPosition / recordBytes;
        this.buffer = ByteBuffer.allocate(Math.max(BUFFER_SIZE, recordBytes));
        buffer.flip();
    }

    @Override
    public FileRecord next() throws IOException, MalformedRecordException {
        while (buffer.remaining() < recordBytes && fill()) {
            // keep reading until a whole record is buffered or the input ends
        }
        int available = Math.min(buffer.remaining(), recordBytes);
        if (available == 0) {
            return null;
        }
        byte[] value = new byte[available];
        buffer.get(value);
        long start = position;
        position += available;
        long number = ++records;
        if (available < recordBytes) {
            throw new MalformedRecordException("last record has " + available + " bytes, not "
                    + FileSourceConfig.FORMAT_RECORD_BYTES_CONFIG + "=" + recordBytes, value, start, position, number, number);
        }
        return new FileRecord(value, start, position, number, number, null);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        buffer.compact();
        int read = channel.read(buffer);
        buffer.flip();
        if (read < 0) {
            eof = true;
        }
        return !eof;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "FixedRecordReader" + Arrays.asList(recordBytes, position);
    }
}
