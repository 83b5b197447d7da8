package io.streamling.sql;

import io.streamling.sql.types.DataType;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Missing values, as Spark's {@code df.na()}: {@code drop} rows with nulls, {@code fill} nulls with
 * a value. Both are row-by-row steps (a {@code where}, a {@code select} of {@code coalesce}s), so they
 * work on streaming Datasets too. As in Spark, a fill value applies to the columns of its kind only
 * (a number to numeric columns, cast to each column's type; a string to string columns; a boolean to
 * boolean columns), and {@code NaN} counts as missing for {@code drop} on double columns.
 */
public final class DataFrameNaFunctions {

    private final Dataset<Row> ds;

    DataFrameNaFunctions(Dataset<Row> ds) {
        this.ds = ds;
    }

    /** The rows without a null (or NaN) in any column. */
    public Dataset<Row> drop() {
        return drop("any");
    }

    /** The rows without a null in {@code "any"} column, or not null in {@code "all"} of them. */
    public Dataset<Row> drop(String how) {
        return drop(how, ds.columns());
    }

    /** The rows without a null in any of {@code cols}. */
    public Dataset<Row> drop(String[] cols) {
        return drop("any", cols);
    }

    /** The rows without a null in {@code "any"} of {@code cols}, or not null in {@code "all"} of them. */
    public Dataset<Row> drop(String how, String[] cols) {
        boolean any = switch (how.toLowerCase(Locale.ROOT)) {
            case "any" -> true;
            case "all" -> false;
            default -> throw new IllegalArgumentException("how (" + how + ") must be 'any' or 'all'");
        };
        Column keep = null;
        for (String name : cols) {
            Column present = present(name);
            keep = keep == null ? present : any ? keep.and(present) : keep.or(present);
        }
        return keep == null ? ds : ds.where(keep);
    }

    /** Nulls of numeric columns replaced by {@code value}. */
    public Dataset<Row> fill(long value) {
        return fill(value, ds.columns());
    }

    /** Nulls of numeric columns replaced by {@code value} (cast to each column's type). */
    public Dataset<Row> fill(double value) {
        return fill(value, ds.columns());
    }

    /** Nulls of string columns replaced by {@code value}. */
    public Dataset<Row> fill(String value) {
        return fill(value, ds.columns());
    }

    /** Nulls of boolean columns replaced by {@code value}. */
    public Dataset<Row> fill(boolean value) {
        return fill(value, ds.columns());
    }

    /** Nulls of the numeric columns among {@code cols} replaced by {@code value}. */
    public Dataset<Row> fill(long value, String[] cols) {
        return fillAll(value, cols);
    }

    /** Nulls of the numeric columns among {@code cols} replaced by {@code value}. */
    public Dataset<Row> fill(double value, String[] cols) {
        return fillAll(value, cols);
    }

    /** Nulls of the string columns among {@code cols} replaced by {@code value}. */
    public Dataset<Row> fill(String value, String[] cols) {
        return fillAll(value, cols);
    }

    /** Nulls of the boolean columns among {@code cols} replaced by {@code value}. */
    public Dataset<Row> fill(boolean value, String[] cols) {
        return fillAll(value, cols);
    }

    /** Nulls of each named column replaced by its value (which must suit the column's type). */
    public Dataset<Row> fill(Map<String, Object> valueByColumn) {
        return fillWith(field -> {
            Object value = valueByColumn.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(field.name()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (value != null && !suits(value, field.dataType())) {
                throw new IllegalArgumentException("Unsupported value type " + value.getClass().getSimpleName()
                        + " (" + value + ") for column " + field.name() + " of type " + field.dataType().simpleString());
            }
            return value;
        });
    }

    private Dataset<Row> fillAll(Object value, String[] cols) {
        List<String> names = Arrays.asList(cols);
        return fillWith(field -> names.stream().anyMatch(field.name()::equalsIgnoreCase)
                && suits(value, field.dataType()) ? value : null);
    }

    /** Every column, its nulls replaced by the value {@code valueOf} gives its field (none: unchanged). */
    private Dataset<Row> fillWith(Function<StructField, Object> valueOf) {
        List<Column> out = new ArrayList<>();
        for (StructField field : ds.schema().fields()) {
            Object value = valueOf.apply(field);
            out.add(value == null ? functions.col(field.name()) : filled(field, value));
        }
        return ds.select(out.toArray(Column[]::new));
    }

    private static Column filled(StructField field, Object value) {
        Column fill = functions.lit(value);
        if (value instanceof Number) {
            fill = fill.cast(field.dataType());
        }
        return functions.coalesce(functions.col(field.name()), fill).alias(field.name());
    }

    private static boolean suits(Object value, DataType type) {
        if (value instanceof Number) {
            return type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType) || type.equals(DataTypes.DoubleType);
        }
        if (value instanceof String) {
            return type.equals(DataTypes.StringType);
        }
        return value instanceof Boolean && type.equals(DataTypes.BooleanType);
    }

    private Column present(String name) {
        Column column = functions.col(name);
        DataType type = ds.schema().apply(ds.schema().fieldIndex(name)).dataType();
        if (type.equals(DataTypes.DoubleType)) {
            return column.isNotNull().and(functions.not(functions.isnan(column))); // Spark's drop counts NaN as missing
        }
        return column.isNotNull();
    }
}
