package org.labelbench.analysis;

import java.util.List;

/** A piece of SQL over the item {@code i} with the values of its placeholders, in order. */
record SqlFragment(String sql, List<Object> parameters) {
    SqlFragment(String sql, Object... parameters) {
        this(sql, List.of(parameters));
    }
}
