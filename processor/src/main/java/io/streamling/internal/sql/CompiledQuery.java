package io.streamling.internal.sql;

import io.streamling.streaming.api.java.JavaInputDStream;
import io.streamling.streaming.api.java.JavaStreamingContext;

/** A streaming query compiled into a DStream program: its context and its (single) source stream. */
public record CompiledQuery(JavaStreamingContext ssc, JavaInputDStream<?> source) {
}
