package io.streamling.connect.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * Opens a file's content as a byte channel at a position, decompressing it when it is gzip.
 * Positions always count content (uncompressed) bytes.
 */
final class FileInput {

    private static final int GZIP_BUFFER = 64 * 1024;

    private FileInput() {
    }

    /**
     * Opens the content of a file at a byte position.
     *
     * @param file     the file
     * @param position the content byte to start at
     * @param gzip     whether the file is gzip-compressed
     * @return a channel positioned at {@code position} (at end of input if the content is shorter)
     * @throws IOException if the file cannot be opened, or is not valid gzip
     */
    static ReadableByteChannel open(Path file, long position, boolean gzip) throws IOException {
        if (!gzip) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                channel.position(position);
                return channel;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
        InputStream in = new GZIPInputStream(Files.newInputStream(file), GZIP_BUFFER);
        try {
            // gzip has no random access: decompress and discard up to the position
            long left = position;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    break; // shorter than the position: the channel is at its end
                }
                left -= skipped;
            }
            return Channels.newChannel(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
