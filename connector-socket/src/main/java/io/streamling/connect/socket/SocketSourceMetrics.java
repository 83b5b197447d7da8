package io.streamling.connect.socket;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters of one task, readable through getters (tests) and JMX ({@link #register}).
 *
 * <p>Counters are {@link LongAdder}s because several connection threads update them at once in
 * server mode; reads are rare. Thread-safe.
 */
public final class SocketSourceMetrics implements SocketSourceMetricsMBean {

    private static final Logger log = LoggerFactory.getLogger(SocketSourceMetrics.class);

    /** JMX domain of every MBean this module registers. */
    public static final String JMX_DOMAIN = "io.streamling.connect.socket";
    /** Value of the {@code type} key of a task's MBean. */
    public static final String JMX_TYPE = "socket-source-task";

    private final String mode;
    private final LongAdder linesRead = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder linesPolled = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final AtomicInteger activeConnections = new AtomicInteger();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder connectionsRejected = new LongAdder();
    private final LongAdder idleTimeouts = new LongAdder();
    private final LongAdder connectionErrors = new LongAdder();
    private final LongAdder linesTruncated = new LongAdder();
    private final LongAdder linesWithReplacement = new LongAdder();
    private final LongAdder droppedTooLong = new LongAdder();
    private final LongAdder droppedUndecodable = new LongAdder();
    private final LongAdder droppedIncomplete = new LongAdder();
    private final LongAdder bufferFullWaits = new LongAdder();
    private final RateMeter linesPerSecond = new RateMeter(linesRead::sum, System::nanoTime);

    private volatile RecordBuffer buffer;
    private volatile IntSupplier localPort = () -> -1;
    private volatile boolean connected;
    private ObjectName registeredAs; // guarded by this

    SocketSourceMetrics(SocketSourceConfig.Mode mode) {
        this.mode = mode.configValue();
    }

    // ------------------------------------------------------------------ updates (package-private)

    void attach(RecordBuffer buffer) {
        this.buffer = buffer;
    }

    void localPort(IntSupplier port) {
        this.localPort = port;
    }

    void lineRead() {
        linesRead.increment();
    }

    void bytesRead(long n) {
        bytesRead.add(n);
    }

    void polled(int n) {
        linesPolled.add(n);
    }

    void connectionOpened() {
        connections.increment();
        activeConnections.incrementAndGet();
    }

    void connectionClosed() {
        activeConnections.decrementAndGet();
    }

    void connected(boolean value) {
        connected = value;
    }

    void reconnectAttempt() {
        reconnects.increment();
    }

    void connectionRejected() {
        connectionsRejected.increment();
    }

    void idleTimeout() {
        idleTimeouts.increment();
    }

    void connectionError() {
        connectionErrors.increment();
    }

    void truncated() {
        linesTruncated.increment();
    }

    void replaced() {
        linesWithReplacement.increment();
    }

    void droppedTooLong() {
        droppedTooLong.increment();
    }

    void droppedUndecodable() {
        droppedUndecodable.increment();
    }

    void droppedIncomplete() {
        droppedIncomplete.increment();
    }

    void bufferFull() {
        bufferFullWaits.increment();
    }

    // ------------------------------------------------------------------ JMX

    /**
     * Registers this object with the platform MBean server as
     * {@code io.streamling.connect.socket:type=socket-source-task,connector="<name>"}; when that name is
     * taken (a previous task of the same connector has not stopped yet, or two workers in one JVM) an
     * {@code instance=<n>} key makes it unique. Failures are logged, never thrown: metrics must not
     * stop the data.
     *
     * @param connectorName the connector's name
     */
    synchronized void register(String connectorName) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (int instance = 1; instance <= 100; instance++) {
            try {
                ObjectName name = objectName(connectorName, instance);
                server.registerMBean(this, name);
                registeredAs = name;
                return;
            } catch (InstanceAlreadyExistsException e) {
                // try the next instance number
            } catch (JMException | RuntimeException e) {
                log.warn("Cannot register the metrics MBean of socket source {}: {}", connectorName, e.toString());
                return;
            }
        }
        log.warn("Cannot register the metrics MBean of socket source {}: 100 instances exist", connectorName);
    }

    /** Removes the MBean registered by {@link #register}, if any. Idempotent. */
    synchronized void unregister() {
        if (registeredAs == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(registeredAs);
        } catch (InstanceNotFoundException e) {
            // already gone
        } catch (JMException | RuntimeException e) {
            log.warn("Cannot unregister {}: {}", registeredAs, e.toString());
        }
        registeredAs = null;
    }

    /** @return the name registered under, or null */
    synchronized ObjectName registeredAs() {
        return registeredAs;
    }

    /**
     * The MBean name of a connector's task.
     *
     * @param connectorName the connector's name
     * @return {@code io.streamling.connect.socket:type=socket-source-task,connector="<name>"}
     */
    public static ObjectName objectName(String connectorName) {
        return objectName(connectorName, 1);
    }

    private static ObjectName objectName(String connectorName, int instance) {
        String name = JMX_DOMAIN + ":type=" + JMX_TYPE + ",connector=" + ObjectName.quote(connectorName)
            + (instance > 1 ? ",instance=" + instance : "");
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Cannot build an MBean name from " + name, e); // quote() prevents this
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    public String getMode() {
        return mode;
    }

    @Override
    public int getLocalPort() {
        return localPort.getAsInt();
    }

    @Override
    public long getLinesRead() {
        return linesRead.sum();
    }

    @Override
    public double getLinesPerSecond() {
        return linesPerSecond.perSecond();
    }

    @Override
    public long getBytesRead() {
        return bytesRead.sum();
    }

    @Override
    public long getLinesPolled() {
        return linesPolled.sum();
    }

    @Override
    public long getConnections() {
        return connections.sum();
    }

    @Override
    public int getActiveConnections() {
        return activeConnections.get();
    }

    @Override
    public long getReconnects() {
        return reconnects.sum();
    }

    @Override
    public long getConnectionsRejected() {
        return connectionsRejected.sum();
    }

    @Override
    public long getIdleTimeouts() {
        return idleTimeouts.sum();
    }

    @Override
    public long getConnectionErrors() {
        return connectionErrors.sum();
    }

    @Override
    public long getLinesTruncated() {
        return linesTruncated.sum();
    }

    @Override
    public long getLinesWithReplacement() {
        return linesWithReplacement.sum();
    }

    @Override
    public long getLinesDroppedTooLong() {
        return droppedTooLong.sum();
    }

    @Override
    public long getLinesDroppedUndecodable() {
        return droppedUndecodable.sum();
    }

    @Override
    public long getLinesDroppedIncomplete() {
        return droppedIncomplete.sum();
    }

    @Override
    public long getLinesDropped() {
        return droppedTooLong.sum() + droppedUndecodable.sum() + droppedIncomplete.sum();
    }

    @Override
    public int getBufferedLines() {
        RecordBuffer b = buffer;
        return b == null ? 0 : b.size();
    }

    @Override
    public long getBufferedBytes() {
        RecordBuffer b = buffer;
        return b == null ? 0 : b.bytes();
    }

    @Override
    public long getBufferFullWaits() {
        return bufferFullWaits.sum();
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public String toString() {
        return "lines read " + getLinesRead() + ", polled " + getLinesPolled() + ", bytes " + getBytesRead()
            + ", connections " + getConnections() + " (rejected " + getConnectionsRejected() + ", idle timeouts "
            + getIdleTimeouts() + ", errors " + getConnectionErrors() + "), reconnects " + getReconnects()
            + ", truncated " + getLinesTruncated() + ", replaced " + getLinesWithReplacement() + ", dropped "
            + getLinesDropped() + " (too long " + getLinesDroppedTooLong() + ", undecodable "
            + getLinesDroppedUndecodable() + ", incomplete " + getLinesDroppedIncomplete() + ")";
    }
}
