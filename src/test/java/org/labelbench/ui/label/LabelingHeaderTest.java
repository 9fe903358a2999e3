package org.labelbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelbench.labeling.QueueTask;
import org.labelbench.labeling.SubmittedLabel;
import org.labelbench.project.CurrentLabel;
import org.labelbench.project.Item;

/** The lines above the item, and the counts they keep from the answers. */
class LabelingHeaderTest {
    private final LabelingHeader header = new LabelingHeader();

    @Test
    void saysWhereTheLabelerIsAndHowFarTheQueueIs() {
        header.opened("round 1", 56, 56, 465);
        header.show(task(57, "open", null));

        assertThat(header.queueNameProperty().get()).isEqualTo("round 1");
        assertThat(header.positionProperty().get()).isEqualTo("item 57 · 56 done by you · 12 % of queue");
        assertThat(header.itemKeyProperty().get()).isEqualTo("k57.png");
        assertThat(header.attributesProperty().get()).isEqualTo("device=phone · speaker=s1");
        assertThat(header.ownLabelProperty().get()).isEmpty();
        assertThat(header.othersLabelsProperty().get()).isEqualTo("Others said: ana → coat · ben → shirt");
    }

    @Test
    void countsALabelOnceAndASkipAsNone() {
        header.opened("q", 0, 10, 20);
        header.answered(task(1, "open", null), false);
        header.answered(task(1, "done", null), false); // relabeled: not counted again
        header.answered(task(2, "open", null), true); // skipped: not a label
        header.show(task(3, "open", null));
        assertThat(header.positionProperty().get()).isEqualTo("item 3 · 1 done by you · 55 % of queue");

        header.answered(task(1, "done", null), true); // a labeled item skipped on going back takes one back
        header.show(null);
        assertThat(header.positionProperty().get()).isEqualTo("Queue done · 0 done by you · 50 % of queue");
        assertThat(header.itemKeyProperty().get()).isEmpty();
        assertThat(header.othersLabelsProperty().get()).isEmpty();
        assertThat(header.attributesProperty().get()).isEmpty();
        assertThat(header.doneMessage()).isEqualTo("Queue done: nothing more for you in 'q'. Backspace goes back to"
                + " your last item; Escape returns to the queues.");
    }

    @Test
    void showsTheLabelersEarlierAnswer() {
        header.opened("q", 1, 1, 4);
        header.show(task(1, "done", new SubmittedLabel(7, "class", List.of("coat", "bag"), true, null, null, null, 1)));
        assertThat(header.ownLabelProperty().get()).isEqualTo("Your label: coat, bag (unsure)");

        header.show(task(1, "done", new SubmittedLabel(8, "class", List.of(), false, null, null, null, 1)));
        assertThat(header.ownLabelProperty().get()).isEqualTo("Your label: none apply");

        header.show(task(1, "skipped", new SubmittedLabel(9, "skip", List.of(), false, null, null, "bad media", 1)));
        assertThat(header.ownLabelProperty().get()).isEqualTo("You skipped it: bad media");
    }

    @Test
    void roundsThePercentDownWithATenthBelowTen() {
        assertThat(LabelingHeader.percentText(0, 100)).isEqualTo("0");
        assertThat(LabelingHeader.percentText(1, 200)).isEqualTo("0.5");
        assertThat(LabelingHeader.percentText(99, 1000)).isEqualTo("9.9");
        assertThat(LabelingHeader.percentText(1, 10)).isEqualTo("10");
        assertThat(LabelingHeader.percentText(999, 1000)).isEqualTo("99");
        assertThat(LabelingHeader.percentText(1000, 1000)).isEqualTo("100");
        assertThat(LabelingHeader.percentText(5, 0)).as("nothing wanted is complete").isEqualTo("100");
    }

    private static QueueTask task(long seq, String state, SubmittedLabel own) {
        Item item = new Item(seq, "k" + seq + ".png", "image", "png", "k" + seq + ".png", "f".repeat(64), 10L, 28, 28,
                null, null, null, null, 1L);
        List<CurrentLabel> others = List.of(new CurrentLabel(seq, "ana", "coat", 1), new CurrentLabel(seq, "ben", "shirt", 1));
        return new QueueTask(item, seq, state, own, others, Map.of("speaker", "s1", "device", "phone"));
    }
}
