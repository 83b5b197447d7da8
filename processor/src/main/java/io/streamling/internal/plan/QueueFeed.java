package io.streamling.internal.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The batches of a {@code queueStream}, taken when the stream was created (Spark does not see
 * later changes to the queue either).
 *
 * @param batches the queue's batches, in order
 * @param oneAtATime one queued batch per batch (Spark's default), or all of them in the first
 * @param defaultBatch the batch used once the queue is empty, if any
 */
public record QueueFeed(List<List<Object>> batches, boolean oneAtATime, Optional<List<Object>> defaultBatch)
        implements SourceFeed {

    /** Copies the batches. */
    public QueueFeed {
        batches = batches.stream().map(batch -> (List<Object>) new ArrayList<>(batch)).toList();
    }

    /** The elements of each batch from the first, as the stream will see them. */
    public List<List<Object>> effectiveBatches() {
        if (oneAtATime) {
            return batches;
        }
        List<Object> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return List.of(all);
    }
}
