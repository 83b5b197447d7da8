package io.streamling.connect.file;

import java.io.Closeable;
import java.io.IOException;

/** Reads the records of one file, in order, from a byte position. Not thread-safe. */
interface RecordReader extends Closeable {

    /**
     * Reads the next record.
     *
     * @return the record, or {@code null} at the end of the file
     * @throws IOException if the file cannot be read (the file should not be read further)
     * @throws MalformedRecordException if the next record does not parse; reading may go on after it
     */
    FileRecord next() throws IOException, MalformedRecordException;
}
