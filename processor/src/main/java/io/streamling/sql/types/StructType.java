package io.streamling.sql.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** An ordered list of fields: the schema of a row, or the type of a struct column. Immutable. */
public final class StructType extends DataType {

    private static final long serialVersionUID = 1L;

    private final List<StructField> fields;

    /** A struct of these fields. */
    public StructType(List<StructField> fields) {
        this.fields = List.copyOf(fields);
    }

    /** An empty struct, to be extended with {@link #add(String, DataType)}. */
    public StructType() {
        this(List.of());
    }

    /**
     * Parses a DDL schema such as {@code "time TIMESTAMP, action STRING"}.
     *
     * @throws IllegalArgumentException naming the part that cannot be parsed
     */
    public static StructType fromDDL(String ddl) {
        List<StructField> fields = new ArrayList<>();
        for (String part : ddl.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words.length != 2) {
                throw new IllegalArgumentException("Cannot parse the DDL field '" + part.trim() + "' of: " + ddl);
            }
            fields.add(new StructField(words[0].replace("`", ""), DataTypes.fromDdl(words[1]), true));
        }
        return new StructType(fields);
    }

    /** This struct with one more (nullable) field. */
    public StructType add(String name, DataType type) {
        List<StructField> more = new ArrayList<>(fields);
        more.add(new StructField(name, type, true));
        return new StructType(more);
    }

    /** The fields, in order. */
    public StructField[] fields() {
        return fields.toArray(StructField[]::new);
    }

    /** The field names, in order. */
    public String[] fieldNames() {
        return fields.stream().map(StructField::name).toArray(String[]::new);
    }

    /** The number of fields. */
    public int size() {
        return fields.size();
    }

    /** The field at {@code i}. */
    public StructField apply(int i) {
        return fields.get(i);
    }

    /**
     * The index of a field, matched case-insensitively as Spark does by default.
     *
     * @throws IllegalArgumentException when there is no such field, naming the available ones
     */
    public int fieldIndex(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Field \"" + name + "\" does not exist. Available fields: "
                + Arrays.toString(fieldNames()));
    }

    @Override
    public String simpleString() {
        return fields.stream().map(f -> f.name() + ":" + f.dataType().simpleString())
                .collect(Collectors.joining(",", "struct<", ">"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StructType struct && struct.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }
}
