package io.streamling.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;

/**
 * The JSON forms the progress classes share ({@code json()}, {@code prettyJson()}, and
 * {@code toString()} as the pretty form, as Spark's); each class only says its fields.
 */
abstract class JsonProgress implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The object's fields in Spark's order, written with {@link ProgressJson}. */
    abstract ObjectNode jsonValue();

    /** The compact JSON form. */
    public String json() {
        return ProgressJson.compact(jsonValue());
    }

    /** The indented JSON form, as Spark's programming guide shows it. */
    public String prettyJson() {
        return ProgressJson.pretty(jsonValue());
    }

    @Override
    public String toString() {
        return prettyJson();
    }
}
