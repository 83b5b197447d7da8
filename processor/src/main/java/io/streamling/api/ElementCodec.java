package io.streamling.api;

/**
 * A compact encoding of one element type, for the repartition topics and state stores a program
 * moves its elements through (Spark's Kryo registration, in spirit).
 *
 * <p>Streamling's element serde is self-describing: strings, boxed numbers, {@link Tuple2}, lists,
 * rows and a few more types have built-in encodings, and any other {@link java.io.Serializable}
 * type falls back to Java serialization, which is slow and large. A codec registered with
 * {@link io.streamling.streaming.StreamingConf#registerElementCodec(int, Class, ElementCodec)}
 * replaces that fallback for exactly its class (not subclasses): the serde writes the codec's id,
 * then whatever {@link #write} writes, and calls {@link #read} with the same bytes to decode.
 *
 * <p>State and changelogs outlive the JVM, so a codec must keep reading what it wrote under the
 * same id, and a restarted application must register the same codecs under the same ids before
 * it starts. Registrations are process-wide, like the serde. A codec is shared between threads:
 * keep it stateless.
 *
 * <pre>{@code
 * record Point(int x, int y) {}
 *
 * conf.registerElementCodec(1, Point.class, new ElementCodec<>() {
 *     public void write(Point p, ElementCodec.Output out) { out.writeInt(p.x()); out.writeInt(p.y()); }
 *     public Point read(ElementCodec.Input in) { return new Point(in.readInt(), in.readInt()); }
 * });
 * }</pre>
 *
 * @param <T> the encoded type
 */
public interface ElementCodec<T> {

    /** Writes {@code value} (never null) to {@code out}. */
    void write(T value, Output out);

    /** Reads back what {@link #write} wrote, in the same order. */
    T read(Input in);

    /** Where a codec writes: big-endian primitives, and nested elements in the serde's own format. */
    interface Output {
        /** One byte. */
        void writeByte(int value);

        /** A boolean, as one byte. */
        void writeBoolean(boolean value);

        /** A 32-bit integer. */
        void writeInt(int value);

        /** A 64-bit integer. */
        void writeLong(long value);

        /** A double. */
        void writeDouble(double value);

        /** A string (UTF-8, length-prefixed); null is allowed. */
        void writeString(String value);

        /** Any element, or null, encoded as the serde encodes elements (built-ins, codecs, fallback). */
        void writeElement(Object value);
    }

    /** What a codec reads from, in the order {@link Output} wrote it. */
    interface Input {
        /** One byte. */
        byte readByte();

        /** A boolean. */
        boolean readBoolean();

        /** A 32-bit integer. */
        int readInt();

        /** A 64-bit integer. */
        long readLong();

        /** A double. */
        double readDouble();

        /** A string, or null. */
        String readString();

        /** An element written with {@link Output#writeElement(Object)}. */
        Object readElement();
    }
}
