package io.streamling.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;

/**
 * What a query is doing now, as Spark's {@code StreamingQueryStatus}:
 * {@code {"message":"Waiting for data to arrive","isDataAvailable":false,"isTriggerActive":false}}.
 *
 * @param message what the query is doing ({@link #WAITING_FOR_DATA}, {@link #PROCESSING}…)
 * @param isDataAvailable whether the current trigger has new data
 * @param isTriggerActive whether a trigger is running
 */
public record StreamingQueryStatus(String message, boolean isDataAvailable, boolean isTriggerActive)
        implements Serializable {

    /** Before the first trigger. */
    public static final String INITIALIZING = "Initializing sources";
    /** Between triggers, when the last had no data. */
    public static final String WAITING_FOR_DATA = "Waiting for data to arrive";
    /** While a micro-batch runs. */
    public static final String PROCESSING = "Processing new data";
    /** After the query has stopped. */
    public static final String STOPPED = "Stopped";

    /** The compact JSON form. */
    public String json() {
        return ProgressJson.compact(jsonValue());
    }

    /** The indented JSON form. */
    public String prettyJson() {
        return ProgressJson.pretty(jsonValue());
    }

    private ObjectNode jsonValue() {
        ObjectNode node = ProgressJson.object();
        node.put("message", message);
        node.put("isDataAvailable", isDataAvailable);
        node.put("isTriggerActive", isTriggerActive);
        return node;
    }

    @Override
    public String toString() {
        return prettyJson();
    }
}
