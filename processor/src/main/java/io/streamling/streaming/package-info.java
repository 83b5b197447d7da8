/** Time values of the DStream API: {@link io.streamling.streaming.Duration}, {@link io.streamling.streaming.Time}. */
package io.streamling.streaming;
