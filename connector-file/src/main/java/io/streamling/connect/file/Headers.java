package io.streamling.connect.file;

/** Names of the record headers this connector writes. */
public final class Headers {

    /** The file's absolute path. */
    public static final String PATH = "file.path";
    /** The file's name. */
    public static final String NAME = "file.name";
    /** Byte offset of the record's start in the (uncompressed) file. */
    public static final String OFFSET = "file.offset";
    /** 1-based line number of the record's first line (text formats) or record number ({@code fixed}). */
    public static final String LINE = "file.line";
    /** The file's size in bytes (as stored, compressed or not). */
    public static final String SIZE = "file.size";
    /** The file's last modification time, epoch milliseconds. */
    public static final String MODIFIED = "file.modified";
    /** On error-topic records: why the record or file was rejected. */
    public static final String ERROR_REASON = "error.reason";

    private Headers() {
    }
}
