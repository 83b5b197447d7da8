package io.streamling.benchmarks.jmh;

import io.streamling.api.Tuple2;
import io.streamling.internal.serde.ElementSerde;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The element serde's round trip (serialize, then deserialize) of the elements a word count moves
 * through its repartition topic and stores: a word, and a (word, count) pair. Every element
 * crossing a shuffle or entering a store pays this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ElementSerdeBenchmark {

    private final ElementSerde serde = ElementSerde.INSTANCE;
    private final String word = "rabbit";
    private final Tuple2<String, Integer> pair = new Tuple2<>("rabbit", 42);
    private final byte[] wordBytes = serde.serialize("t", word);
    private final byte[] pairBytes = serde.serialize("t", pair);

    /** String to bytes and back. */
    @Benchmark
    public Object stringRoundTrip() {
        return serde.deserialize("t", serde.serialize("t", word));
    }

    /** Tuple2(String, Integer) to bytes and back. */
    @Benchmark
    public Object tuple2RoundTrip() {
        return serde.deserialize("t", serde.serialize("t", pair));
    }

    /** Only the serialization of a pair. */
    @Benchmark
    public byte[] tuple2Serialize() {
        return serde.serialize("t", pair);
    }

    /** Only the deserialization of a pair. */
    @Benchmark
    public Object tuple2Deserialize() {
        return serde.deserialize("t", pairBytes);
    }

    /** Only the deserialization of a word. */
    @Benchmark
    public Object stringDeserialize() {
        return serde.deserialize("t", wordBytes);
    }
}
