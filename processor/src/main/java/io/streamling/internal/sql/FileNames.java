package io.streamling.internal.sql;

/** Which file names a file source reads, for the static reader (the streaming one tells the file connector). */
public final class FileNames {

    private FileNames() {
    }

    /** The regular expression of the names read: not starting with {@code _} or {@code .}, matching {@code pathGlobFilter}. */
    public static String pattern(String pathGlobFilter) {
        return FileSources.namePattern(pathGlobFilter);
    }
}
