package io.streamling.connect.file;

/**
 * One record read from a file, before it becomes a {@code SourceRecord}.
 *
 * @param value     a {@code String} (text formats) or {@code byte[]} (binary formats)
 * @param start     byte position of the record's first byte
 * @param end       byte position just after the record (and its line terminator): where reading resumes
 * @param line      1-based number of the record's first line (text formats) or of the record ({@code fixed})
 * @param lastLine  how many lines (or records) were consumed up to {@code end}
 * @param timestamp the timestamp read from the record's field, or {@code null}
 */
record FileRecord(Object value, long start, long end, long line, long lastLine, Long timestamp) {
}
