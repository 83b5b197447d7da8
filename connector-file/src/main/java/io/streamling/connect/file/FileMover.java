package io.streamling.connect.file;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.streamling.connect.file.FileSourceConfig.CleanupPolicy;

/**
 * Deletes or moves files after Kafka acknowledged their records: {@code cleanup=delete|archive}
 * for files read to their end, and the error directory for failed files under
 * {@code errors.policy=move}. Moves keep the path relative to the watched directory; a name
 * already taken in the target gets a {@code .<epoch millis>} suffix rather than overwriting.
 */
final class FileMover {

    private static final Logger log = LoggerFactory.getLogger(FileMover.class);

    private final CleanupPolicy cleanup;
    private final Path archive;
    private final Path errors;

    /**
     * @param cleanup the {@code cleanup} setting
     * @param archive the archive directory (used for {@code archive})
     * @param errors  the error directory, or null when failed files stay where they are
     */
    FileMover(CleanupPolicy cleanup, Path archive, Path errors) {
        this.cleanup = cleanup;
        this.archive = archive;
        this.errors = errors;
    }

    /** @return whether anything is ever done to files, so acknowledgements must be tracked */
    boolean active() {
        return cleanup != CleanupPolicy.NONE || errors != null;
    }

    /**
     * Cleans up a file read to its end whose records are all acknowledged.
     *
     * @param file the file
     * @return whether the file was deleted or moved
     */
    boolean cleanUp(SourceFile file) {
        try {
            switch (cleanup) {
                case DELETE -> {
                    Files.deleteIfExists(file.path());
                    log.info("Deleted {}", file.path());
                    return true;
                }
                case ARCHIVE -> {
                    Path target = move(file, archive);
                    log.info("Archived {} to {}", file.path(), target);
                    return true;
                }
                default -> {
                    return false;
                }
            }
        } catch (IOException e) {
            // the records are safe in Kafka and the offset says the file is done: it is not read again
            log.error("Cannot {} {} after reading it: {}", cleanup.value(), file.path(), e.toString());
            return false;
        }
    }

    /**
     * Moves a failed file to the error directory, if there is one.
     *
     * @param file the file
     * @return whether it was moved
     */
    boolean quarantine(SourceFile file) {
        if (errors == null) {
            return false;
        }
        try {
            Path target = move(file, errors);
            log.warn("Moved {} to the error directory: {}", file.path(), target);
            return true;
        } catch (IOException e) {
            log.error("Cannot move failed file {} to {}: {}", file.path(), errors, e.toString());
            return false;
        }
    }

    private static Path move(SourceFile file, Path root) throws IOException {
        Path target = root.resolve(file.relative().toString()).normalize();
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            target = target.resolveSibling(target.getFileName() + "." + System.currentTimeMillis());
        }
        try {
            return Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(file.path(), target); // another file system: copy, then delete
        } catch (NoSuchFileException e) {
            if (!Files.exists(file.path())) {
                throw new NoSuchFileException(file.path().toString(), null, "it disappeared before it could be moved");
            }
            throw e;
        }
    }
}
