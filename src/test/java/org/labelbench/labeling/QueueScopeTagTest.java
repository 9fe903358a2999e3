package org.labelbench.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelbench.labeling.LabelingFixture.key;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.jobs.JobCancelledException;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.TagRepository;

/** Queues over a tag's items, and queue creation as a job: its progress, and a cancel that leaves nothing. */
class QueueScopeTagTest {
    @TempDir
    Path dir;
    ProjectStore store;
    private final QueueService queues = new QueueService();

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private void tag(String name, int... items) {
        store.write(tx -> {
            TagRepository tags = new TagRepository();
            long tag = tags.define(tx, name, "manual", null, Instant.now());
            Map<String, Long> ids = new ItemRepository().idsByKey(tx, LabelingFixture.keys(10));
            List<Long> tagged = new ArrayList<>();
            for (int i : items) {
                tagged.add(ids.get(key(i)));
            }
            tags.add(tx, tag, tagged, "manual", "lead", Instant.now());
            return null;
        });
    }

    private Queue create(String name, QueueScope scope, JobContext context) {
        return queues.create(store, new QueueDefinition(name, scope, QueueStrategy.SEQUENTIAL, 1, 1, List.of()),
                "lead", null, context);
    }

    @Test
    void aTagScopeIsDescribedByItsNameAndTakesTheTagsMembersWhenTheQueueIsCreated() {
        store = LabelingFixture.project(dir, 10, false);
        tag("hard", 7, 2, 5);

        Queue queue = create("hard ones", QueueScope.tag(" hard "), JobContext.silent());
        tag("hard", 9); // tagged after the queue was made: not in it

        assertThat(queue.scope()).isEqualTo("tag hard");
        assertThat(queue.items()).isEqualTo(3);
        assertThat(queues.list(store)).extracting(Queue::scope).containsExactly("tag hard");
        try (LabelingSession session = LabelingSession.open(store, "hard ones", "ana", "labeler")) {
            List<String> served = new ArrayList<>();
            while (session.current().isPresent()) {
                served.add(session.current().get().item().key());
                session.submit(LabelDecision.skip("later"));
            }
            assertThat(served).as("key order").containsExactly(key(2), key(5), key(7));
        }
    }

    @Test
    void anUnknownOrEmptyTagIsRefusedAndCreatesNothing() {
        store = LabelingFixture.project(dir, 4, false);
        tag("empty");

        assertThatThrownBy(() -> create("q", QueueScope.tag("ghost"), JobContext.silent()))
                .isInstanceOf(BadInputException.class).hasMessage("no tag named 'ghost'");
        assertThatThrownBy(() -> create("q", QueueScope.tag("empty"), JobContext.silent()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("queue 'q' would cover no items: tag empty matches nothing");
        assertThatThrownBy(() -> QueueScope.tag(" ")).isInstanceOf(BadInputException.class)
                .hasMessage("the tag name is empty");
        assertThat(queues.list(store)).isEmpty();
    }

    @Test
    void creatingReportsTheItemsWrittenAndACancelLeavesNoQueueBehind() {
        store = LabelingFixture.project(dir, 25_000, false);
        List<String> reports = new ArrayList<>();
        Queue made = create("all", QueueScope.all(), new RecordingContext(reports, Long.MAX_VALUE));
        assertThat(made.items()).isEqualTo(25_000);
        assertThat(reports).contains("10000/25000", "20000/25000", "25000/25000");

        // Cancelled once the first batch is written: the queue row and that batch are rolled back.
        List<String> cancelled = new ArrayList<>();
        assertThatThrownBy(() -> create("half", QueueScope.all(), new RecordingContext(cancelled, 10_000)))
                .isInstanceOf(JobCancelledException.class);
        assertThat(cancelled).contains("10000/25000").doesNotContain("20000/25000");
        assertThat(queues.list(store)).extracting(Queue::name).containsExactly("all");
        assertThat(LabelingFixture.rows(store, "SELECT COUNT(*) FROM queue_item")).containsExactly(List.of("25000"));
    }

    /** Records progress as "done/total"; cancelled once {@code cancelAfter} units are reported done. */
    private static final class RecordingContext implements JobContext {
        private final List<String> reports;
        private final long cancelAfter;
        private long done;

        RecordingContext(List<String> reports, long cancelAfter) {
            this.reports = reports;
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void progress(long done, long total) {
            this.done = done;
            reports.add(done + "/" + total);
        }

        @Override
        public void message(String text) {
        }

        @Override
        public boolean isCancelled() {
            return done >= cancelAfter;
        }
    }
}
