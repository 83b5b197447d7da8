package io.streamling.benchmarks;

import io.streamling.embedded.EmbeddedKafkaBroker;
import java.io.IOException;

/**
 * The main of the broker's own JVM: starts an {@link EmbeddedKafkaBroker}, prints
 * {@code BOOTSTRAP <host:port>}, and runs until its standard input closes, then stops the broker
 * (which deletes its files). Running it apart keeps the broker's heap, GC and threads out of the
 * measured processes.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    /**
     * Runs the broker until standard input closes.
     *
     * @param args none
     * @throws IOException when standard input fails
     */
    public static void main(String[] args) throws IOException {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            System.out.println("BOOTSTRAP " + broker.bootstrapServers());
            System.out.flush();
            WorkloadMain.awaitEndOfInput(System.in);
        }
        System.exit(0);
    }
}
