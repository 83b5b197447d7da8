package io.streamling.internal.sql;

import io.streamling.sql.Row;
import java.io.PrintStream;
import java.util.List;

/** The console sink: Spark's {@code Batch: N} header, then {@code show(numRows, truncate)}. */
final class ConsoleWriter implements BatchWriter {

    private static final String DASHES = "-------------------------------------------";

    private final WriteSpec spec;
    private final PrintStream console;

    ConsoleWriter(WriteSpec spec, PrintStream console) {
        this.spec = spec;
        this.console = console;
    }

    @Override
    public String description() {
        return "ConsoleTable";
    }

    @Override
    public void write(long batchId, List<Row> rows) {
        String numRows = spec.option("numRows");
        String truncate = spec.option("truncate");
        console.println(DASHES);
        console.println("Batch: " + batchId);
        console.println(DASHES);
        console.println(ShowString.format(spec.schema(), rows, numRows == null ? 20 : Integer.parseInt(numRows),
                truncate == null || Boolean.parseBoolean(truncate) ? 20 : 0, spec.session().timeZone()));
    }
}
