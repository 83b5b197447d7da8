/**
 * The test kit: run a DStream program in Kafka Streams' {@code TopologyTestDriver} and compare
 * its output with Spark's format ({@link io.streamling.testkit.PrintBlocks}).
 */
package io.streamling.testkit;
