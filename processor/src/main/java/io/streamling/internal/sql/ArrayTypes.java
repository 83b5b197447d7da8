package io.streamling.internal.sql;

import io.streamling.sql.types.DataType;
import io.streamling.sql.types.DataTypes;

/** Array types; values are {@link java.util.List}s. What {@code split} and the Kafka source's headers need. */
final class ArrayTypes {

    /** {@code array<string>}. */
    static final DataType STRING_ARRAY = of(DataTypes.StringType);

    private ArrayTypes() {
    }

    /** The element type of an {@code array<element>} type; any other type as it is. */
    static DataType elementOf(DataType type) {
        String name = type.simpleString();
        return name.startsWith("array<") ? DataTypes.fromDdl(name.substring(6, name.length() - 1)) : type;
    }

    /** {@code array<element>}. */
    static DataType of(DataType element) {
        String name = "array<" + element.simpleString() + ">";
        return new DataType() {
            private static final long serialVersionUID = 1L;

            @Override
            public String simpleString() {
                return name;
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof DataType type && type.simpleString().equals(simpleString());
            }

            @Override
            public int hashCode() {
                return simpleString().hashCode();
            }
        };
    }
}
