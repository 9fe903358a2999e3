package org.labelbench.ui.items;

import java.util.List;
import org.labelbench.project.ItemCounts;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ItemsPage;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.SplitRepository;

/** The reads the Items view makes, over one open project. Every method runs off the FX thread. */
public final class ItemsCatalog {
    private final ProjectStore store;
    private final ItemRepository items = new ItemRepository();
    private final LabelClassRepository classes = new LabelClassRepository();
    private final SplitRepository splits = new SplitRepository();
    private final ItemCounts counts = new ItemCounts();

    public ItemsCatalog(ProjectStore store) {
        this.store = store;
    }

    public ItemsPage page(ItemQuery query, long offset, int limit) {
        return ItemsPage.load(store, query, offset, limit, counts);
    }

    public long countAll() {
        return store.read(tx -> items.count(tx, ItemQuery.all()));
    }

    /** Class names in schema order, retired ones too: old labels may still use them. */
    public List<String> classNames() {
        return store.read(tx -> classes.list(tx).stream().map(LabelClass::name).toList());
    }

    /** The stored split's names in its order; empty when the project has no split. */
    public List<String> splitNames() {
        return store.read(splits::names);
    }

    public List<String> attributeNames() {
        return store.read(items::attributeNames);
    }

    public List<String> attributeValues(String name, int limit) {
        return store.read(tx -> items.attributeValues(tx, name, limit));
    }
}
