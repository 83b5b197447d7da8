package io.streamling.internal.sql;

import io.streamling.streaming.api.java.JavaInputDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;
import java.util.List;

/**
 * A streaming query compiled into a DStream program: its context, its first source stream, and all
 * of them (a union of streams has several, in union order).
 */
public record CompiledQuery(JavaStreamingContext ssc, JavaInputDStream<?> source,
        List<? extends JavaInputDStream<?>> sources) {
}
