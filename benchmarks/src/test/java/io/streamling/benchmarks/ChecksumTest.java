package io.streamling.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumTest {

    @Test
    void orderDoesNotMatterButEveryFieldDoes() {
        Checksum a = new Checksum();
        a.add(1, "x", 2);
        a.add(3, "y", 4);
        Checksum b = new Checksum();
        b.add(3, "y", 4);
        b.add(1, "x", 2);
        assertThat(a.hex()).isEqualTo(b.hex());
        assertThat(Checksum.of(1, "x", 2)).isNotEqualTo(Checksum.of(2, "x", 2))
                .isNotEqualTo(Checksum.of(1, "y", 2)).isNotEqualTo(Checksum.of(1, "x", 3));
    }

    @Test
    void duplicatesCountAndRemoveUndoesAdd() {
        Checksum once = new Checksum();
        once.add(1, "x", 2);
        Checksum twice = new Checksum();
        twice.add(1, "x", 2);
        twice.add(1, "x", 2);
        assertThat(twice.hex()).isNotEqualTo(once.hex());
        twice.remove(1, "x", 2);
        assertThat(twice.hex()).isEqualTo(once.hex());
        assertThat(twice.count()).isEqualTo(1);
    }
}
