package org.labelbench.ui.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.dataset.SplitRule;
import org.labelbench.dataset.SplitService;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.TestProjects;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.preview.MediaFiles;

/** The Items view model without a window: direct executors, a real project of 40 items. */
class ItemsViewModelTest {
    @TempDir
    Path dir;
    ProjectStore store;
    ItemsViewModel viewModel;

    @BeforeEach
    void open() {
        store = ProjectStore.open(TestProjects.withItems(dir, "small", 40, 4));
        viewModel = new ItemsViewModel(new ItemsCatalog(store), new MediaFiles(store.directory()),
                new UiExecutors(Runnable::run, Runnable::run, Runnable::run));
        viewModel.reload();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void filtersAndSortBecomeOneQuery() {
        viewModel.keySearchProperty().set(" img_0001 ");
        viewModel.mediaFilterProperty().set(FilterChoice.IMAGES);
        viewModel.labelFilterProperty().set(FilterChoice.of("coat"));
        viewModel.attributeFilterProperty().set(FilterChoice.of("split"));
        viewModel.attributeValueFilterProperty().set(FilterChoice.of("train"));
        viewModel.sortBy(ItemSort.by(ItemQuery.SortColumn.BYTES, false));

        assertThat(viewModel.queryProperty().get()).isEqualTo(ItemQuery.all().withKeyContains("img_0001")
                .withMedia("image").withLabel("coat").withAttribute("split", "train")
                .sortedBy(ItemQuery.SortColumn.BYTES, null, false));
    }

    @Test
    void choosingAnotherAttributeClearsTheValueAndOffersItsValues() {
        viewModel.attributeFilterProperty().set(FilterChoice.of("split"));
        assertThat(viewModel.attributeValueChoices()).containsExactly(FilterChoice.ANY_VALUE,
                FilterChoice.of("test"), FilterChoice.of("train"));
        viewModel.attributeValueFilterProperty().set(FilterChoice.of("test"));
        assertThat(viewModel.countTextProperty().get()).isEqualTo("Showing 20 of 40 items");

        viewModel.attributeFilterProperty().set(FilterChoice.NO_ATTRIBUTE);

        assertThat(viewModel.attributeValueFilterProperty().get()).isEqualTo(FilterChoice.ANY_VALUE);
        assertThat(viewModel.queryProperty().get()).isEqualTo(ItemQuery.all());
    }

    @Test
    void theSplitFilterOffersTheStoredSplitsAndRowsShowTheirSplit() {
        assertThat(viewModel.splitChoices()).containsExactly(FilterChoice.ANY_SPLIT);
        new SplitService().split(store, SplitRule.parse("0.5,0.25,0.25", null, 2, "label", null), "t",
                JobContext.silent());
        viewModel.reload();
        assertThat(viewModel.splitChoices()).containsExactly(FilterChoice.ANY_SPLIT, FilterChoice.split("train"),
                FilterChoice.split("dev"), FilterChoice.split("test"), FilterChoice.NO_SPLIT);
        assertThat(viewModel.splitChoices().get(2).label()).isEqualTo("split = dev");

        viewModel.splitFilterProperty().set(FilterChoice.split("dev"));
        assertThat(viewModel.queryProperty().get()).isEqualTo(ItemQuery.all().withSplit("dev"));
        assertThat(viewModel.countTextProperty().get()).isEqualTo("Showing 10 of 40 items");
        assertThat(viewModel.items()).hasSize(10).allSatisfy(slot -> assertThat(slot.row().split()).isEqualTo("dev"));
        viewModel.splitFilterProperty().set(FilterChoice.NO_SPLIT);
        assertThat(viewModel.countTextProperty().get()).isEqualTo("Showing 0 of 40 items");
    }

    @Test
    void countsAndOrdersWhatTheStoreMatches() {
        assertThat(viewModel.countTextProperty().get()).isEqualTo("Showing 40 of 40 items");
        assertThat(viewModel.labelChoices()).containsExactly(FilterChoice.ANY_LABEL, FilterChoice.UNLABELED,
                FilterChoice.of("coat"), FilterChoice.of("shirt"), FilterChoice.of("bag"));
        assertThat(viewModel.attributeNames()).containsExactly("split");

        viewModel.labelFilterProperty().set(FilterChoice.UNLABELED);
        assertThat(viewModel.countTextProperty().get()).isEqualTo("Showing 36 of 40 items");
        viewModel.labelFilterProperty().set(FilterChoice.of("shirt"));
        assertThat(viewModel.countTextProperty().get()).isEqualTo("Showing 4 of 40 items");
        viewModel.labelFilterProperty().set(FilterChoice.ANY_LABEL);

        viewModel.sortBy(ItemSort.by(ItemQuery.SortColumn.KEY, false));
        assertThat(viewModel.items().get(0).item().key()).isEqualTo(TestProjects.key(39));
        viewModel.keySearchProperty().set("img_0000");
        assertThat(viewModel.countTextProperty().get()).isEqualTo("Showing 10 of 40 items");
    }

    @Test
    void selectingAnItemShowsItsFactsAndLabels() {
        viewModel.select(2);

        assertThat(viewModel.preview().titleProperty().get()).isEqualTo(TestProjects.key(2));
        assertThat(viewModel.preview().allDetails()).extracting(d -> d.name() + "=" + d.value())
                .contains("Dimensions=28×28", "ana=coat (guidelines v1)", "chloe=shirt (guidelines v1)", "split=train");

        viewModel.keySearchProperty().set("img_0003");
        assertThat(viewModel.selectedIndexProperty().get()).as("a new query clears the selection").isEqualTo(-1);
        assertThat(viewModel.preview().titleProperty().get()).isEmpty();
    }

    @Test
    void goingToARowSelectsItAndSaysWhichRowsAreShown() {
        assertThat(viewModel.goToRow("1,2")).isEmpty();

        assertThat(viewModel.selectedIndexProperty().get()).isEqualTo(11);
        assertThat(viewModel.scrollTargetProperty().get()).isEqualTo(11);
        assertThat(viewModel.preview().titleProperty().get()).isEqualTo(TestProjects.key(11));
        viewModel.visibleRows(11, 30);
        assertThat(viewModel.rowRangeTextProperty().get()).isEqualTo("Rows 12–31 of 40");

        assertThat(viewModel.goToRow("41")).isEqualTo("Rows go from 1 to 40");
        assertThat(viewModel.goToRow("row")).isEqualTo("Type a row number");
        assertThat(viewModel.selectedIndexProperty().get()).as("a refused jump moves nothing").isEqualTo(11);

        viewModel.keySearchProperty().set("img_0000");
        viewModel.visibleRows(0, 9);
        assertThat(viewModel.rowRangeTextProperty().get()).isEqualTo("Rows 1–10 of 10");
    }

    @Test
    void filterChoicesThatCannotBeReadAreSaidInTheCountLine() {
        java.util.Deque<Runnable> reads = new java.util.ArrayDeque<>();
        ItemsViewModel held = new ItemsViewModel(new ItemsCatalog(store), new MediaFiles(store.directory()),
                new UiExecutors(reads::add, Runnable::run, Runnable::run));
        held.reload();
        reads.pollLast().run(); // the first page, while the store is open

        store.close();
        reads.pollLast().run(); // the choices and the project's total

        assertThat(held.countTextProperty().get()).startsWith("Cannot read the filter choices: ");
        held.dispose();
    }
}
