package io.streamling.connect.file;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * The source partitions and offsets of the file source, and their validation (used at task start
 * and by {@link FileSourceConnector#alterOffsets}).
 *
 * <p>Partition: {@value FileSourceTask#PARTITION_PATH_KEY} (absolute path) and
 * {@value FileSourceTask#PARTITION_FINGERPRINT_KEY} (hex SHA-256 of the first up to 1024 bytes).
 * Offset: {@value FileSourceTask#OFFSET_POSITION_KEY} (required: byte position after the last
 * published record), {@value FileSourceTask#OFFSET_LINE_KEY} (lines or records up to there),
 * {@value FileSourceTask#OFFSET_SINCE_KEY} (when the connector first watched the directory) and
 * {@value FileSourceTask#OFFSET_COMPLETE_KEY} (true when nothing more is to be read from the file).
 */
final class FileOffsets {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private FileOffsets() {
    }

    /**
     * A parsed source offset.
     *
     * @param position byte position after the last published record
     * @param line     lines (or records) up to {@code position}
     * @param since    epoch milliseconds the connector first started watching, or null
     * @param complete whether the file needs no more reading
     */
    record Offset(long position, long line, Long since, boolean complete) {

        /** @return the offset as Connect stores it */
        Map<String, Object> toMap() {
            Map<String, Object> map = new HashMap<>();
            map.put(FileSourceTask.OFFSET_POSITION_KEY, position);
            map.put(FileSourceTask.OFFSET_LINE_KEY, line);
            if (since != null) {
                map.put(FileSourceTask.OFFSET_SINCE_KEY, since);
            }
            if (complete) {
                map.put(FileSourceTask.OFFSET_COMPLETE_KEY, true);
            }
            return map;
        }
    }

    /**
     * Builds a file's source partition, always in the same key order: path, then fingerprint.
     *
     * <p>The order matters: Kafka Connect stores offsets under the partition <em>serialized</em> as
     * JSON, in the map's iteration order, so a map whose order varies between JVMs (such as
     * {@code Map.of}, whose order is randomized per JVM) would not find its own offsets after a
     * restart in another JVM.
     *
     * @param path        absolute path
     * @param fingerprint hex fingerprint
     * @return the partition map, unmodifiable, with its hash code computed once ({@link FilePartition})
     */
    static Map<String, String> partition(Path path, String fingerprint) {
        return new FilePartition(path.toString(), fingerprint);
    }

    /**
     * Checks a source partition.
     *
     * @param partition the partition
     * @throws ConnectException saying what is wrong
     */
    static void validatePartition(Map<String, ?> partition) {
        if (partition == null) {
            throw new ConnectException("Source partition must not be null");
        }
        Object path = partition.get(FileSourceTask.PARTITION_PATH_KEY);
        if (!(path instanceof String text) || text.isEmpty() || !Path.of(text).isAbsolute()) {
            throw new ConnectException("Source partition " + partition + " must have '"
                    + FileSourceTask.PARTITION_PATH_KEY + "': an absolute file path");
        }
        Object fingerprint = partition.get(FileSourceTask.PARTITION_FINGERPRINT_KEY);
        if (!(fingerprint instanceof String hex) || !SHA256_HEX.matcher(hex).matches()) {
            throw new ConnectException("Source partition " + partition + " must have '"
                    + FileSourceTask.PARTITION_FINGERPRINT_KEY + "': 64 lower-case hex digits (SHA-256 of the file's"
                    + " first up to 1024 bytes)");
        }
        if (partition.size() != 2) {
            throw new ConnectException("Source partition " + partition + " must have only '"
                    + FileSourceTask.PARTITION_PATH_KEY + "' and '" + FileSourceTask.PARTITION_FINGERPRINT_KEY + "'");
        }
        // Connect stores the partition as JSON in the given key order; the task looks it up in its own order
        if (!FileSourceTask.PARTITION_PATH_KEY.equals(partition.keySet().iterator().next())) {
            throw new ConnectException("Source partition " + partition + " must list '"
                    + FileSourceTask.PARTITION_PATH_KEY + "' before '" + FileSourceTask.PARTITION_FINGERPRINT_KEY
                    + "' (Kafka Connect stores offsets under the partition's JSON text, keys in the given order)");
        }
    }

    /**
     * Parses and checks a source offset.
     *
     * @param offset the offset as stored
     * @return the parsed offset
     * @throws ConnectException saying what is wrong
     */
    static Offset parse(Map<String, ?> offset) {
        long position = nonNegative(offset, FileSourceTask.OFFSET_POSITION_KEY, true);
        long line = nonNegative(offset, FileSourceTask.OFFSET_LINE_KEY, false);
        long since = nonNegative(offset, FileSourceTask.OFFSET_SINCE_KEY, false);
        Object complete = offset.get(FileSourceTask.OFFSET_COMPLETE_KEY);
        if (complete != null && !(complete instanceof Boolean)) {
            throw new ConnectException("Source offset " + offset + ": '" + FileSourceTask.OFFSET_COMPLETE_KEY
                    + "' must be true or false");
        }
        for (String key : offset.keySet()) {
            if (!key.equals(FileSourceTask.OFFSET_POSITION_KEY) && !key.equals(FileSourceTask.OFFSET_LINE_KEY)
                    && !key.equals(FileSourceTask.OFFSET_SINCE_KEY) && !key.equals(FileSourceTask.OFFSET_COMPLETE_KEY)) {
                throw new ConnectException("Source offset " + offset + " has unknown key '" + key + "'");
            }
        }
        return new Offset(position, line, offset.containsKey(FileSourceTask.OFFSET_SINCE_KEY) ? since : null,
                Boolean.TRUE.equals(complete));
    }

    private static long nonNegative(Map<String, ?> offset, String key, boolean required) {
        Object value = offset.get(key);
        if (value == null) {
            if (required) {
                throw new ConnectException("Source offset " + offset + " must have '" + key
                        + "': the byte position after the last published record");
            }
            return 0;
        }
        // JSON offset storage gives back Integer for small values and Long for large ones
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0) {
            throw new ConnectException("Source offset " + offset + ": '" + key + "' must be a non-negative integer");
        }
        return ((Number) value).longValue();
    }
}
