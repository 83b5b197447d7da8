package io.streamling.internal.runtime;

/**
 * A progress marker that flows with the data: producer {@code producer} promises that it will
 * send no more element with a timestamp below {@code time}. {@code origin} is the smallest
 * record timestamp any source upstream of the producer has seen ({@link Long#MAX_VALUE} while
 * none has seen data): per-batch outputs start at the batch holding it.
 *
 * <p>Markers are broadcast to every partition of a repartition topic, so each downstream task
 * hears every upstream task and can take the minimum: the watermark.
 *
 * @param producer who emitted the marker: the operator and its task's partition, e.g.
 *                 {@code reduceByKey-4/1}; unique across the program, so the markers of the two
 *                 inputs of a union stay apart
 * @param time the batch-aligned event time below which the producer is complete
 * @param origin the earliest record timestamp seen upstream, or {@link Long#MAX_VALUE}
 */
public record Watermark(String producer, long time, long origin) {

    /** The origin of a producer that has not seen any record yet. */
    public static final long NO_ORIGIN = Long.MAX_VALUE;

    /** The marker of {@code operator} in the task of {@code partition}. */
    public static Watermark of(String operator, int partition, long time, long origin) {
        return new Watermark(operator + "/" + partition, time, origin);
    }
}
