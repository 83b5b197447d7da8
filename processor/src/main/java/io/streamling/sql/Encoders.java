package io.streamling.sql;

import io.streamling.api.Tuple2;
import io.streamling.sql.types.DataType;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructField;
import io.streamling.sql.types.StructType;
import java.io.Serializable;
import java.util.List;

/**
 * Encoders for typed Datasets, {@code groupByKey} and {@code [flat]MapGroupsWithState}, as Spark's:
 * atomic types become one column {@code value}, tuples columns {@code _1} and {@code _2}, beans a
 * column per property, rows keep their schema.
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

    /**
     * A Java bean: one column per property with a getter and a setter, named as the property and in
     * the order of the names (as Spark's bean encoder); properties of types String, int / Integer,
     * long / Long, double / Double, boolean / Boolean and Timestamp. The bean needs a public no-argument
     * constructor.
     *
     * @throws IllegalArgumentException naming the class and the property when a property's type has no column type
     */
    public static <T> Encoder<T> bean(Class<T> beanClass) {
        List<java.beans.PropertyDescriptor> properties = beanProperties(beanClass);
        List<StructField> fields = new java.util.ArrayList<>();
        for (java.beans.PropertyDescriptor property : properties) {
            fields.add(new StructField(property.getName(), beanColumnType(beanClass, property), true));
        }
        StructType schema = new StructType(fields);
        // the conversions hold the class only (they travel with the query): its properties are looked up again
        return new Of<>(schema, value -> {
            List<java.beans.PropertyDescriptor> read = beanProperties(beanClass);
            Object[] values = new Object[read.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = invoke(read.get(i).getReadMethod(), value);
            }
            return new Row(schema, values);
        }, row -> {
            List<java.beans.PropertyDescriptor> written = beanProperties(beanClass);
            T bean = newBean(beanClass);
            for (int i = 0; i < written.size(); i++) {
                java.beans.PropertyDescriptor property = written.get(i);
                if (row.get(i) == null && property.getPropertyType().isPrimitive()) {
                    throw new NullPointerException("[NOT_NULL_ASSERT_VIOLATION] NULL value appeared in non-nullable "
                            + "field: property " + property.getName() + " of bean " + beanClass.getName() + " has type "
                            + property.getPropertyType() + "; use its box (such as java.lang.Integer) for a value that "
                            + "may be null.");
                }
                invoke(property.getWriteMethod(), bean, row.get(i));
            }
            return bean;
        });
    }

    private static final java.util.Map<Class<?>, List<java.beans.PropertyDescriptor>> BEAN_PROPERTIES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static List<java.beans.PropertyDescriptor> beanProperties(Class<?> beanClass) {
        return BEAN_PROPERTIES.computeIfAbsent(beanClass, Encoders::readBeanProperties);
    }

    private static List<java.beans.PropertyDescriptor> readBeanProperties(Class<?> beanClass) {
        try {
            return java.util.Arrays.stream(java.beans.Introspector.getBeanInfo(beanClass).getPropertyDescriptors())
                    .filter(p -> p.getReadMethod() != null && p.getWriteMethod() != null)
                    .sorted(java.util.Comparator.comparing(java.beans.PropertyDescriptor::getName)).toList();
        } catch (java.beans.IntrospectionException e) {
            throw new IllegalArgumentException("Cannot read the properties of bean class " + beanClass.getName() + ": " + e, e);
        }
    }

    private static DataType beanColumnType(Class<?> beanClass, java.beans.PropertyDescriptor property) {
        Class<?> type = property.getPropertyType();
        if (type == String.class) {
            return DataTypes.StringType;
        } else if (type == int.class || type == Integer.class) {
            return DataTypes.IntegerType;
        } else if (type == long.class || type == Long.class) {
            return DataTypes.LongType;
        } else if (type == double.class || type == Double.class) {
            return DataTypes.DoubleType;
        } else if (type == boolean.class || type == Boolean.class) {
            return DataTypes.BooleanType;
        } else if (type == java.sql.Timestamp.class) {
            return DataTypes.TimestampType;
        }
        throw new IllegalArgumentException("Bean class " + beanClass.getName() + ": property " + property.getName()
                + " has type " + type.getName() + ", which has no column type here (String, int, long, double, boolean,"
                + " Timestamp and their boxes do)");
    }

    private static <T> T newBean(Class<T> beanClass) {
        try {
            return beanClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Bean class " + beanClass.getName() + " needs a public no-argument constructor: "
                    + e, e);
        }
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call " + method + ": " + e, e);
        }
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
