package org.labelbench.ui.items;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRow;
import org.labelbench.project.ItemsPage;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.paging.Page;
import org.labelbench.ui.paging.PageSource;
import org.labelbench.ui.paging.PagedList;

/**
 * Every item a query matches, as a {@link PagedList}: {@code size()} is the query's total. A new
 * query ({@link #show}) keeps the old rows on screen until its first page is in, then replaces
 * the whole list at once; an older query's first page is dropped. A page whose total differs
 * from the list's (an import added items) reads the query again.
 */
public final class PagedItemList extends PagedList<ItemRow, ItemSlot> {
    /** Reads one page; called off the FX thread. */
    @FunctionalInterface
    public interface PageReader {
        ItemsPage read(ItemQuery query, long offset, int limit);
    }

    private final PageReader reader;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper queriesShown = new ReadOnlyIntegerWrapper();
    private final BackgroundCall.Latest shows = new BackgroundCall.Latest();
    private ItemQuery query = ItemQuery.all();

    public PagedItemList(PageReader reader, Executor background, Executor fx, int pageSize, int cachedPages) {
        super(background, fx, pageSize, cachedPages);
        this.reader = reader;
        this.background = background;
        this.fx = fx;
    }

    /** Shows what {@code newQuery} matches (again, if it is the current query: after the data changed). */
    public void show(ItemQuery newQuery) {
        loading.set(true);
        PageSource<ItemRow> source = sourceOf(newQuery);
        BackgroundCall.of(() -> readFirstPage(source)).onSuccess(first -> {
            boolean otherQuery = !newQuery.equals(query);
            query = newQuery;
            replaceSource(source, first.total(), 0, first.rows());
            total.set(size());
            loading.set(false);
            if (otherQuery) {
                queriesShown.set(queriesShown.get() + 1);
            }
        }).onFailure(failure -> {
            loading.set(false);
            failed(failure);
        }).unlessStale(shows.next()).runOn(background, fx);
    }

    /** Reads the current query again, e.g. after an import added items. */
    public void refresh() {
        show(query);
    }

    @Override
    protected ItemSlot slot(int index, ItemRow row) {
        return new ItemSlot(index, row);
    }

    @Override
    protected void sourceChanged() {
        refresh();
    }

    public ItemQuery query() {
        return query;
    }

    /** The number of items the shown query matches (as {@link #size()}, observable). */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** True from {@link #show} until its first page is in. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * Counts the times another query's rows replaced the list (not a refresh of the same query):
     * the view scrolls back to the top then.
     */
    public ReadOnlyIntegerProperty queriesShownProperty() {
        return queriesShown.getReadOnlyProperty();
    }

    private PageSource<ItemRow> sourceOf(ItemQuery q) {
        return (offset, limit) -> {
            ItemsPage page = reader.read(q, offset, limit);
            return new Page<>(page.rows(), clamp(page.total()));
        };
    }

    private static int clamp(long total) {
        return (int) Math.min(total, Integer.MAX_VALUE - 8);
    }
}
