package io.streamling.internal.serde;

import io.streamling.api.Tuple2;
import io.streamling.internal.runtime.Watermark;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * numbers, Boolean, byte[], {@link Tuple2}, lists, {@link Optional}) get a compact hand-written encoding; any other
 * {@link Serializable} type falls back to Java serialization; anything else fails with an error
 * naming the type.
 */
public final class ElementSerde implements Serde<Object>, Serializer<Object>, Deserializer<Object> {

    /** The shared instance; the serde is stateless. */
    public static final ElementSerde INSTANCE = new ElementSerde();

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
    private static final byte WATERMARK = 20;
    private static final byte ORDERED_STRING = 30;
    private static final byte ORDERED_INTEGER = 31;
    private static final byte ORDERED_LONG = 32;
    private static final byte JAVA_SERIALIZED = 99;

    private ElementSerde() {
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
        ElementOutput out = new ElementOutput();
        try {
            write(out, value);
        } catch (IOException e) {
            throw new SerializationException("Cannot serialize a " + value.getClass().getName() + ": " + e, e);
        }
        return out.toByteArray();
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return read(ByteBuffer.wrap(data));
        } catch (IOException | ClassNotFoundException | BufferUnderflowException e) {
            throw new SerializationException("Cannot deserialize an element from " + data.length + " bytes: " + e, e);
        }
    }

    /**
     * Encodes an element used as a store key so that byte order is the natural order for strings,
     * integers and longs: results of a batch then come out sorted by key.
     */
    public byte[] serializeOrderedKey(Object key) {
        if (key instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + utf8.length).put(ORDERED_STRING).put(utf8).array();
        } else if (key instanceof Integer i) {
            return ByteBuffer.allocate(1 + Integer.BYTES).put(ORDERED_INTEGER).putInt(i ^ Integer.MIN_VALUE).array();
        } else if (key instanceof Long l) {
            return ByteBuffer.allocate(1 + Long.BYTES).put(ORDERED_LONG).putLong(l ^ Long.MIN_VALUE).array();
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
            default -> deserialize(null, data);
        };
    }

    private static void write(ElementOutput out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
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
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object element : list) {
                write(out, element);
            }
        } else if (value instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (value instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (value instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (value instanceof Character c) {
            out.writeByte(CHAR);
            out.writeChar(c);
        } else if (value instanceof Optional<?> optional) {
            out.writeByte(OPTIONAL);
            out.writeBoolean(optional.isPresent());
            if (optional.isPresent()) {
                write(out, optional.get());
            }
        } else if (value instanceof Watermark w) {
            out.writeByte(WATERMARK);
            writeBytes(out, w.producer().getBytes(StandardCharsets.UTF_8));
            out.writeLong(w.time());
            out.writeLong(w.origin());
        } else if (value instanceof Serializable) {
            out.writeByte(JAVA_SERIALIZED);
            writeJavaSerialized(out, value);
        } else {
            throw new SerializationException("No serde for element type " + value.getClass().getName()
                    + ": use String, a boxed number, Boolean, byte[], Tuple2, a List, an Optional, or a Serializable type");
        }
    }

    private static void writeJavaSerialized(ElementOutput out, Object value) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(buffer)) {
            objects.writeObject(value);
        } catch (NotSerializableException e) {
            throw new SerializationException("No serde for element type " + value.getClass().getName()
                    + ": it holds a field of type " + e.getMessage() + " that is not Serializable", e);
        }
        writeBytes(out, buffer.toByteArray());
    }

    private static Object read(ByteBuffer in) throws IOException, ClassNotFoundException {
        byte tag = in.get();
        return switch (tag) {
            case NULL -> null;
            case STRING -> new String(readBytes(in), StandardCharsets.UTF_8);
            case LONG -> in.getLong();
            case INTEGER -> in.getInt();
            case DOUBLE -> in.getDouble();
            case BOOLEAN -> in.get() != 0;
            case BYTES -> readBytes(in);
            case TUPLE2 -> new Tuple2<>(read(in), read(in));
            case LIST -> readList(in);
            case FLOAT -> in.getFloat();
            case SHORT -> in.getShort();
            case BYTE -> in.get();
            case CHAR -> in.getChar();
            case OPTIONAL -> in.get() != 0 ? Optional.ofNullable(read(in)) : Optional.empty();
            case WATERMARK -> new Watermark(new String(readBytes(in), StandardCharsets.UTF_8), in.getLong(), in.getLong());
            case JAVA_SERIALIZED -> readJavaSerialized(in);
            default -> throw new SerializationException("Unknown element tag " + tag + ": not written by Streamling");
        };
    }

    private static List<Object> readList(ByteBuffer in) throws IOException, ClassNotFoundException {
        int size = in.getInt();
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(read(in));
        }
        return list;
    }

    private static Object readJavaSerialized(ByteBuffer in) throws IOException, ClassNotFoundException {
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(readBytes(in)))) {
            return objects.readObject();
        }
    }

    private static void writeBytes(ElementOutput out, byte[] bytes) {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return bytes;
    }

    /**
     * A growable byte array written in big-endian order, as DataOutputStream writes, without its
     * stream layers and synchronization: serialization is on the per-record path.
     */
    private static final class ElementOutput {
        private byte[] buffer = new byte[32];
        private int size;

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        void writeByte(int value) {
            ensure(1);
            buffer[size++] = (byte) value;
        }

        void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        void writeShort(int value) {
            ensure(2);
            buffer[size++] = (byte) (value >>> 8);
            buffer[size++] = (byte) value;
        }

        void writeChar(int value) {
            writeShort(value);
        }

        void writeInt(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void writeLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        void writeFloat(float value) {
            writeInt(Float.floatToIntBits(value));
        }

        void writeDouble(double value) {
            writeLong(Double.doubleToLongBits(value));
        }

        void write(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }
    }
}
