package org.labelbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.ProjectStore;
import org.labelbench.testing.SqlRows;

/** A prediction import run as a job: cancelled inside its transaction, it leaves the project as it was. */
class PredictionImportJobTest {
    @TempDir
    Path dir;

    @Test
    void aPredictionImportCancelledWhileWritingLeavesTheProjectAsItWas() throws Exception {
        try (ProjectStore store = TagTableDecisionTest.project(dir)) {
            Path file = Files.writeString(dir.resolve("m2.csv"), "item,label\nu1.png,cat\nu2.png,cat\n");
            JobContext cancelWhileWriting = new JobContext() {
                private boolean writing;

                @Override
                public void progress(long done, long total) {
                }

                @Override
                public void message(String text) {
                    writing |= text.startsWith("Writing");
                }

                @Override
                public boolean isCancelled() {
                    return writing;
                }
            };

            try {
                new PredictionService().importFile(store, "m2", file, null, cancelWhileWriting);
                throw new AssertionError("the import should have stopped");
            } catch (JobCancelledException expected) {
                // stopped inside the transaction
            }

            assertThat(SqlRows.of(store, "SELECT name FROM prediction_run")).containsExactly(List.of("m"));
            assertThat(SqlRows.of(store, "SELECT COUNT(*) FROM prediction")).containsExactly(List.of("6"));
        }
    }
}
