package io.streamling.connect.file;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the files a task may read: regular, non-empty files under the watched directory (as deep
 * as {@code file.recursive} or the glob allow) whose name matches {@code file.name.pattern} and
 * whose relative path matches the glob. Hidden directories and the archive and error directories
 * are not entered. Symbolic links to files are followed, links to directories are not (no cycles).
 */
final class DirectoryScanner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryScanner.class);

    private final Path directory;
    private final Optional<PathMatcher> glob;
    private final int depth;
    private final Pattern namePattern;
    private final Set<Path> excluded;

    /**
     * @param location    the watched directory and glob
     * @param recursive   the {@code file.recursive} setting
     * @param namePattern the {@code file.name.pattern} setting
     * @param excluded    directories never entered (archive, errors)
     */
    DirectoryScanner(FileLocation location, boolean recursive, Pattern namePattern, Set<Path> excluded) {
        this.directory = location.directory();
        this.glob = location.matcher();
        this.depth = location.depth(recursive);
        this.namePattern = namePattern;
        this.excluded = excluded;
    }

    /** @return the watched directory */
    Path directory() {
        return directory;
    }

    /**
     * Lists the eligible files.
     *
     * @return the files, in no particular order
     * @throws IOException if the watched directory itself cannot be listed
     */
    List<SourceFile> list() throws IOException {
        List<SourceFile> files = new ArrayList<>();
        Files.walkFileTree(directory, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(directory)) {
                    return FileVisitResult.CONTINUE;
                }
                boolean hidden = dir.getFileName().toString().startsWith(".");
                return hidden || excluded.contains(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                consider(file, attrs).ifPresent(files::add);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(directory)) {
                    throw e;
                }
                if (!(e instanceof NoSuchFileException)) {
                    // one unreadable subdirectory must not stop the others from being read
                    log.warn("Cannot list {}: {}", file, e instanceof AccessDeniedException ? "access denied" : e);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private Optional<SourceFile> consider(Path file, BasicFileAttributes attributes) {
        if (!namePattern.matcher(file.getFileName().toString()).matches()) {
            return Optional.empty();
        }
        Path relative = directory.relativize(file);
        if (glob.isPresent() && !glob.get().matches(relative)) {
            return Optional.empty();
        }
        BasicFileAttributes attrs = attributes;
        if (attrs.isSymbolicLink()) {
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                return Optional.empty(); // a dangling link
            }
        }
        if (!attrs.isRegularFile() || attrs.size() == 0) {
            return Optional.empty();
        }
        return Optional.of(new SourceFile(file.toAbsolutePath().normalize(), relative,
                attrs.lastModifiedTime().toMillis(), attrs.size()));
    }
}
