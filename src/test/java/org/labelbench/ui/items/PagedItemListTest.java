package org.labelbench.ui.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.labelbench.project.Item;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemRow;
import org.labelbench.project.ItemsPage;

/** The paging list without a window or a database: a fake reader and executors the test steps by hand. */
class PagedItemListTest {
    private static final int TOTAL = 1_000;
    private static final int PAGE = 100;

    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Executor fx = Runnable::run;
    private final List<Long> offsetsRead = new ArrayList<>();
    private final PagedItemList list = new PagedItemList(this::read, background::add, fx, PAGE, 3);

    private ItemsPage read(ItemQuery query, long offset, int limit) {
        offsetsRead.add(offset);
        List<ItemRow> rows = new ArrayList<>();
        for (long i = offset; i < Math.min(TOTAL, offset + limit); i++) {
            long index = query.ascending() ? i : TOTAL - 1 - i;
            rows.add(new ItemRow(new Item(index, "k" + index, "image", "png", "k" + index, "", 1, 1, 1, null, null,
                    null, null, 1), Map.of(), List.of()));
        }
        return new ItemsPage(offset, TOTAL, rows);
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void sizeIsTheQueryTotalAndOnlyRequestedPagesAreRead() {
        list.show(ItemQuery.all());
        assertThat(list.loadingProperty().get()).isTrue();
        runBackground();

        assertThat(list).hasSize(TOTAL);
        assertThat(list.get(5).item().key()).isEqualTo("k5");
        assertThat(list.get(950).isLoaded()).as("a page not read yet is a placeholder").isFalse();
        runBackground();

        assertThat(list.get(950).item().key()).isEqualTo("k950");
        assertThat(offsetsRead).containsExactly(0L, 900L);
    }

    @Test
    void anArrivingPageFiresAnUpdateForItsPositions() {
        list.show(ItemQuery.all());
        runBackground();
        List<int[]> updates = new ArrayList<>();
        list.addListener((ListChangeListener<ItemSlot>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    updates.add(new int[] {change.getFrom(), change.getTo()});
                }
            }
        });

        list.get(420);
        runBackground();

        assertThat(updates).hasSize(1);
        assertThat(updates.get(0)).containsExactly(400, 500);
    }

    @Test
    void requestsOvertakenByFastScrollingAreSkippedAndTheTargetIsReadFirst() {
        list.show(ItemQuery.all());
        runBackground();
        for (int page = 1; page < 10; page++) {
            list.get(page * PAGE); // scrolling through nine pages before any of them is read
        }
        runBackground();

        assertThat(offsetsRead).as("the page scrolled to first, then the two before it; the rest dropped")
                .containsExactly(0L, 900L, 800L, 700L);
        assertThat(list.get(100).isLoaded()).isFalse();
        runBackground();
        assertThat(list.get(100).item().key()).as("a skipped page is read when asked for again").isEqualTo("k100");
    }

    @Test
    void aNewQueryReplacesTheListOnceItsFirstPageIsIn() {
        list.show(ItemQuery.all());
        runBackground();
        list.get(500);
        list.show(ItemQuery.all().sortedBy(ItemQuery.SortColumn.KEY, null, false));
        runBackground(); // the old query's page 5 is dropped when it arrives

        assertThat(list.get(0).item().key()).isEqualTo("k999");
        assertThat(list.get(500).isLoaded()).isFalse();
        runBackground();
        assertThat(list.get(500).item().key()).isEqualTo("k499");
    }

    @Test
    void anotherQueryIsCountedSoTheViewScrollsToTheTopButARefreshIsNot() {
        list.show(ItemQuery.all());
        runBackground();
        int shown = list.queriesShownProperty().get();

        list.refresh();
        runBackground();
        assertThat(list.queriesShownProperty().get()).as("the same query read again").isEqualTo(shown);

        list.show(ItemQuery.all().sortedBy(ItemQuery.SortColumn.KEY, null, false));
        runBackground();
        assertThat(list.queriesShownProperty().get()).isEqualTo(shown + 1);
    }

    @Test
    void prefetchReadsTheTargetPageBeforeAnyCellAsks() {
        list.show(ItemQuery.all());
        runBackground();

        list.prefetch(777);
        runBackground();

        assertThat(offsetsRead).containsExactly(0L, 700L);
        assertThat(list.get(777).item().key()).isEqualTo("k777");
    }
}
