package io.streamling.connect.file;

/**
 * A record that does not parse (invalid JSON, a CSV row with the wrong number of fields, a short
 * fixed-length record, a missing timestamp field). The reader has already moved past it, so the
 * caller may go on reading the file.
 */
final class MalformedRecordException extends Exception {

    private final transient Object raw;
    private final long start;
    private final long end;
    private final long line;
    private final long lastLine;

    /**
     * Describes a malformed record.
     *
     * @param reason   what is wrong, for logs and the error topic
     * @param raw      the record as read: a {@code String} or {@code byte[]}
     * @param start    byte position of its first byte
     * @param end      byte position just after it
     * @param line     1-based number of its first line (or of the record)
     * @param lastLine lines (or records) consumed up to {@code end}
     */
    MalformedRecordException(String reason, Object raw, long start, long end, long line, long lastLine) {
        super(reason);
        this.raw = raw;
        this.start = start;
        this.end = end;
        this.line = line;
        this.lastLine = lastLine;
    }

    /**
     * Returns the same error located in a file (parsers that see one value only report 0s).
     *
     * @param start    byte position of the record's first byte
     * @param end      byte position just after it
     * @param line     1-based number of its first line
     * @param lastLine lines consumed up to {@code end}
     * @return a copy with these positions
     */
    MalformedRecordException at(long start, long end, long line, long lastLine) {
        return new MalformedRecordException(getMessage(), raw, start, end, line, lastLine);
    }

    /** @return the record as read */
    Object raw() {
        return raw;
    }

    /** @return byte position of its first byte */
    long start() {
        return start;
    }

    /** @return byte position just after it */
    long end() {
        return end;
    }

    /** @return 1-based number of its first line */
    long line() {
        return line;
    }

    /** @return lines consumed up to {@link #end()} */
    long lastLine() {
        return lastLine;
    }
}
