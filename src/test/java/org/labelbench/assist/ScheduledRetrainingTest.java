package org.labelbench.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.analysis.Uncertainty;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.jobs.JobContext;
import org.labelbench.labeling.LabelDecision;
import org.labelbench.labeling.LabelingSession;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ModelRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.QueueRepository;
import org.labelbench.testing.CancelledJob;
import org.labelbench.testing.RetrainingProject;

/**
 * Background retraining's bookkeeping on a real project with a real model: a round is due after
 * N new labels of the queue (anyone's), exactly one caller claims it, a finished round records
 * the model it made and the count starts again, and a cancelled one records why it made none.
 */
class ScheduledRetrainingTest {
    @TempDir
    static Path dir;
    static Path project;
    private final ScheduledRetraining schedules = new ScheduledRetraining();

    @BeforeAll
    static void createProject() throws Exception {
        project = RetrainingProject.create(dir);
    }

    @Test
    void aRoundIsDueAfterNLabelsAndOnlyOneCallerClaimsIt() {
        try (ProjectStore store = ProjectStore.open(project)) {
            RetrainingSchedule set = schedules.set(store, "next", "m1", 3, Uncertainty.ENTROPY, "lead");
            assertThat(set.labelsSince()).isZero();
            assertThat(set.labelsToNext()).isEqualTo(3);
            assertThat(set.uncertainty()).isEqualTo(Uncertainty.ENTROPY);

            label(store, "ana", 2);
            assertThat(schedules.find(store, "next").orElseThrow().labelsToNext()).isEqualTo(1);
            assertThat(schedules.claimDue(store, "next")).isEmpty();
            label(store, "ben", 1); // anyone's labels count
            Optional<ScheduledRetraining.Claim> claim = schedules.claimDue(store, "next");
            assertThat(claim).isPresent();
            assertThat(claim.get().labels()).isEqualTo(3);
            assertThat(schedules.claimDue(store, "next")).as("a second session asking at once").isEmpty();

            QueueRetraining.Round round = schedules.run(store, claim.get(), DeviceChoice.CPU, "ana",
                    JobContext.silent());
            assertThat(round.model()).isEqualTo("m1-r1");
            // Every item no one was served yet: each session also holds the item it shows next.
            int unserved = store.read(tx -> new QueueRepository().unservedItems(tx,
                    new QueueRepository().find(tx, "next").orElseThrow().id()).size());
            assertThat(unserved).isLessThan(RetrainingProject.PICTURES - RetrainingProject.LABELED - 3);
            assertThat(round.reranked()).isEqualTo(unserved);
            RetrainingSchedule after = schedules.find(store, "next").orElseThrow();
            assertThat(after.lastModel()).isEqualTo("m1-r1");
            assertThat(after.lastError()).isNull();
            assertThat(after.labelsToNext()).isEqualTo(3); // counted again from the round's start
            assertThat(after.model()).as("each round reuses the chosen model's recipe").isEqualTo("m1");

            assertThat(schedules.off(store, "next")).isTrue();
            assertThat(schedules.find(store, "next")).isEmpty();
            assertThat(schedules.off(store, "next")).isFalse();
        }
    }

    @Test
    void aCancelledRoundMakesNoModelAndSaysSo() {
        try (ProjectStore store = ProjectStore.open(project)) {
            schedules.set(store, "next", "m1", 1, Uncertainty.MARGIN, "lead");
            label(store, "chloe", 1);
            ScheduledRetraining.Claim claim = schedules.claimDue(store, "next").orElseThrow();
            int models = store.read(tx -> new ModelRepository().list(tx).size());
            JobContext cancelled = CancelledJob.context();
            assertThatThrownBy(() -> schedules.run(store, claim, DeviceChoice.CPU, "chloe", cancelled))
                    .isInstanceOf(JobCancelledException.class);
            int after0 = store.read(tx -> new ModelRepository().list(tx).size());
            assertThat(after0).isEqualTo(models);
            RetrainingSchedule after = schedules.find(store, "next").orElseThrow();
            assertThat(after.lastError()).isEqualTo("cancelled");
            assertThat(schedules.claimDue(store, "next")).as("not retried before the next label").isEmpty();
            schedules.off(store, "next");
        }
    }

    @Test
    void refusesWhatCannotBeRetrained() {
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThatThrownBy(() -> schedules.set(store, "nope", "m1", 5, Uncertainty.MARGIN, "lead"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("no queue named 'nope'");
            assertThatThrownBy(() -> schedules.set(store, "next", "ghost", 5, Uncertainty.MARGIN, "lead"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("ghost");
            assertThatThrownBy(() -> schedules.set(store, "next", "m1", 0, Uncertainty.MARGIN, "lead"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("out of range");
            assertThat(schedules.find(store, "next")).isEmpty();
        }
    }

    /** {@code count} items of queue "next" labeled by {@code annotator}, as the labeling screen does. */
    private static void label(ProjectStore store, String annotator, int count) {
        LabelingSession session = LabelingSession.open(store, "next", annotator, "labeler");
        try {
            for (int i = 0; i < count; i++) {
                session.submit(LabelDecision.single(session.schema().classes().get(i % 3)));
            }
        } finally {
            session.close();
        }
    }
}
