package io.streamling.sql.types;

import java.io.Serializable;
import java.util.Objects;

/** A named, typed field of a {@link StructType}. */
public record StructField(String name, DataType dataType, boolean nullable) implements Serializable {

    /** A field; name and type are required. */
    public StructField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
    }
}
