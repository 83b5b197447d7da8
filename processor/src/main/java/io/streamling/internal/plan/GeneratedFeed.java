package io.streamling.internal.plan;

import java.io.Serializable;
import java.util.List;

/**
 * A source whose records a deterministic generator computes, step by step (Structured's
 * {@code rate} and {@code rate-micro-batch}): step {@code n} is written when the wall clock reaches
 * {@code origin + n * stepMs()}, with record timestamps from the generator, so the same origin
 * always gives the same records in the same batches. The runtime writes the steps into the topic;
 * the test kit pipes them as its wall clock advances.
 *
 * @param generator what each step holds
 */
public record GeneratedFeed(Generator generator) implements SourceFeed {

    /** The records of each step. */
    public interface Generator extends Serializable {

        /** The step length in milliseconds. */
        long stepMs();

        /** The records of step {@code n} (from 0) of a source whose first step starts at {@code origin}. */
        List<TimedElement> step(long n, long origin);
    }

    /**
     * One generated record.
     *
     * @param timestamp its record timestamp (which picks its batch)
     * @param element its element, written in Streamling's element encoding
     */
    public record TimedElement(long timestamp, Object element) implements Serializable {
    }
}
