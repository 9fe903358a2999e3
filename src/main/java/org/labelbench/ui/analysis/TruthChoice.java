package org.labelbench.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import org.labelbench.analysis.TruthSource;

/** One entry of the "Ground truth" choice: a {@link TruthSource} and how the view names it. */
public record TruthChoice(String text, TruthSource source) {
    static final TruthChoice DEFAULT = new TruthChoice("adjudicated, else majority", TruthSource.DEFAULT);

    /** The default, then for each annotator "…, else NAME on ties" and "only NAME". */
    static List<TruthChoice> forAnnotators(List<String> annotators) {
        List<TruthChoice> choices = new ArrayList<>();
        choices.add(DEFAULT);
        for (String annotator : annotators) {
            choices.add(new TruthChoice("adjudicated, else majority, else " + annotator + " on ties",
                    new TruthSource(null, annotator)));
        }
        for (String annotator : annotators) {
            choices.add(new TruthChoice("only " + annotator, new TruthSource(annotator, null)));
        }
        return choices;
    }

    @Override
    public String toString() {
        return text;
    }
}
