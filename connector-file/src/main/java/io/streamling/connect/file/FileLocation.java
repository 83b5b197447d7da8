package io.streamling.connect.file;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The value of {@code file.path}: a directory, or a glob below a directory. The directory is the
 * longest leading part without glob characters ({@code * ? [ {}); the rest is a glob matched
 * against a file's path relative to that directory.
 *
 * @param directory the watched directory, absolute and normalized
 * @param glob      the glob below it, if any
 */
record FileLocation(Path directory, Optional<String> glob) {

    private static final String GLOB_CHARACTERS = "*?[{";

    /**
     * Splits a {@code file.path} value into directory and glob; does not check that the directory exists.
     *
     * @param value the configured value
     * @return the location
     * @throws InvalidPathException if the directory part is not a valid path
     */
    static FileLocation parse(String value) {
        String text = value.trim();
        int firstGlob = indexOfGlob(text);
        if (firstGlob < 0) {
            return new FileLocation(Paths.get(text).toAbsolutePath().normalize(), Optional.empty());
        }
        int separator = text.lastIndexOf('/', firstGlob);
        String base = separator < 0 ? "." : separator == 0 ? "/" : text.substring(0, separator);
        String glob = text.substring(separator + 1);
        return new FileLocation(Paths.get(base).toAbsolutePath().normalize(), Optional.of(glob));
    }

    private static int indexOfGlob(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (GLOB_CHARACTERS.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The matcher of the glob, applied to paths relative to {@link #directory()}.
     *
     * @return the matcher, or empty when there is no glob
     */
    Optional<PathMatcher> matcher() {
        return glob.map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g));
    }

    /**
     * How deep below the directory files are looked for.
     *
     * @param recursive the {@code file.recursive} setting
     * @return 1 for the directory itself, more for subdirectories, {@link Integer#MAX_VALUE} for any depth
     */
    int depth(boolean recursive) {
        if (recursive || glob.map(g -> g.contains("**")).orElse(false)) {
            return Integer.MAX_VALUE;
        }
        return glob.map(g -> (int) g.chars().filter(c -> c == '/').count() + 1).orElse(1);
    }

    /** Accepts an existing directory, or a glob whose directory part exists. */
    static final class Validator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || value.toString().isBlank()) {
                throw new ConfigException(name, value, "must be the path of an existing directory, or a glob below one");
            }
            FileLocation location;
            try {
                location = parse(value.toString());
            } catch (InvalidPathException e) {
                throw new ConfigException(name, value, "is not a valid path: " + e.getMessage());
            }
            Path path = location.directory();
            if (!Files.exists(path)) {
                throw new ConfigException(name, value, "directory does not exist" + (location.glob().isPresent()
                        ? " (" + path + ", the part before the glob)" : ""));
            }
            if (!Files.isDirectory(path)) {
                throw new ConfigException(name, value, "is not a directory");
            }
            if (!Files.isReadable(path)) {
                throw new ConfigException(name, value, "directory is not readable");
            }
            try {
                location.matcher();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, "is not a valid glob: " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "path of an existing, readable directory, or a glob below one";
        }
    }
}
