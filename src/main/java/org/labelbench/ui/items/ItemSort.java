package org.labelbench.ui.items;

import org.labelbench.project.ItemQuery;

/** The order of the Items list, as the table's sort header sets it; the store sorts in SQL. */
public record ItemSort(ItemQuery.SortColumn column, String attribute, boolean ascending) {
    public static final ItemSort BY_KEY = new ItemSort(ItemQuery.SortColumn.KEY, null, true);

    public static ItemSort by(ItemQuery.SortColumn column, boolean ascending) {
        return new ItemSort(column, null, ascending);
    }

    public static ItemSort byAttribute(String name, boolean ascending) {
        return new ItemSort(ItemQuery.SortColumn.ATTRIBUTE, name, ascending);
    }
}
