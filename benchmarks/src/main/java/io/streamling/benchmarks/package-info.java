/**
 * Streamling's benchmarks: the end-to-end {@link io.streamling.benchmarks.Harness} (Streamling
 * against hand-written Kafka Streams topologies and plain clients, in fresh JVMs against a broker
 * in its own JVM) and its parts.
 */
package io.streamling.benchmarks;
