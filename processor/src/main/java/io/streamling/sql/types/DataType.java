package io.streamling.sql.types;

import java.io.Serializable;

/**
 * A column type. The simple types are the singletons of {@link DataTypes}; a {@link StructType} is
 * a row of named fields (the type of {@code window(...)}).
 */
public abstract class DataType implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Spark's simple name, as in DDL: {@code string}, {@code bigint}, {@code timestamp}… */
    public abstract String simpleString();

    @Override
    public String toString() {
        return simpleString();
    }
}
