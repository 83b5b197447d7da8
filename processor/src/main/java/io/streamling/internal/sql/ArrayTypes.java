package io.streamling.internal.sql;

import io.streamling.sql.types.DataType;

/** Array types; values are {@link java.util.List}s. What {@code split} and the Kafka source's headers need. */
final class ArrayTypes {

    /** {@code array<string>}. */
    static final DataType STRING_ARRAY = new DataType() {
        private static final long serialVersionUID = 1L;

        @Override
        public String simpleString() {
            return "array<string>";
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

    private ArrayTypes() {
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
