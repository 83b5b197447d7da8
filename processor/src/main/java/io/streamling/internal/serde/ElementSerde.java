package io.streamling.internal.serde;

import io.streamling.api.ElementCodec;
import io.streamling.api.Tuple2;
import io.streamling.internal.runtime.ShuffleBundle;
import io.streamling.internal.runtime.Watermark;
import io.streamling.internal.sql.SqlCodecs;
import io.streamling.sql.Row;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serde of DStream elements inside the runtime: repartition topics and state stores.
 *
 * <p>A DStream program is written with lambdas, whose element types are erased, so the runtime
 * cannot pick a serde per type the way Kafka Streams users do. Like Spark's serializers, this
 * one is self-describing: every value starts with a one-byte tag. Common types (String, boxed
 * numbers, Boolean, byte[], {@link Tuple2}, lists, {@link Optional}, Structured Streaming's
 * {@link Row} and its values, the Structured runtime's own records) get a compact hand-written
 * encoding; then come the {@link ElementCodec}s an application registered; any other
 * {@link Serializable} type falls back to Java serialization; anything else fails with an error
 * naming the type.
 */
public final class ElementSerde implements Serde<Object>, Serializer<Object>, Deserializer<Object> {

    /** The shared instance; the serde is stateless but for its process-wide codec registry. */
    public static final ElementSerde INSTANCE = new ElementSerde();

    // tags are persisted in state and changelogs: never renumber one
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte INTEGER = 3;
    private static final byte DOUBLE = 4;
    private static final byte BOOLEAN = 5;
    private static final byte BYTES = 6;
    private static final byte TUPLE2 = 7;
    private static final byte LIST = 8;
    private static final byte FLOAT = 9;
    private static final byte SHORT = 10;
    private static final byte BYTE = 11;
    private static final byte CHAR = 12;
    private static final byte OPTIONAL = 13;
    /** An application's {@link ElementCodec}: its registration id follows. */
    private static final byte REGISTERED_CODEC = 14;
    private static final byte WATERMARK = 20;
    private static final byte SHUFFLE_BUNDLE = 21;
    private static final byte ORDERED_STRING = 30;
    private static final byte ORDERED_INTEGER = 31;
    private static final byte ORDERED_LONG = 32;
    private static final byte ORDERED_ROW = 33;
    private static final byte ROW = 40;
    private static final byte TIMESTAMP = 41;
    private static final byte SQL_DATE = 42;
    private static final byte BIG_DECIMAL = 43;
    private static final byte INSTANT = 44;
    private static final byte LOCAL_DATE = 45;
    private static final byte OBJECT_ARRAY = 46;
    private static final byte LONG_ARRAY = 47;
    private static final byte SORTED_MAP = 48;
    /** The first of the tags {@link SqlCodecs#BUILT_IN} uses, in its order. */
    private static final int SQL_RECORDS = 60;
    private static final byte JAVA_SERIALIZED = 99;

    /** A codec and how its values are tagged: a built-in tag, or {@link #REGISTERED_CODEC} and an id. */
    private record Registered(byte tag, int id, Class<?> type, ElementCodec<Object> codec) {
    }

    /** Each thread's output buffer, reused: serialization is on the per-record path. */
    private static final ThreadLocal<ElementOutput> BUFFERS = ThreadLocal.withInitial(ElementOutput::new);
    private static final Map<Class<?>, Registered> BY_CLASS = new ConcurrentHashMap<>();
    private static final Map<Integer, Registered> BY_ID = new ConcurrentHashMap<>();
    private static final Registered[] BY_TAG = new Registered[128];

    static {
        List<SqlCodecs.BuiltIn<?>> builtIn = SqlCodecs.BUILT_IN;
        for (int i = 0; i < builtIn.size(); i++) {
            @SuppressWarnings("unchecked")
            ElementCodec<Object> codec = (ElementCodec<Object>) builtIn.get(i).codec();
            Registered registered = new Registered((byte) (SQL_RECORDS + i), -1, builtIn.get(i).type(), codec);
            BY_CLASS.put(registered.type(), registered);
            BY_TAG[registered.tag()] = registered;
        }
    }

    private ElementSerde() {
    }

    /**
     * Registers an application's codec for exactly {@code type}, process-wide; see
     * {@link ElementCodec}. Registering the same type under the same id again replaces its codec.
     *
     * @throws IllegalArgumentException for a negative id, an id or type registered otherwise, or a
     *     type the serde encodes itself
     */
    @SuppressWarnings("unchecked")
    public static synchronized <T> void register(int id, Class<T> type, ElementCodec<? super T> codec) {
        if (id < 0) {
            throw new IllegalArgumentException("An element codec's id must be 0 or more, got " + id + " for "
                    + type.getName());
        }
        if (hasBuiltInEncoding(type)) {
            throw new IllegalArgumentException("Cannot register an element codec for " + type.getName()
                    + ": Streamling encodes it itself");
        }
        Registered byId = BY_ID.get(id);
        if (byId != null && byId.type() != type) {
            throw new IllegalArgumentException("Element codec id " + id + " is already registered for "
                    + byId.type().getName() + ", cannot register it for " + type.getName());
        }
        Registered byClass = BY_CLASS.get(type);
        if (byClass != null && byClass.id() != id) {
            throw new IllegalArgumentException("An element codec for " + type.getName() + " is already registered "
                    + "with id " + byClass.id() + ", cannot register it again with id " + id);
        }
        Registered registered = new Registered(REGISTERED_CODEC, id, type, (ElementCodec<Object>) codec);
        BY_ID.put(id, registered);
        BY_CLASS.put(type, registered);
    }

    private static boolean hasBuiltInEncoding(Class<?> type) {
        Registered registered = BY_CLASS.get(type);
        return (registered != null && registered.id() < 0) || type == String.class || type == Long.class
                || type == Integer.class || type == Double.class || type == Boolean.class || type == byte[].class
                || type == Float.class || type == Short.class || type == Byte.class || type == Character.class
                || type == Tuple2.class || type == Row.class || type == Timestamp.class || type == java.sql.Date.class
                || type == BigDecimal.class || type == Instant.class || type == LocalDate.class
                || type == Object[].class || type == long[].class || type == Watermark.class || type == TreeMap.class
                || type == ShuffleBundle.class
                || List.class.isAssignableFrom(type) || Optional.class.isAssignableFrom(type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // stateless: nothing to configure
    }

    @Override
    public void close() {
        // stateless: nothing to release
    }

    @Override
    public Serializer<Object> serializer() {
        return this;
    }

    @Override
    public Deserializer<Object> deserializer() {
        return this;
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        ElementOutput out = takeBuffer();
        try {
            write(out, value);
            return out.toByteArray();
        } finally {
            out.reset();
        }
    }

    /**
     * What {@link #serialize(String, Object)} writes for {@code new Tuple2<>(first, second)}, given
     * the encoding of {@code first}: a shuffle encodes a pair's key once, to route it and to send it.
     */
    public byte[] serializePair(byte[] first, Object second) {
        ElementOutput out = takeBuffer();
        try {
            out.writeByte(TUPLE2);
            out.writeRaw(first);
            write(out, second);
            return out.toByteArray();
        } finally {
            out.reset();
        }
    }

    /** This thread's output buffer, marked in use until its {@code reset()}. */
    private static ElementOutput takeBuffer() {
        ElementOutput out = BUFFERS.get();
        if (out.inUse) {
            out = new ElementOutput(); // a codec serializing from inside serialize: not this thread's buffer
        }
        out.inUse = true;
        return out;
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return read(new ElementInput(ByteBuffer.wrap(data)));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("Cannot deserialize an element from " + data.length + " bytes: " + e, e);
        }
    }

    /**
     * Reads {@code count} elements encoded back to back (each as {@link #serialize} wrote it), as
     * a {@link ShuffleBundle} carries them, handing each to {@code action} in order.
     */
    public void deserializeEach(byte[] data, int count, Consumer<Object> action) {
        ElementInput in = new ElementInput(ByteBuffer.wrap(data));
        try {
            for (int i = 0; i < count; i++) {
                action.accept(read(in));
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("Cannot deserialize " + count + " elements from " + data.length
                    + " bytes: " + e, e);
        }
    }

    /**
     * Encodes an element used as a store key so that byte order is the natural order for strings,
     * integers, longs and bare rows of such values ({@link OrderedRowKey}): results of a batch then
     * come out sorted by key.
     */
    public byte[] serializeOrderedKey(Object key) {
        if (key instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + utf8.length).put(ORDERED_STRING).put(utf8).array();
        } else if (key instanceof Integer i) {
            return ByteBuffer.allocate(1 + Integer.BYTES).put(ORDERED_INTEGER).putInt(i ^ Integer.MIN_VALUE).array();
        } else if (key instanceof Long l) {
            return ByteBuffer.allocate(1 + Long.BYTES).put(ORDERED_LONG).putLong(l ^ Long.MIN_VALUE).array();
        } else if (key instanceof Row row) {
            byte[] ordered = OrderedRowKey.encode(ORDERED_ROW, row);
            if (ordered != null) {
                return ordered;
            }
        }
        return serialize(null, key);
    }

    /** Decodes what {@link #serializeOrderedKey(Object)} wrote. */
    public Object deserializeOrderedKey(byte[] data) {
        ByteBuffer buffer = ByteBuffer.wrap(data, 1, data.length - 1);
        return switch (data[0]) {
            case ORDERED_STRING -> new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
            case ORDERED_INTEGER -> buffer.getInt() ^ Integer.MIN_VALUE;
            case ORDERED_LONG -> buffer.getLong() ^ Long.MIN_VALUE;
            case ORDERED_ROW -> OrderedRowKey.decode(data);
            default -> deserialize(null, data);
        };
    }

    private static void write(ElementOutput out, Object value) {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            out.writeString(s);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Integer i) {
            out.writeByte(INTEGER);
            out.writeInt(i);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof byte[] b) {
            out.writeByte(BYTES);
            writeBytes(out, b);
        } else if (value instanceof Tuple2<?, ?> t) {
            out.writeByte(TUPLE2);
            write(out, t._1());
            write(out, t._2());
        } else if (value instanceof Row row) {
            out.writeByte(ROW);
            writeBytes(out, SchemaCodec.encode(row.schema()));
            out.writeInt(row.length());
            for (int i = 0; i < row.length(); i++) {
                write(out, row.get(i));
            }
        } else if (!writeExactType(out, value)) {
            writeOther(out, value);
        }
    }

    /** Types matched by their exact class, as subclasses could carry more than the encoding keeps. */
    private static boolean writeExactType(ElementOutput out, Object value) {
        Class<?> type = value.getClass();
        if (type == Timestamp.class) {
            Timestamp ts = (Timestamp) value;
            out.writeByte(TIMESTAMP);
            out.writeLong(ts.getTime());
            out.writeInt(ts.getNanos());
        } else if (type == java.sql.Date.class) {
            out.writeByte(SQL_DATE);
            out.writeLong(((java.sql.Date) value).getTime());
        } else if (type == BigDecimal.class) {
            BigDecimal decimal = (BigDecimal) value;
            out.writeByte(BIG_DECIMAL);
            out.writeInt(decimal.scale());
            writeBytes(out, decimal.unscaledValue().toByteArray());
        } else if (type == Instant.class) {
            Instant instant = (Instant) value;
            out.writeByte(INSTANT);
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        } else if (type == LocalDate.class) {
            out.writeByte(LOCAL_DATE);
            out.writeLong(((LocalDate) value).toEpochDay());
        } else if (type == Object[].class) {
            Object[] array = (Object[]) value;
            out.writeByte(OBJECT_ARRAY);
            out.writeInt(array.length);
            for (Object element : array) {
                write(out, element);
            }
        } else if (type == long[].class) {
            long[] array = (long[]) value;
            out.writeByte(LONG_ARRAY);
            out.writeInt(array.length);
            for (long element : array) {
                out.writeLong(element);
            }
        } else if (type == TreeMap.class && ((TreeMap<?, ?>) value).comparator() == null) {
            TreeMap<?, ?> map = (TreeMap<?, ?>) value;
            out.writeByte(SORTED_MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                write(out, entry.getKey());
                write(out, entry.getValue());
            }
        } else {
            Registered registered = BY_CLASS.get(type);
            if (registered == null) {
                return false;
            }
            out.writeByte(registered.tag());
            if (registered.id() >= 0) {
                out.writeInt(registered.id());
            }
            registered.codec().write(value, out);
        }
        return true;
    }

    private static void writeOther(ElementOutput out, Object value) {
        if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object element : list) {
                write(out, element);
            }
        } else if (value instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeInt(Float.floatToIntBits(f));
        } else if (value instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (value instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (value instanceof Character c) {
            out.writeByte(CHAR);
            out.writeShort(c);
        } else if (value instanceof Optional<?> optional) {
            out.writeByte(OPTIONAL);
            out.writeBoolean(optional.isPresent());
            if (optional.isPresent()) {
                write(out, optional.get());
            }
        } else if (value instanceof Watermark w) {
            out.writeByte(WATERMARK);
            out.writeString(w.producer());
            out.writeLong(w.time());
            out.writeLong(w.origin());
        } else if (value instanceof ShuffleBundle bundle) {
            out.writeByte(SHUFFLE_BUNDLE);
            out.writeInt(bundle.partition());
            out.writeInt(bundle.count());
            writeBytes(out, bundle.elements());
        } else if (value instanceof Serializable) {
            out.writeByte(JAVA_SERIALIZED);
            writeBytes(out, javaSerialized(value));
        } else {
            throw new SerializationException("No serde for element type " + value.getClass().getName()
                    + ": use String, a boxed number, Boolean, byte[], Tuple2, a List, an Optional, a Serializable type,"
                    + " or register an ElementCodec for it");
        }
    }

    /** Java serialization, the fallback (also for data types a schema cannot name). */
    static byte[] javaSerialized(Object value) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(buffer)) {
            objects.writeObject(value);
        } catch (NotSerializableException e) {
            throw new SerializationException("No serde for element type " + value.getClass().getName()
                    + ": it holds a field of type " + e.getMessage() + " that is not Serializable", e);
        } catch (IOException e) {
            throw new SerializationException("Cannot serialize a " + value.getClass().getName() + ": " + e, e);
        }
        return buffer.toByteArray();
    }

    /** Reads what {@link #javaSerialized(Object)} wrote. */
    static Object javaDeserialized(byte[] bytes) {
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return objects.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new SerializationException("Cannot deserialize a Java-serialized element of " + bytes.length
                    + " bytes: " + e, e);
        }
    }

    private static Object read(ElementInput in) {
        ByteBuffer buffer = in.buffer;
        byte tag = buffer.get();
        return switch (tag) {
            case NULL -> null;
            case STRING -> in.readString();
            case LONG -> buffer.getLong();
            case INTEGER -> buffer.getInt();
            case DOUBLE -> buffer.getDouble();
            case BOOLEAN -> buffer.get() != 0;
            case BYTES -> readBytes(buffer);
            case TUPLE2 -> new Tuple2<>(read(in), read(in));
            case LIST -> readList(in);
            case FLOAT -> buffer.getFloat();
            case SHORT -> buffer.getShort();
            case BYTE -> buffer.get();
            case CHAR -> buffer.getChar();
            case OPTIONAL -> buffer.get() != 0 ? Optional.ofNullable(read(in)) : Optional.empty();
            case REGISTERED_CODEC -> readRegistered(in);
            case WATERMARK -> new Watermark(in.readString(), buffer.getLong(), buffer.getLong());
            case SHUFFLE_BUNDLE -> new ShuffleBundle(buffer.getInt(), buffer.getInt(), readBytes(buffer));
            case ROW -> readRow(in);
            case TIMESTAMP -> {
                Timestamp ts = new Timestamp(buffer.getLong());
                ts.setNanos(buffer.getInt());
                yield ts;
            }
            case SQL_DATE -> new java.sql.Date(buffer.getLong());
            case BIG_DECIMAL -> {
                int scale = buffer.getInt();
                yield new BigDecimal(new BigInteger(readBytes(buffer)), scale);
            }
            case INSTANT -> Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
            case LOCAL_DATE -> LocalDate.ofEpochDay(buffer.getLong());
            case OBJECT_ARRAY -> {
                Object[] array = new Object[buffer.getInt()];
                for (int i = 0; i < array.length; i++) {
                    array[i] = read(in);
                }
                yield array;
            }
            case LONG_ARRAY -> {
                long[] array = new long[buffer.getInt()];
                for (int i = 0; i < array.length; i++) {
                    array[i] = buffer.getLong();
                }
                yield array;
            }
            case SORTED_MAP -> readSortedMap(in);
            case JAVA_SERIALIZED -> javaDeserialized(readBytes(buffer));
            default -> {
                Registered registered = tag > 0 ? BY_TAG[tag] : null;
                if (registered == null) {
                    throw new SerializationException("Unknown element tag " + tag + ": not written by Streamling");
                }
                yield registered.codec().read(in);
            }
        };
    }

    private static Object readRegistered(ElementInput in) {
        int id = in.buffer.getInt();
        Registered registered = BY_ID.get(id);
        if (registered == null) {
            throw new SerializationException("No element codec is registered with id " + id + ": register the codec "
                    + "that wrote it (StreamingConf.registerElementCodec) before the application starts");
        }
        return registered.codec().read(in);
    }

    private static Row readRow(ElementInput in) {
        ByteBuffer buffer = in.buffer;
        int schemaLength = buffer.getInt();
        var schema = SchemaCodec.decode(buffer.array(), buffer.arrayOffset() + buffer.position(), schemaLength);
        buffer.position(buffer.position() + schemaLength);
        Object[] values = new Object[buffer.getInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(in);
        }
        return new Row(schema, values);
    }

    private static TreeMap<Object, Object> readSortedMap(ElementInput in) {
        int size = in.buffer.getInt();
        TreeMap<Object, Object> map = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            map.put(read(in), read(in));
        }
        return map;
    }

    private static List<Object> readList(ElementInput in) {
        int size = in.buffer.getInt();
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(read(in));
        }
        return list;
    }

    private static void writeBytes(ElementOutput out, byte[] bytes) {
        out.writeInt(bytes.length);
        out.writeRaw(bytes);
    }

    private static byte[] readBytes(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return bytes;
    }

    /** The reading side given to codecs: the buffer, with elements read by the serde. */
    private static final class ElementInput implements ElementCodec.Input {
        private final ByteBuffer buffer;

        ElementInput(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public byte readByte() {
            return buffer.get();
        }

        @Override
        public boolean readBoolean() {
            return buffer.get() != 0;
        }

        @Override
        public int readInt() {
            return buffer.getInt();
        }

        @Override
        public long readLong() {
            return buffer.getLong();
        }

        @Override
        public double readDouble() {
            return buffer.getDouble();
        }

        @Override
        public String readString() {
            int length = buffer.getInt();
            if (length < 0) {
                return null;
            }
            String s = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length,
                    StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return s;
        }

        @Override
        public Object readElement() {
            return read(this);
        }
    }

    /**
     * A growable byte array written in big-endian order, as DataOutputStream writes, without its
     * stream layers and synchronization: serialization is on the per-record path.
     */
    private static final class ElementOutput implements ElementCodec.Output {
        private static final int INITIAL = 256;
        private static final int MAX_KEPT = 64 * 1024;
        private byte[] buffer = new byte[INITIAL];
        private int size;
        private boolean inUse;

        /** Ready for the next element; a buffer grown past {@link #MAX_KEPT} is not kept. */
        void reset() {
            size = 0;
            inUse = false;
            if (buffer.length > MAX_KEPT) {
                buffer = new byte[INITIAL];
            }
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        @Override
        public void writeByte(int value) {
            ensure(1);
            buffer[size++] = (byte) value;
        }

        @Override
        public void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        void writeShort(int value) {
            ensure(2);
            buffer[size++] = (byte) (value >>> 8);
            buffer[size++] = (byte) value;
        }

        @Override
        public void writeInt(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        @Override
        public void writeLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        @Override
        public void writeDouble(double value) {
            writeLong(Double.doubleToLongBits(value));
        }

        @Override
        public void writeString(String value) {
            if (value == null) {
                writeInt(-1);
                return;
            }
            writeBytes(this, value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void writeElement(Object value) {
            write(this, value);
        }

        void writeRaw(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }
    }
}
