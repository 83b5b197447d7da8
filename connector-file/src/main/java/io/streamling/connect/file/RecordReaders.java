package io.streamling.connect.file;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.List;

import io.streamling.connect.file.FileSourceConfig.Compression;
import io.streamling.connect.file.FileSourceConfig.Format;

/** Opens the {@link RecordReader} of a file for the configured format, at a resume position. */
final class RecordReaders {

    private final Format format;
    private final Compression compression;
    private final LineCharset charset;
    private final LongRecords longRecords;
    private final int recordBytes;
    private final char csvSeparator;
    private final String timestampField;

    /**
     * @param config  the connector configuration
     * @param metrics where skipped and truncated records are counted
     */
    RecordReaders(FileSourceConfig config, FileSourceMetrics metrics) {
        this.format = config.format();
        this.compression = config.compression();
        this.charset = LineCharset.of(config.charset()).orElseThrow();
        this.longRecords = new LongRecords(config.longLinePolicy(), config.lineMaxBytes(), metrics);
        this.recordBytes = config.recordBytes();
        this.csvSeparator = config.csvSeparator();
        this.timestampField = config.timestampMode() == FileSourceConfig.TimestampMode.FIELD
                ? config.timestampField() : null;
    }

    /** @return whether the file is decompressed (its offsets then count uncompressed bytes) */
    boolean compressed(Path file) {
        return compression.gzip(file);
    }

    /**
     * Opens a file's records.
     *
     * @param file        the file
     * @param position    the byte position to start at (after the last published record)
     * @param linesBefore the lines (or records) before that position
     * @return the reader; close it when done
     * @throws IOException if the file cannot be opened, is not valid gzip, or has a bad CSV header
     */
    RecordReader open(Path file, long position, long linesBefore) throws IOException {
        boolean gzip = compression.gzip(file);
        ReadableByteChannel channel = FileInput.open(file, position, gzip);
        try {
            return switch (format) {
                case TEXT -> new TextRecordReader(lines(channel, position), linesBefore, file, longRecords, false, null);
                case JSON -> new TextRecordReader(lines(channel, position), linesBefore, file, longRecords, true,
                        timestampField);
                case CSV -> csv(file, gzip, channel, position, linesBefore);
                case BINARY -> new WholeFileReader(channel, position, file, longRecords);
                case FIXED -> new FixedRecordReader(channel, position, recordBytes);
            };
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private RecordReader csv(Path file, boolean gzip, ReadableByteChannel channel, long position, long linesBefore)
            throws IOException {
        CsvParser parser = new CsvParser(csvSeparator);
        LineReader lines = lines(channel, position);
        List<String> header;
        long lines0 = linesBefore;
        if (position == 0) {
            header = CsvRecordReader.readHeader(lines, parser, file);
            lines0 = 1;
        } else {
            // resuming after the header: read it again from the start of the file
            try (LineReader start = lines(FileInput.open(file, 0, gzip), 0)) {
                header = CsvRecordReader.readHeader(start, parser, file);
            }
        }
        if (header == null) {
            return new TextRecordReader(lines, 0, file, longRecords, false, null); // empty: no records
        }
        return new CsvRecordReader(lines, lines0, header, file, longRecords, parser, timestampField);
    }

    private LineReader lines(ReadableByteChannel channel, long position) {
        return new LineReader(channel, position, charset, longRecords.maxBytes());
    }
}
