package io.streamling.sql.types;

import java.util.Arrays;
import java.util.List;

/** The supported column types and factories, as Spark's {@code DataTypes}. */
public final class DataTypes {

    /** Strings, held as {@link String}. */
    public static final DataType StringType = new AtomicType("string");
    /** 32-bit integers, held as {@link Integer}. */
    public static final DataType IntegerType = new AtomicType("int");
    /** 64-bit integers, held as {@link Long}. */
    public static final DataType LongType = new AtomicType("bigint");
    /** Doubles, held as {@link Double}. */
    public static final DataType DoubleType = new AtomicType("double");
    /** Booleans, held as {@link Boolean}. */
    public static final DataType BooleanType = new AtomicType("boolean");
    /** Instants, held as {@link java.sql.Timestamp} as in Spark's Java API. */
    public static final DataType TimestampType = new AtomicType("timestamp");
    /** {@code binary}: {@code byte[]} values (the Kafka source's key and value). */
    public static final DataType BinaryType = new AtomicType("binary");

    private DataTypes() {
    }

    /** A field. */
    public static StructField createStructField(String name, DataType type, boolean nullable) {
        return new StructField(name, type, nullable);
    }

    /** A struct of fields. */
    public static StructType createStructType(List<StructField> fields) {
        return new StructType(fields);
    }

    /** A struct of fields. */
    public static StructType createStructType(StructField... fields) {
        return new StructType(Arrays.asList(fields));
    }

    /** The type of a DDL type name ({@code STRING}, {@code BIGINT}/{@code LONG}, {@code INT}…), case-insensitive. */
    public static DataType fromDdl(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "string", "varchar" -> StringType;
            case "int", "integer" -> IntegerType;
            case "bigint", "long" -> LongType;
            case "double", "float" -> DoubleType;
            case "boolean" -> BooleanType;
            case "timestamp" -> TimestampType;
            case "binary" -> BinaryType;
            default -> throw new IllegalArgumentException("Unsupported data type: " + name.trim());
        };
    }
}
