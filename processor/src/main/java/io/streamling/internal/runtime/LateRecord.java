package io.streamling.internal.runtime;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A source record that arrived after its batch had closed, as it was read (raw key and value
 * bytes, headers), on its way to the late-data topic. It never crosses a topic inside a program.
 *
 * @param operator the operator that found it late
 * @param batchStart the start of the batch it belongs to
 * @param batchEnd the end of that batch
 * @param watermark the progress already announced when it arrived
 * @param key the original key bytes
 * @param value the original value bytes
 */
public record LateRecord(String operator, long batchStart, long batchEnd, long watermark, byte[] key, byte[] value) {

    /** Header naming the operator that found the record late. */
    public static final String OPERATOR_HEADER = "streamling.late.operator";
    /** Header giving the batch the record belongs to, as {@code [start,end)} in epoch ms. */
    public static final String WINDOW_HEADER = "streamling.late.window";
    /** Header giving the watermark the record was behind, in epoch ms. */
    public static final String WATERMARK_HEADER = "streamling.late.watermark";

    /** The original headers plus the three that explain why the record is here. */
    public Headers explain(Headers original) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.add(OPERATOR_HEADER, operator.getBytes(StandardCharsets.UTF_8));
        headers.add(WINDOW_HEADER, ("[" + batchStart + "," + batchEnd + ")").getBytes(StandardCharsets.UTF_8));
        headers.add(WATERMARK_HEADER, Long.toString(watermark).getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
