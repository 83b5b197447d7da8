package io.streamling.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The Apache Spark side ({@link Side#SPARK}): Spark Structured Streaming local[2] running the same
 * workloads in a child JVM of its own class path, that of the optional {@code benchmarks-spark}
 * module ({@code ./benchmarks/run --spark} builds it, i.e.
 * {@code mvn -B -q -Pspark -pl benchmarks-spark -am -DskipTests package}). That module is outside
 * the default build and this one does not depend on it: Spark brings its own kafka-clients.
 */
final class SparkSide {

    /** The child's main class, in the benchmarks-spark jar. */
    static final String MAIN_CLASS = "io.streamling.benchmarks.spark.SparkWorkloadMain";
    /** Where the module is built, relative to the repository root (override: -Dstreamling.spark.dir). */
    static final Path TARGET = Path.of(System.getProperty("streamling.spark.dir", "benchmarks-spark/target"));
    /** The workloads Spark runs. */
    static final Set<Workload> WORKLOADS = EnumSet.of(Workload.COPY, Workload.STATELESS, Workload.BATCH_COUNT,
            Workload.SLIDING_COUNT, Workload.RUNNING_COUNT, Workload.EVENTS_PER_HOUR,
            Workload.STRUCTURED_SLIDING_COUNT);
    /** How to build it, for messages and the report. */
    static final String BUILD = "./benchmarks/run --spark ... (mvn -B -q -Pspark -pl benchmarks-spark -am -DskipTests package)";

    /**
     * What Spark's own launcher adds on Java 17 (org.apache.spark.launcher.JavaModuleOptions):
     * Spark reaches into these JDK internals (direct buffers, Kryo, Hadoop).
     */
    private static final List<String> JAVA_17_OPTIONS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-modules=jdk.incubator.vector",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    private SparkSide() {
    }

    /** True when the benchmarks-spark jar and its dependencies are built. */
    static boolean available() {
        return Files.isRegularFile(TARGET.resolve("benchmarks-spark.jar")) && Files.isDirectory(TARGET.resolve("lib"));
    }

    /** The child's class path. */
    static String classpath() {
        return TARGET.resolve("benchmarks-spark.jar") + java.io.File.pathSeparator + TARGET.resolve("lib") + "/*";
    }

    /** The child's JVM options: the harness's (the same heap as every side), then Spark's. */
    static List<String> jvmOptions(List<String> harnessOptions) {
        List<String> options = new ArrayList<>(harnessOptions);
        options.addAll(JAVA_17_OPTIONS);
        return options;
    }

    /** {@code sides} of {@code workload}, with Spark's added where it runs that workload. */
    static List<Side> sidesOf(Workload workload, List<Side> sides) {
        if (!WORKLOADS.contains(workload) || sides.contains(Side.SPARK)) {
            return sides;
        }
        List<Side> all = new ArrayList<>(sides);
        all.add(Side.SPARK);
        return all;
    }
}
