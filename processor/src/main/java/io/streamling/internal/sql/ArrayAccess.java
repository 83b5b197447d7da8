package io.streamling.internal.sql;

import io.streamling.sql.Row;
import io.streamling.sql.types.DataType;
import io.streamling.sql.types.DataTypes;
import io.streamling.sql.types.StructType;
import java.util.List;

/**
 * An array's element or size, as Spark 4 (ANSI mode) evaluates them: {@code arr[i]} (0-based,
 * {@code Column.getItem}) fails with {@code INVALID_ARRAY_INDEX} outside the array, and
 * {@code size(arr)} is null for a null array. A null array gives null.
 *
 * @param child the array
 * @param index the element's index, or null for the size
 */
public record ArrayAccess(Expr child, Integer index) implements Expr {

    /** {@code size(child)}. */
    public static ArrayAccess size(Expr child) {
        return new ArrayAccess(child, null);
    }

    @Override
    public Object eval(Row row) {
        List<?> array = (List<?>) child.eval(row);
        if (array == null) {
            return null;
        }
        if (index == null) {
            return array.size();
        }
        if (index < 0 || index >= array.size()) {
            throw new ArrayIndexOutOfBoundsException("[INVALID_ARRAY_INDEX] The index " + index + " is out of bounds. The array "
                    + "has " + array.size() + " elements. Use the SQL function `get()` to tolerate accessing element at "
                    + "invalid index and return NULL instead. SQLSTATE: 22003");
        }
        return array.get(index);
    }

    @Override
    public DataType type(StructType schema) {
        DataType array = child.type(schema);
        return index == null ? DataTypes.IntegerType : ArrayTypes.elementOf(array);
    }

    @Override
    public String name() {
        return index == null ? "size(" + child.name() + ")" : child.name() + "[" + index + "]";
    }
}
