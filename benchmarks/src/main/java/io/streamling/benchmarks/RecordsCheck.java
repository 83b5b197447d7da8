package io.streamling.benchmarks;

/**
 * The check of a record-for-record output (copy, stateless): the multiset of
 * {@code (timestamp, value)} must equal the expected one.
 */
final class RecordsCheck implements OutputCheck {

    /** The expected multiset, as its size and checksum. */
    record Expected(long count, long checksum) {
    }

    private final Expected expected;
    private final Checksum seen = new Checksum();

    RecordsCheck(Expected expected) {
        this.expected = expected;
    }

    /** The expected output of {@code workload} (COPY or STATELESS) on {@code input}. */
    static Expected expect(Workload workload, InputSpec input) {
        Checksum checksum = new Checksum();
        for (var lines = input.iterator(); lines.hasNext(); ) {
            InputSpec.Line line = lines.next();
            if (workload == Workload.COPY) {
                checksum.add(line.timestamp(), line.text(), 0);
            } else {
                for (String word : line.text().split(" ")) {
                    String out = Workload.statelessWord(word);
                    if (out != null) {
                        checksum.add(line.timestamp(), out, 0);
                    }
                }
            }
        }
        return new Expected(checksum.count(), checksum.value());
    }

    @Override
    public boolean accept(long timestamp, String key, String value) {
        if (value == null || InputSpec.isMarker(value)) {
            return false;
        }
        seen.add(timestamp, value, 0);
        return true;
    }

    @Override
    public boolean complete() {
        return seen.count() >= expected.count();
    }

    @Override
    public long missing() {
        return expected.count() - seen.count();
    }

    @Override
    public String checksum() {
        return seen.hex();
    }

    @Override
    public String expectedChecksum() {
        return String.format("%016x", expected.checksum());
    }
}
