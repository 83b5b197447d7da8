package io.streamling.internal.runtime;

import io.streamling.streaming.Time;
import java.util.List;

/**
 * {@code print(num)} as Spark prints a batch: a line of 43 dashes, {@code Time: <ms> ms}, dashes,
 * up to {@code num} elements, {@code ...} when the batch had more, and an empty line.
 */
public final class PrintFunction implements BatchFunction {

    private static final String DASHES = "-------------------------------------------";

    private final int num;
    private final RuntimeServices services;

    /**
     * @param num how many elements to print per batch
     * @param services where the console is
     */
    public PrintFunction(int num, RuntimeServices services) {
        this.num = num;
        this.services = services;
    }

    /** How many elements of a batch print needs: one more than it prints, to know whether to write "...". */
    public int limit() {
        return num + 1;
    }

    @Override
    public List<Object> apply(Time time, List<Object> elements, long count) {
        StringBuilder block = new StringBuilder()
                .append(DASHES).append('\n')
                .append("Time: ").append(time).append('\n')
                .append(DASHES).append('\n');
        for (int i = 0; i < Math.min(num, elements.size()); i++) {
            block.append(elements.get(i)).append('\n');
        }
        if (count > num) {
            block.append("...\n");
        }
        block.append('\n');
        services.console().print(block);
        services.console().flush();
        return List.of();
    }
}
