package io.streamling.sql.types;

import java.util.Objects;

/** A simple (non-nested) type such as string or bigint; compared by name. */
final class AtomicType extends DataType {

    private static final long serialVersionUID = 1L;

    private final String name;

    AtomicType(String name) {
        this.name = name;
    }

    @Override
    public String simpleString() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AtomicType atomic && atomic.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }
}
