package io.streamling.internal.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamling.StreamlingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A query's {@code checkpointLocation}: {@code metadata} holds the query id as Spark's does
 * ({@code {"id":"…"}}), so a restarted query keeps its id; {@code commits} holds the last written
 * batch id and source position, so batch ids continue; {@code state/} is the Kafka Streams state
 * directory of the DStream program (its changelogs and source offsets are in Kafka, under an
 * application id made from the query id), so the restarted program resumes its state and input.
 * Files are replaced by atomic renames.
 */
public final class QueryCheckpoint implements BatchLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final UUID queryId;
    private long nextBatchId;
    private long committedOffset = -1;

    private QueryCheckpoint(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            Path metadata = dir.resolve("metadata");
            if (Files.exists(metadata)) {
                queryId = UUID.fromString(JSON.readTree(metadata.toFile()).path("id").asText());
            } else {
                queryId = UUID.randomUUID();
                replace(metadata, "{\"id\":\"" + queryId + "\"}\n");
            }
            Path commits = dir.resolve("commits");
            if (Files.exists(commits)) {
                JsonNode last = JSON.readTree(commits.toFile());
                nextBatchId = last.path("batchId").asLong() + 1;
                committedOffset = last.path("offset").asLong(-1);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new StreamlingException("Cannot use checkpointLocation " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The checkpoint in {@code location}, created if new. */
    public static QueryCheckpoint at(String location) {
        return new QueryCheckpoint(Path.of(location).toAbsolutePath());
    }

    /** The query id, kept across restarts. */
    public UUID queryId() {
        return queryId;
    }

    /** The state directory of the DStream program. */
    public String stateDir() {
        return dir.resolve("state").toString();
    }

    @Override
    public synchronized long nextBatchId() {
        return nextBatchId;
    }

    @Override
    public synchronized long committedOffset() {
        return committedOffset;
    }

    @Override
    public synchronized void commit(long batchId, long offset) {
        replace(dir.resolve("commits"), "{\"batchId\":" + batchId + ",\"offset\":" + offset + "}\n");
        nextBatchId = batchId + 1;
        committedOffset = offset;
    }

    private void replace(Path file, String content) {
        try {
            Path temporary = dir.resolve("." + file.getFileName() + ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
