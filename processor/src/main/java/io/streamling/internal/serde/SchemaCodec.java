package io.streamling.internal.serde;

import io.streamling.sql.types.DataType;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructField;
import io.streamling.sql.types.StructType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The schema of a {@link io.streamling.sql.Row} as the element serde writes it, with every row:
 * a row read back by another JVM (state, changelogs) must still name its fields. A query has a
 * handful of schemas and writes the same instances over and over, so both directions go through
 * a small cache: encoding by schema instance, decoding by the encoded bytes (without copying
 * them). A cache entry is immutable and replaced whole, so racing threads at worst encode twice.
 *
 * <p>Format: the field count, then per field its name, nullability and type: a one-byte code for
 * the simple types, a nested struct, or any other type Java-serialized. An empty encoding is a
 * null schema.
 */
final class SchemaCodec {

    private static final byte OTHER = 0;
    private static final byte STRUCT = 1;
    /** The simple types, coded by their position (+2): append only, the codes are persisted. */
    private static final List<DataType> SIMPLE = List.of(DataTypes.StringType, DataTypes.IntegerType,
            DataTypes.LongType, DataTypes.DoubleType, DataTypes.BooleanType, DataTypes.TimestampType,
            DataTypes.BinaryType);
    private static final int SLOTS = 32;
    private static final byte[] NULL_SCHEMA = new byte[0];

    private record Entry(StructType schema, byte[] bytes) {
    }

    private static final AtomicReferenceArray<Entry> ENCODED = new AtomicReferenceArray<>(SLOTS);
    private static final AtomicReferenceArray<Entry> DECODED = new AtomicReferenceArray<>(SLOTS);
    private static final AtomicInteger NEXT_ENCODED = new AtomicInteger();
    private static final AtomicInteger NEXT_DECODED = new AtomicInteger();

    private SchemaCodec() {
    }

    /** The encoding of {@code schema} (null: empty); callers must not modify it. */
    static byte[] encode(StructType schema) {
        if (schema == null) {
            return NULL_SCHEMA;
        }
        for (int i = 0; i < SLOTS; i++) {
            Entry entry = ENCODED.get(i);
            if (entry == null) {
                break;
            }
            if (entry.schema() == schema) {
                return entry.bytes();
            }
        }
        ByteBuffer out = ByteBuffer.allocate(4096);
        byte[] bytes = Arrays.copyOf(out.array(), write(out, schema).position());
        ENCODED.set(Math.floorMod(NEXT_ENCODED.getAndIncrement(), SLOTS), new Entry(schema, bytes));
        return bytes;
    }

    /** The schema encoded in {@code length} bytes of {@code data} from {@code offset}. */
    static StructType decode(byte[] data, int offset, int length) {
        if (length == 0) {
            return null;
        }
        for (int i = 0; i < SLOTS; i++) {
            Entry entry = DECODED.get(i);
            if (entry == null) {
                break;
            }
            byte[] bytes = entry.bytes();
            if (Arrays.equals(bytes, 0, bytes.length, data, offset, offset + length)) {
                return entry.schema();
            }
        }
        StructType schema = read(ByteBuffer.wrap(data, offset, length));
        DECODED.set(Math.floorMod(NEXT_DECODED.getAndIncrement(), SLOTS),
                new Entry(schema, Arrays.copyOfRange(data, offset, offset + length)));
        return schema;
    }

    private static ByteBuffer write(ByteBuffer out, StructType schema) {
        out = ensure(out, 4);
        out.putInt(schema.size());
        for (StructField field : schema.fields()) {
            out = putBytes(out, field.name().getBytes(StandardCharsets.UTF_8));
            out = ensure(out, 2);
            out.put((byte) (field.nullable() ? 1 : 0));
            DataType type = field.dataType();
            int simple = SIMPLE.indexOf(type);
            if (simple >= 0) {
                out.put((byte) (simple + 2));
            } else if (type instanceof StructType struct) {
                out.put(STRUCT);
                out = write(out, struct);
            } else {
                out.put(OTHER);
                out = putBytes(out, ElementSerde.javaSerialized(type));
            }
        }
        return out;
    }

    private static StructType read(ByteBuffer in) {
        int size = in.getInt();
        List<StructField> fields = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String name = new String(getBytes(in), StandardCharsets.UTF_8);
            boolean nullable = in.get() != 0;
            byte code = in.get();
            DataType type = switch (code) {
                case OTHER -> (DataType) ElementSerde.javaDeserialized(getBytes(in));
                case STRUCT -> read(in);
                default -> SIMPLE.get(code - 2);
            };
            fields.add(new StructField(name, type, nullable));
        }
        return new StructType(fields);
    }

    private static ByteBuffer putBytes(ByteBuffer out, byte[] bytes) {
        out = ensure(out, 4 + bytes.length);
        return out.putInt(bytes.length).put(bytes);
    }

    private static byte[] getBytes(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return bytes;
    }

    private static ByteBuffer ensure(ByteBuffer out, int more) {
        if (out.remaining() >= more) {
            return out;
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + more));
        return bigger.put(out.flip());
    }
}
