package org.labelbench.ui.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The generic paging list without a window: fake sources and a background queue the test runs by hand. */
class PagedListTest {
    private static final int PAGE = 10;

    record Row(int index, String text) {
    }

    record TestSlot(int index, Row row) implements Slot<Row> {
    }

    /** Opens the protected half of the list to the test, as the Items, error and disagreement lists use it. */
    static final class TestList extends PagedList<Row, TestSlot> {
        int sourceChanges;

        TestList(Executor background, Executor fx, int cachedPages) {
            super(background, fx, PAGE, cachedPages);
        }

        @Override
        protected TestSlot slot(int index, Row row) {
            return new TestSlot(index, row);
        }

        void show(PageSource<Row> source, int size) {
            replaceSource(source, size, 0, List.of());
        }

        @Override
        protected void sourceChanged() {
            sourceChanges++;
        }
    }

    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Executor fx = Runnable::run;
    private final TestList list = new TestList(background::add, fx, 3);
    private final List<String> reads = new ArrayList<>();

    /** A source of {@code size} rows named "{@code name}{index}" that notes every read. */
    private PageSource<Row> source(String name, int size) {
        return rowsOf(name, size, index -> new Row(index, name + index));
    }

    private PageSource<Row> rowsOf(String name, int size, IntFunction<Row> row) {
        return (offset, limit) -> {
            reads.add(name + "@" + offset);
            List<Row> rows = new ArrayList<>();
            for (int i = offset; i < Math.min(size, offset + limit); i++) {
                rows.add(row.apply(i));
            }
            return new Page<>(rows, size);
        };
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    private List<int[]> updates() {
        List<int[]> updates = new ArrayList<>();
        list.addListener((ListChangeListener<TestSlot>) change -> {
            while (change.next()) {
                if (change.wasUpdated()) {
                    updates.add(new int[] {change.getFrom(), change.getTo()});
                }
            }
        });
        return updates;
    }

    private String text(int index) {
        TestSlot slot = list.get(index);
        return slot.isLoaded() ? slot.row().text() : null;
    }

    @Test
    void aPositionIsAPlaceholderUntilItsPageArrivesThenItsCellsAreToldToAskAgain() {
        list.show(source("a", 95), 95);
        List<int[]> updates = updates();

        assertThat(list).hasSize(95);
        TestSlot waiting = list.get(42);
        assertThat(waiting.isLoaded()).isFalse();
        assertThat(waiting).as("a placeholder equals the next one for its position").isEqualTo(list.get(42));
        assertThat(reads).as("nothing is read on the FX thread").isEmpty();

        runBackground();

        assertThat(reads).containsExactly("a@40");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0)).containsExactly(40, 50);
        assertThat(text(42)).isEqualTo("a42");
        assertThat(list.pageReads()).isEqualTo(1);
    }

    @Test
    void aListWhoseReadsThreadIsGoneWhileTheProjectClosesShowsPlaceholdersAndDoesNotThrow() {
        boolean[] closed = {false};
        TestList closing = new TestList(task -> {
            if (closed[0]) {
                throw new java.util.concurrent.RejectedExecutionException("shut down");
            }
            background.add(task);
        }, fx, 3);
        closing.show(source("a", 95), 95);
        closed[0] = true;

        assertThat(closing.get(42).isLoaded()).isFalse();
        assertThat(closing.get(42).isLoaded()).as("asked again: still nothing, and no exception").isFalse();
        assertThat(reads).isEmpty();
        assertThat(closing.errorProperty().get()).isEmpty();
    }

    @Test
    void rowsReadAgainKeepTheirPlacesAndShowWhatTheSourceSaysNow() {
        String[] version = {"a"};
        list.show(rowsOf("v", 95, index -> new Row(index, version[0] + index)), 95);
        list.get(12);
        runBackground();
        assertThat(list.get(12).row().text()).isEqualTo("a12");
        List<int[]> updates = updates();

        version[0] = "b"; // the store changed under the rows
        list.rereadLoaded();
        assertThat(list).hasSize(95);
        assertThat(updates).as("the loaded page's cells are told to ask again").extracting(u -> u[0] + "-" + u[1])
                .containsExactly("10-20");
        assertThat(list.get(12).isLoaded()).as("forgotten until read again").isFalse();
        runBackground();
        assertThat(list.get(12).row().text()).isEqualTo("b12");
    }

    @Test
    void theLastPageMayBeShortAndIsUpdatedOnlyWhereItHasRows() {
        list.show(source("a", 95), 95);
        List<int[]> updates = updates();

        list.get(91);
        runBackground();

        assertThat(updates.get(0)).containsExactly(90, 95);
        assertThat(text(94)).isEqualTo("a94");
    }

    @Test
    void theNewestRequestIsReadFirstAndRequestsScrolledPastAreDroppedUntilAskedAgain() {
        list.show(source("a", 1_000), 1_000);
        for (int page = 0; page < 8; page++) {
            list.get(page * PAGE);
        }
        runBackground();

        assertThat(reads).as("three pages fit the cache: the last three asked for, newest first")
                .containsExactly("a@70", "a@60", "a@50");
        assertThat(list.get(0).isLoaded()).isFalse();
        runBackground();
        assertThat(text(0)).as("a dropped page is read when asked for again").isEqualTo("a0");
    }

    @Test
    void atMostFourReadsWaitWhenTheCacheIsLarger() {
        TestList large = new TestList(background::add, fx, 16);
        large.replaceSource(source("a", 1_000), 1_000, 0, List.of());
        for (int page = 0; page < 9; page++) {
            large.get(page * PAGE);
        }
        runBackground();

        assertThat(reads).containsExactly("a@80", "a@70", "a@60", "a@50");
    }

    @Test
    void theLeastRecentlyUsedPageIsEvictedAndReadAgainWhenNeeded() {
        list.show(source("a", 1_000), 1_000);
        for (int page = 0; page < 3; page++) {
            list.get(page * PAGE);
            runBackground();
        }
        list.get(0); // page 0 used again: page 1 is now the eldest
        list.get(30);
        runBackground();

        assertThat(reads).containsExactly("a@0", "a@10", "a@20", "a@30");
        assertThat(text(0)).isEqualTo("a0");
        assertThat(list.get(10).isLoaded()).as("evicted").isFalse();
        runBackground();
        assertThat(reads).endsWith("a@10");
        assertThat(text(10)).isEqualTo("a10");
    }

    @Test
    void readingNearAPagesEndReadsTheNextPageAhead() {
        list.show(source("a", 100), 100);
        list.get(0);
        runBackground();

        list.get(7); // three quarters into page 0
        runBackground();

        assertThat(reads).containsExactly("a@0", "a@10");
        assertThat(text(10)).isEqualTo("a10");
    }

    @Test
    void pagesReadForAnOlderSourceAreDroppedWhenTheyArrive() {
        Queue<Runnable> answers = new ArrayDeque<>();
        TestList held = new TestList(background::add, answers::add, 3);
        held.show(source("old", 100), 100);
        held.get(50);
        runBackground(); // read, its answer still on its way to the FX thread
        held.show(source("new", 60), 60);
        List<String> updates = new ArrayList<>();
        held.addListener((ListChangeListener<TestSlot>) change -> updates.add(change.toString()));

        answers.forEach(Runnable::run);

        assertThat(reads).containsExactly("old@50");
        assertThat(updates).isEmpty();
        assertThat(held).hasSize(60);
        assertThat(held.get(50).isLoaded()).isFalse();
        runBackground();
        answers.forEach(Runnable::run);
        assertThat(held.get(50).row().text()).isEqualTo("new50");
    }

    @Test
    void aFailureForAnOlderSourceIsNotReported() {
        Queue<Runnable> answers = new ArrayDeque<>();
        TestList held = new TestList(background::add, answers::add, 3);
        held.show((offset, limit) -> {
            throw new IllegalStateException("old store closed");
        }, 40);
        held.get(0);
        runBackground();
        held.show(source("a", 40), 40);

        answers.forEach(Runnable::run);

        assertThat(held.errorProperty().get()).isEmpty();
    }

    @Test
    void aNewSourceReplacesEveryPositionAndClearsTheLastFailure() {
        list.show((offset, limit) -> {
            throw new IllegalStateException("disk gone");
        }, 30);
        list.get(0);
        runBackground();
        assertThat(list.errorProperty().get()).isEqualTo("disk gone");
        List<String> changes = new ArrayList<>();
        list.addListener((ListChangeListener<TestSlot>) change -> {
            while (change.next()) {
                changes.add("-" + change.getRemovedSize() + " +" + change.getAddedSize());
            }
        });

        list.replaceSource(source("b", 12), 12, 10, List.of(new Row(10, "b10"), new Row(11, "b11")));

        assertThat(changes).containsExactly("-30 +12");
        assertThat(list.errorProperty().get()).isEmpty();
        assertThat(text(11)).as("rows read with the source are shown at once").isEqualTo("b11");
        assertThat(reads).isEmpty();
    }

    @Test
    void aFailedReadIsReportedAndTheNextRequestTriesAgain() {
        boolean[] broken = {true};
        list.show((offset, limit) -> {
            if (broken[0]) {
                throw new IllegalStateException("cannot read the page", new RuntimeException("database is locked"));
            }
            return source("a", 40).read(offset, limit);
        }, 40);

        list.get(25);
        runBackground();

        assertThat(list.errorProperty().get()).isEqualTo("cannot read the page: database is locked");
        assertThat(list.get(25).isLoaded()).isFalse();
        broken[0] = false;
        runBackground();
        assertThat(text(25)).isEqualTo("a25");
    }

    @Test
    void aPageFromASourceThatChangedSizeIsDroppedAndTheOwnerTold() {
        list.show((offset, limit) -> new Page<>(List.of(new Row(offset, "x")), 41), 40);
        list.get(0);
        runBackground();

        assertThat(list.sourceChanges).isEqualTo(1);
        assertThat(list.get(0).isLoaded()).isFalse();
    }

    @Test
    void loadedRowsAreChangedInPlaceWithoutReading() {
        list.show(source("a", 30), 30);
        list.get(0);
        runBackground();
        List<int[]> updates = updates();

        list.changeLoaded(row -> row.index() % 4 == 0 ? new Row(row.index(), row.text() + "!") : row);

        assertThat(reads).containsExactly("a@0");
        assertThat(updates).extracting(range -> range[0]).containsExactly(0, 4, 8);
        assertThat(text(4)).isEqualTo("a4!");
        assertThat(text(5)).isEqualTo("a5");
        assertThat(list.loaded(8).text()).isEqualTo("a8!");
        assertThat(list.loaded(25)).as("not in memory: nothing is read").isNull();
        assertThat(reads).containsExactly("a@0");
    }

    @Test
    void oneRowIsReplacedAndItsCellsToldToAskAgain() {
        list.show(source("a", 30), 30);
        list.get(0);
        runBackground();
        List<int[]> updates = updates();

        list.setRow(3, new Row(3, "fresh"));

        assertThat(text(3)).isEqualTo("fresh");
        assertThat(updates.get(0)).containsExactly(3, 4);
    }

    @Test
    void theFirstPageReadWithASourceCountsAsAPageRead() {
        Page<Row> page = list.readFirstPage(source("a", 25));

        assertThat(page.rows()).hasSize(PAGE);
        assertThat(list.pageReads()).isEqualTo(1);
        assertThat(reads).containsExactly("a@0");
    }

    @Test
    void prefetchReadsAPageBeforeAnyCellAsksAndIgnoresPositionsOutside() {
        list.show(source("a", 100), 100);

        list.prefetch(77);
        list.prefetch(100);
        list.prefetch(-1);
        runBackground();

        assertThat(reads).containsExactly("a@70");
        assertThat(text(77)).isEqualTo("a77");
    }
}
