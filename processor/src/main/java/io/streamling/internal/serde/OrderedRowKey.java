package io.streamling.internal.serde;

import io.streamling.sql.Row;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * An order-preserving encoding of a bare row key (no schema, nested rows bare too) of strings,
 * longs, integers, doubles, booleans, timestamps and nested rows, as the group keys of a Structured
 * aggregation are: byte order is {@link Row#compareTo} order (nulls first, value by value, a shorter
 * row first), except between values of different types in one column. A batch's groups then come
 * out of a store in the order the sink sorts them in, and that sort has nothing left to do.
 *
 * <p>Each value is a marker then its bytes: {@code 1} for null, {@code 2} plus a type byte for a
 * value; {@code 0} ends the row. Strings are UTF-8 (code point order) with {@code 0} escaped as
 * {@code 0 255} and ended by {@code 0 0}; numbers are big-endian with the sign bit flipped (doubles
 * as their sortable bits); a timestamp is its milliseconds, then its nanoseconds.
 */
final class OrderedRowKey {

    private static final int END = 0;
    private static final int NULL = 1;
    private static final int VALUE = 2;

    private static final int STRING = 1;
    private static final int LONG = 2;
    private static final int INTEGER = 3;
    private static final int DOUBLE = 4;
    private static final int BOOLEAN = 5;
    private static final int TIMESTAMP = 6;
    private static final int ROW = 7;

    private OrderedRowKey() {
    }

    /** The encoding of {@code row} after {@code tag}, or null when a value or the row's schema has none. */
    static byte[] encode(byte tag, Row row) {
        Output out = new Output();
        out.write(tag);
        return writeRow(out, row) ? out.toByteArray() : null;
    }

    /** Decodes a row from {@code data}, after its tag byte. */
    static Row decode(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data, 1, data.length - 1);
        return readRow(in);
    }

    private static boolean writeRow(Output out, Row row) {
        if (row.schema() != null) {
            return false; // the schema would be lost: such a key keeps ElementSerde's plain encoding
        }
        for (int i = 0; i < row.length(); i++) {
            if (!writeValue(out, row.get(i))) {
                return false;
            }
        }
        out.write(END);
        return true;
    }

    private static boolean writeValue(Output out, Object value) {
        if (value == null) {
            out.write(NULL);
            return true;
        }
        out.write(VALUE);
        Class<?> type = value.getClass();
        if (type == String.class) {
            out.write(STRING);
            for (byte b : ((String) value).getBytes(StandardCharsets.UTF_8)) {
                out.write(b);
                if (b == 0) {
                    out.write(255);
                }
            }
            out.write(0);
            out.write(0);
        } else if (type == Long.class) {
            out.write(LONG);
            out.writeLong((Long) value ^ Long.MIN_VALUE);
        } else if (type == Integer.class) {
            out.write(INTEGER);
            out.writeLong(((long) (Integer) value) ^ Long.MIN_VALUE);
        } else if (type == Double.class) {
            out.write(DOUBLE);
            long bits = Double.doubleToLongBits((Double) value);
            out.writeLong(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
        } else if (type == Boolean.class) {
            out.write(BOOLEAN);
            out.write((Boolean) value ? 1 : 0);
        } else if (type == Timestamp.class) {
            out.write(TIMESTAMP);
            Timestamp ts = (Timestamp) value;
            out.writeLong(ts.getTime() ^ Long.MIN_VALUE);
            out.writeLong(ts.getNanos());
        } else if (type == Row.class) {
            out.write(ROW);
            return writeRow(out, (Row) value);
        } else {
            return false;
        }
        return true;
    }

    private static Row readRow(ByteBuffer in) {
        List<Object> values = new ArrayList<>();
        for (int marker = in.get(); marker != END; marker = in.get()) {
            values.add(marker == NULL ? null : readValue(in));
        }
        return Row.of(values.toArray());
    }

    private static Object readValue(ByteBuffer in) {
        int type = in.get();
        return switch (type) {
            case STRING -> readString(in);
            case LONG -> in.getLong() ^ Long.MIN_VALUE;
            case INTEGER -> (int) (in.getLong() ^ Long.MIN_VALUE);
            case DOUBLE -> {
                long sortable = in.getLong();
                yield Double.longBitsToDouble(sortable < 0 ? sortable ^ Long.MIN_VALUE : ~sortable);
            }
            case BOOLEAN -> in.get() != 0;
            case TIMESTAMP -> {
                Timestamp ts = new Timestamp(in.getLong() ^ Long.MIN_VALUE);
                ts.setNanos((int) in.getLong());
                yield ts;
            }
            case ROW -> readRow(in);
            default -> throw new IllegalArgumentException("Unknown type " + type + " in an ordered row key");
        };
    }

    private static String readString(ByteBuffer in) {
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        while (true) {
            byte b = in.get();
            if (b == 0) {
                if (in.get() == 0) {
                    return utf8.toString(StandardCharsets.UTF_8);
                }
                utf8.write(0); // an escaped zero byte
            } else {
                utf8.write(b);
            }
        }
    }

    /** A growable byte buffer writing big-endian longs. */
    private static final class Output extends ByteArrayOutputStream {
        Output() {
            super(64);
        }

        void writeLong(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                write((int) (value >>> shift));
            }
        }
    }
}
