package org.labelbench.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.dataset.DatasetVersion;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.shell.CallingThreadJobRunner;

/** The Versions half without a window: create two versions, one's details, the diff of both, a refusal. */
class VersionsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void createsListsDetailsAndDiffsVersionsAndRefusesATakenName() throws Exception {
        Path project = DatasetsProject.create(dir);
        try (ProjectStore store = ProjectStore.open(project)) {
            DatasetsViewModel page = new DatasetsViewModel(new DatasetsCatalog(store),
                    new UiExecutors(Runnable::run, Runnable::run, Runnable::run), new CallingThreadJobRunner(),
                    () -> "lena");
            List<String> refusals = new ArrayList<>();
            page.setOnRefused((title, text) -> refusals.add(title + ": " + text));
            VersionsViewModel versions = page.versions();
            versions.reload();
            assertThat(versions.messageProperty().get()).isEqualTo(VersionsViewModel.NO_VERSIONS);
            assertThat(versions.scopes()).containsExactly("all");

            versions.create("v1", "", "all");
            versions.create("v2", "same again", "all");
            assertThat(versions.versions()).extracting(DatasetVersion::name).containsExactly("v1", "v2");
            assertThat(versions.versions().get(1).parent()).isEqualTo("v1");
            assertThat(page.outcomeProperty().get()).startsWith("Created version v2: 68 items (0 unlabeled)");

            versions.select(List.of("v2"));
            assertThat(versions.shownProperty().get()).isEqualTo(VersionsViewModel.Shown.DETAILS);
            assertThat(versions.classes()).containsExactly("cat", "dog", "owl");
            assertThat(versions.countRows()).extracting(SplitClassRow::split).containsExactly("(none)", "all");
            assertThat(versions.countRows().get(1).perClass()).containsExactly(38L, 20L, 10L);
            assertThat(versions.lineageProperty().get().version()).isEqualTo("v2");

            versions.select(List.of("v2", "v1"));
            assertThat(versions.shownProperty().get()).isEqualTo(VersionsViewModel.Shown.DIFF);
            assertThat(versions.diffLineProperty().get()).isEqualTo("v1 → v2: the same items, labels and splits");

            versions.create("v1", "", "all");
            assertThat(refusals).hasSize(1);
            assertThat(refusals.get(0)).startsWith("Version refused: version 'v1' exists");
            assertThat(versions.versions()).hasSize(2);
        }
    }
}
