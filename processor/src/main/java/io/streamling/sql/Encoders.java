package io.streamling.sql;

import io.streamling.api.Tuple2;
import io.streamling.sql.types.DataType;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructField;
import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.util.List;

/**
 * Encoders for {@code groupByKey} and {@code [flat]MapGroupsWithState}, as Spark's: atomic types
 * become one column {@code value}, tuples columns {@code _1} and {@code _2}, rows keep their schema.
 * State encoders only name the type here: state is kept Java-serialized.
 */
public final class Encoders {

    private Encoders() {
    }

    /** Strings. */
    public static Encoder<String> STRING() {
        return atomic(DataTypes.StringType);
    }

    /** Longs. */
    public static Encoder<Long> LONG() {
        return atomic(DataTypes.LongType);
    }

    /** Integers. */
    public static Encoder<Integer> INT() {
        return atomic(DataTypes.IntegerType);
    }

    /** Doubles. */
    public static Encoder<Double> DOUBLE() {
        return atomic(DataTypes.DoubleType);
    }

    /** Booleans. */
    public static Encoder<Boolean> BOOLEAN() {
        return atomic(DataTypes.BooleanType);
    }

    /** Timestamps. */
    public static Encoder<java.sql.Timestamp> TIMESTAMP() {
        return atomic(DataTypes.TimestampType);
    }

    /** Rows of {@code schema}. */
    public static Encoder<Row> row(StructType schema) {
        return new Of<>(schema, value -> new Row(schema, value.values()), row -> row);
    }

    /** Pairs: columns {@code _1} and {@code _2}. */
    public static <A, B> Encoder<Tuple2<A, B>> tuple(Encoder<A> first, Encoder<B> second) {
        StructType schema = new StructType(List.of(new StructField("_1", column(first), true),
                new StructField("_2", column(second), true)));
        return new Of<>(schema,
                value -> new Row(schema, first.toRow(value._1()).get(0), second.toRow(value._2()).get(0)),
                row -> new Tuple2<>(first.fromRow(Row.of(row.get(0))), second.fromRow(Row.of(row.get(1)))));
    }

    /** Any Serializable class, for state only (Spark stores it as binary). */
    public static <T> Encoder<T> javaSerialization(Class<T> type) {
        StructType schema = new StructType(List.of(new StructField("value", DataTypes.StringType, true)));
        return new Of<>(schema, value -> {
            throw new UnsupportedOperationException("Encoders.javaSerialization(" + type.getName()
                    + ") is for state only in Streamling; output records need an atomic, tuple or row encoder");
        }, row -> {
            throw new UnsupportedOperationException("Encoders.javaSerialization(" + type.getName()
                    + ") is for state only in Streamling");
        });
    }

    private static DataType column(Encoder<?> encoder) {
        if (encoder.schema().fields().length != 1) {
            throw new AnalysisException("Encoders.tuple takes encoders of one column here");
        }
        return encoder.schema().apply(0).dataType();
    }

    @SuppressWarnings("unchecked")
    private static <T> Encoder<T> atomic(DataType type) {
        StructType schema = new StructType(List.of(new StructField("value", type, true)));
        return new Of<>(schema, value -> new Row(schema, value), row -> (T) row.get(0));
    }

    /** One way of a conversion; Serializable, as the encoder that holds it travels with the query. */
    private interface Conversion<A, B> extends Serializable {
        B apply(A value);
    }

    /** An encoder made of its schema and its two conversions. */
    private record Of<T>(StructType schema, Conversion<T, Row> to, Conversion<Row, T> from) implements Encoder<T> {

        @Override
        public Row toRow(T value) {
            return to.apply(value);
        }

        @Override
        public T fromRow(Row row) {
            return from.apply(row);
        }
    }
}
