package io.streamling.connect.file;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the {@code text} and {@code json} formats: one record per line. For {@code json} each
 * non-blank line must be one valid JSON value (blank lines are skipped), and the timestamp field
 * is read when asked for.
 */
final class TextRecordReader implements RecordReader {

    private final LineReader lines;
    private final Path file;
    private final LongRecords longRecords;
    private final boolean json;
    private final String timestampField;
    private long lineNumber;

    /**
     * @param lines          the file's lines, from the resume position
     * @param linesBefore    lines before the resume position
     * @param file           the file, for messages
     * @param longRecords    the long-line policy
     * @param json           whether lines must be JSON
     * @param timestampField the JSON field holding the timestamp, or {@code null}
     */
    TextRecordReader(LineReader lines, long linesBefore, Path file, LongRecords longRecords, boolean json,
                     String timestampField) {
        this.lines = lines;
        this.lineNumber = linesBefore;
        this.file = file;
        this.longRecords = longRecords;
        this.json = json;
        this.timestampField = timestampField;
    }

    @Override
    public FileRecord next() throws IOException, MalformedRecordException {
        while (true) {
            LineReader.Line line = lines.next();
            if (line == null) {
                return null;
            }
            long number = ++lineNumber;
            long start = lines.lastLineStart();
            if (lines.lastLineTooLong() && !longRecords.keepTruncated(file, number, start, lines.lastLineBytes())) {
                continue;
            }
            String text = line.text();
            Long timestamp = null;
            if (json) {
                if (text.isBlank()) {
                    continue;
                }
                timestamp = checkJson(text, start, line.endPosition(), number);
            }
            return new FileRecord(text, start, line.endPosition(), number, number, timestamp);
        }
    }

    private Long checkJson(String text, long start, long end, long number) throws MalformedRecordException {
        JsonText.Field field;
        try {
            field = JsonText.parse(text, timestampField);
        } catch (MalformedRecordException e) {
            throw e.at(start, end, number, number);
        }
        if (timestampField == null) {
            return null;
        }
        if (field == null || field.text() == null) {
            throw new MalformedRecordException("timestamp field '" + timestampField + "' is "
                    + (field == null ? "missing (or the line is not an object)" : "not a number or string"),
                    text, start, end, number, number);
        }
        try {
            return Timestamps.parse(field.text());
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("timestamp field '" + timestampField + "': " + e.getMessage(),
                    text, start, end, number, number);
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
