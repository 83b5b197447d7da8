package io.streamling.sql;

import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One row of a {@link Dataset}: values in schema order. Equality is on the values only, so rows
 * can key state; {@code toString} is Spark's {@code [a,1]}.
 */
public final class Row implements Serializable, Comparable<Row> {

    private static final long serialVersionUID = 1L;

    private final Object[] values;
    private final StructType schema;
    /** The hash code once computed; 0 until then. */
    private transient int hash;

    /** A row of these values, described by {@code schema} (which may be null for key rows). */
    public Row(StructType schema, Object... values) {
        this.schema = schema;
        this.values = values.clone();
    }

    /** A row of values without a schema, as Spark's {@code RowFactory.create}. */
    public static Row of(Object... values) {
        return new Row(null, values);
    }

    /** The schema, or null for a row created without one. */
    public StructType schema() {
        return schema;
    }

    /** The number of values. */
    public int length() {
        return values.length;
    }

    /** The number of values, as {@link #length()}. */
    public int size() {
        return values.length;
    }

    /** The value at {@code i}. */
    public Object get(int i) {
        return values[i];
    }

    /** The value of a named field. */
    @SuppressWarnings("unchecked")
    public <T> T getAs(String fieldName) {
        return (T) values[schema.fieldIndex(fieldName)];
    }

    /** The string at {@code i}. */
    public String getString(int i) {
        return (String) values[i];
    }

    /** The long at {@code i}. */
    public long getLong(int i) {
        return ((Number) values[i]).longValue();
    }

    /** The int at {@code i}. */
    public int getInt(int i) {
        return ((Number) values[i]).intValue();
    }

    /** The double at {@code i}. */
    public double getDouble(int i) {
        return ((Number) values[i]).doubleValue();
    }

    /** The struct at {@code i}. */
    public Row getStruct(int i) {
        return (Row) values[i];
    }

    /** Whether the value at {@code i} is null. */
    public boolean isNullAt(int i) {
        return values[i] == null;
    }

    /** A copy of the values. */
    public Object[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Row row) || row.values.length != values.length
                || (hash != 0 && row.hash != 0 && hash != row.hash)) {
            return false;
        }
        // value by value as Arrays.deepEquals, without its type tests for the usual scalar values:
        // rows are group keys, compared at every update of their group
        for (int i = 0; i < values.length; i++) {
            Object a = values[i];
            Object b = row.values[i];
            if (a != b && (a == null || b == null || !(a.getClass().isArray() || b.getClass().isArray()
                    ? Arrays.deepEquals(new Object[] {a}, new Object[] {b}) : a.equals(b)))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            // cached, as String's: a row is a group key hashed at every update of its group
            h = 1;
            for (Object value : values) {
                // Arrays.deepHashCode's sum, its type tests only for arrays
                h = 31 * h + (value == null ? 0 : value.getClass().isArray()
                        ? Arrays.deepHashCode(new Object[] {value}) - 31 : value.hashCode());
            }
            hash = h;
        }
        return h;
    }

    /** Orders rows value by value, nulls first, so that results print in a stable order. */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compareTo(Row other) {
        for (int i = 0; i < Math.min(values.length, other.values.length); i++) {
            Object a = values[i];
            Object b = other.values[i];
            int c;
            if (a == null || b == null) {
                c = a == null ? (b == null ? 0 : -1) : 1;
            } else if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
                c = ca.compareTo(b);
            } else {
                c = a.toString().compareTo(b.toString());
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(values.length, other.values.length);
    }

    @Override
    public String toString() {
        return Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
