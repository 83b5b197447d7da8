package io.streamling.connect.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identity of a file's content beyond its path: the SHA-256 of its first bytes (at most
 * {@value #MAX_BYTES}), as Filebeat's fingerprint. A file replaced under the same name gets a
 * new fingerprint, so it is read again; a file that only grew keeps its first bytes.
 *
 * @param hex    lower-case hex of the SHA-256 digest
 * @param length how many leading bytes were hashed (less than {@value #MAX_BYTES} for a short file)
 */
record FileFingerprint(String hex, int length) {

    /** The number of leading bytes hashed, at most. */
    static final int MAX_BYTES = 1024;

    /**
     * Fingerprints the first {@value #MAX_BYTES} bytes of a file (all of it when shorter).
     *
     * @param file the file
     * @return its fingerprint
     * @throws IOException if the file cannot be read
     */
    static FileFingerprint of(Path file) throws IOException {
        byte[] head = readHead(file, MAX_BYTES);
        return new FileFingerprint(sha256(head, head.length), head.length);
    }

    /**
     * Tells whether a file still starts with the bytes this fingerprint was taken from.
     *
     * @param file the file
     * @return {@code true} when the file's first {@link #length()} bytes have this fingerprint
     * @throws IOException if the file cannot be read
     */
    boolean matchesStartOf(Path file) throws IOException {
        byte[] head = readHead(file, length);
        return head.length == length && sha256(head, head.length).equals(hex);
    }

    private static byte[] readHead(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }

    private static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
