package org.labelbench.ui.paging;

import java.util.List;

/**
 * Rows read from a {@link PageSource}, and how many rows the source had when they were read: a
 * total other than the list's size means the data changed under the list.
 */
public record Page<R>(List<R> rows, int total) {
}
