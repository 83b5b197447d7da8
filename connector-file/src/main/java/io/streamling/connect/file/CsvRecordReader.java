package io.streamling.connect.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code csv} format: the first line is the header, every following row becomes a JSON
 * object of strings keyed by the header's names. Blank lines are skipped; a quoted field may span
 * lines (its line breaks become {@code \n}).
 */
final class CsvRecordReader implements RecordReader {

    private final LineReader lines;
    private final Path file;
    private final LongRecords longRecords;
    private final CsvParser parser;
    private final String[] keys;
    private final int timestampColumn;
    private final String timestampField;
    private long lineNumber;

    /**
     * @param lines          the file's lines, from the resume position (after the header)
     * @param linesBefore    lines before the resume position
     * @param header         the header's names
     * @param file           the file, for messages
     * @param longRecords    the long-line policy
     * @param parser         the CSV splitter
     * @param timestampField the column holding the timestamp, or {@code null}
     * @throws BadFileException if the header has duplicate names or lacks the timestamp column
     */
    CsvRecordReader(LineReader lines, long linesBefore, List<String> header, Path file, LongRecords longRecords,
                    CsvParser parser, String timestampField) throws BadFileException {
        Set<String> names = new HashSet<>();
        for (String name : header) {
            if (!names.add(name)) {
                throw new BadFileException("CSV header of " + file + " names column '" + name + "' twice");
            }
        }
        this.timestampColumn = timestampField == null ? -1 : header.indexOf(timestampField);
        if (timestampField != null && timestampColumn < 0) {
            throw new BadFileException("CSV header of " + file + " has no column '" + timestampField + "' ("
                    + FileSourceConfig.TIMESTAMP_FIELD_CONFIG + ")");
        }
        this.lines = lines;
        this.lineNumber = linesBefore;
        this.file = file;
        this.longRecords = longRecords;
        this.parser = parser;
        this.keys = JsonWriter.keys(header);
        this.timestampField = timestampField;
    }

    /**
     * Reads the header: the first line of the file.
     *
     * @param lines  the file's lines from position 0
     * @param parser the CSV splitter
     * @param file   the file, for messages
     * @return the header's names, or {@code null} for an empty file
     * @throws IOException if the file cannot be read, or the header is not one valid CSV line
     */
    static List<String> readHeader(LineReader lines, CsvParser parser, Path file) throws IOException {
        LineReader.Line line = lines.next();
        if (line == null) {
            return null;
        }
        if (lines.lastLineTooLong()) {
            throw new BadFileException("CSV header of " + file + " is longer than " + FileSourceConfig.LINE_MAX_BYTES_CONFIG);
        }
        try {
            List<String> header = parser.split(line.text());
            if (header == null) {
                throw new BadFileException("CSV header of " + file + " has an unterminated quoted name");
            }
            return header;
        } catch (MalformedRecordException e) {
            throw new BadFileException("CSV header of " + file + " is malformed: " + e.getMessage());
        }
    }

    @Override
    public FileRecord next() throws IOException, MalformedRecordException {
        while (true) {
            LineReader.Line line = lines.next();
            if (line == null) {
                return null;
            }
            long first = ++lineNumber;
            long start = lines.lastLineStart();
            if (lines.lastLineTooLong() && !longRecords.keepTruncated(file, first, start, lines.lastLineBytes())) {
                continue;
            }
            if (line.text().isEmpty()) {
                continue;
            }
            return row(line.text(), start, first);
        }
    }

    private FileRecord row(String firstLine, long start, long first) throws IOException, MalformedRecordException {
        String text = firstLine;
        long bytes = lines.lastLineBytes();
        List<String> fields;
        try {
            fields = parser.split(text);
            while (fields == null) {
                LineReader.Line more = lines.next();
                if (more == null) {
                    throw malformed("unterminated quoted field at the end of the file", text, start, first);
                }
                lineNumber++;
                bytes += 1 + lines.lastLineBytes();
                if (bytes > longRecords.maxBytes()) {
                    throw malformed("quoted field runs over " + FileSourceConfig.LINE_MAX_BYTES_CONFIG + "="
                            + longRecords.maxBytes() + " bytes (unterminated quote?)", text, start, first);
                }
                text = text + "\n" + more.text();
                fields = parser.split(text);
            }
        } catch (MalformedRecordException e) {
            throw e.at(start, lines.position(), first, lineNumber);
        }
        if (fields.size() != keys.length) {
            throw malformed("row has " + fields.size() + " fields, the header has " + keys.length, text, start, first);
        }
        Long timestamp = null;
        if (timestampColumn >= 0) {
            try {
                timestamp = Timestamps.parse(fields.get(timestampColumn));
            } catch (IllegalArgumentException e) {
                throw malformed("timestamp column '" + timestampField + "': " + e.getMessage(), text, start, first);
            }
        }
        return new FileRecord(JsonWriter.object(keys, fields), start, lines.position(), first, lineNumber, timestamp);
    }

    private MalformedRecordException malformed(String reason, String text, long start, long first) {
        return new MalformedRecordException("invalid CSV: " + reason, text, start, lines.position(), first, lineNumber);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
