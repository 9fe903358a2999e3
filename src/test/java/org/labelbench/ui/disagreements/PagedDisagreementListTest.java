package org.labelbench.ui.disagreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.agreement.Disagreement;
import org.labelbench.agreement.DisagreementFilter;
import org.labelbench.agreement.DisagreementList;
import org.labelbench.agreement.Disagreements;
import org.labelbench.project.ProjectStore;

/** The disagreement list over a real list of four contested items, two to a page, with a reader the test controls. */
class PagedDisagreementListTest {
    @TempDir
    Path dir;
    ProjectStore store;
    DisagreementList contested;
    List<Disagreement> details;
    final Disagreements disagreements = new Disagreements();
    final Queue<Runnable> background = new ArrayDeque<>();
    final List<List<Long>> asked = new ArrayList<>();
    PagedDisagreementList.PageReader reader = ids -> {
        asked.add(ids);
        return details.stream().filter(d -> ids.contains(d.item().id())).toList();
    };
    final PagedDisagreementList list = new PagedDisagreementList(ids -> reader.read(ids), background::add,
            Runnable::run, 2, 2);

    @BeforeEach
    void open() throws IOException {
        store = ProjectStore.open(DisagreementProjects.clothes(dir));
        contested = disagreements.list(store, DisagreementFilter.unresolved());
        List<Disagreement> read = disagreements.details(store, contested.itemIds(0, contested.size()));
        details = contested.itemIds(0, contested.size()).stream()
                .map(id -> read.stream().filter(d -> d.item().id() == id).findFirst().orElseThrow()).toList();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void thePageReadWithTheListIsShownAtOnceAndTheOthersAreReadByTheirIds() {
        list.setList(contested, 2, details.subList(2, 4));

        assertThat(list).hasSize(4);
        assertThat(list.get(3).disagreement().key()).isEqualTo("e.png");
        assertThat(list.get(0).isLoaded()).isFalse();
        assertThat(list.get(0).itemId()).as("a placeholder knows its item").isEqualTo(contested.itemId(0));
        runBackground();

        assertThat(asked).containsExactly(contested.itemIds(0, 2));
        assertThat(list.stream().map(slot -> slot.disagreement().key()).toList())
                .containsExactlyElementsOf(DisagreementProjects.CONTESTED);
    }

    @Test
    void anIdTheReaderLeavesOutStaysAPlaceholderAndTheRestAreInListOrder() {
        reader = ids -> {
            asked.add(ids);
            return List.of(details.get(0)); // the second id of the page is no item any more
        };
        list.setList(contested, 0, List.of());

        list.get(0);
        runBackground();

        assertThat(list.get(0).disagreement()).isEqualTo(details.get(0));
        assertThat(list.get(1).isLoaded()).isFalse();
        assertThat(list.get(1).itemId()).isEqualTo(contested.itemId(1));
    }

    @Test
    void aFailedPageReadIsReported() {
        reader = ids -> {
            throw new IllegalStateException("the project was closed");
        };
        list.setList(contested, 0, List.of());

        list.get(2);
        runBackground();

        assertThat(list.errorProperty().get()).isEqualTo("the project was closed");
        assertThat(list.get(2).isLoaded()).isFalse();
    }

    @Test
    void freshDetailsReplaceOnlyTheItemAtTheirPosition() {
        list.setList(contested, 0, details.subList(0, 2));
        Disagreement second = details.get(1);

        list.replace(0, second); // not the item at 0: ignored
        list.replace(1, second);

        assertThat(list.get(0).disagreement()).isEqualTo(details.get(0));
        assertThat(list.get(1).disagreement()).isSameAs(second);
        assertThat(list.list()).isSameAs(contested);
    }
}
