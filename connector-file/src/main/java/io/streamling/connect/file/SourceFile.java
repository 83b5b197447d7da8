package io.streamling.connect.file;

import java.nio.file.Path;

/**
 * A regular file seen in a listing.
 *
 * @param path     absolute, normalized path
 * @param relative path relative to the watched directory (kept by archive and error moves)
 * @param modified last modification time, epoch milliseconds
 * @param size     size in bytes as stored
 */
record SourceFile(Path path, Path relative, long modified, long size) {
}
