package org.labelbench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.agreement.SingleLabelOnly;
import org.labelbench.agreement.Slices;
import org.labelbench.project.BadInputException;
import org.labelbench.project.Opinions;
import org.labelbench.project.ProjectMeta;
import org.labelbench.project.Transaction;
import picocli.CommandLine.Option;

/** The options `agreement` and `hlp` share: the breakdown and the bootstrap. */
final class BreakdownOptions {
    @Option(names = "--by", paramLabel = "class|annotator|attr:NAME|tag|tag:NAME|guideline",
            description = {"One result per class, per attribute value, per tag (tag:NAME: with and without it) or per",
                "guideline version; for agreement also per annotator. JSON: a list, each with its group."})
    String by;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N",
            description = "Resamples of items for the 95 %% intervals (0: none; default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the resampling (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--include-suggestions",
            description = {"Count labels that accepted a model's suggestion. By default the figures are human-only:",
                "an (item, annotator) whose current label is an accepted suggestion is not counted (no older",
                "label of theirs stands in for it)."})
    boolean includeSuggestions;

    /** Whether accepted suggestions count, from --include-suggestions. */
    Opinions.Suggestions suggestions() {
        return Opinions.Suggestions.included(includeSuggestions);
    }

    /** The single-label answers that agreement and HLP measure (human-only unless --include-suggestions). */
    LabelMatrix measuredMatrixBy(Transaction tx, Path project, String byName) {
        if (isMultiLabel(tx)) {
            throw perClassOnly(project, byName);
        }
        return LabelMatrix.read(tx, suggestions());
    }

    static boolean isMultiLabel(Transaction tx) {
        return ProjectMeta.isMultiLabel(tx);
    }

    /**
     * Refuses a multi-label project for {@code what} ("error analysis") in {@link SingleLabelOnly}'s
     * words. It reads only the project's flag: the command reads the answers once, itself (reading
     * the whole label matrix here to throw it away was half of `analyze`'s time on 1M items).
     */
    static void requireSingleLabel(Transaction tx, Path project, String what) {
        if (isMultiLabel(tx)) {
            throw new BadInputException(project + ": " + SingleLabelOnly.refusal(what));
        }
    }

    private static BadInputException perClassOnly(Path project, String by) {
        return new BadInputException(project + ": a multi-label project is measured per class; --by " + by
                + " is not offered for it");
    }

    int resamples() {
        return Math.max(0, resamples);
    }

    /** True when the results are one per group (a list in JSON): with --by, and always for a multi-label project. */
    boolean grouped(Transaction tx) {
        return by != null || isMultiLabel(tx);
    }

    /**
     * {@code measure} of the project's labels: of the whole (under the key null), or of each
     * group in order; with {@code --by class}, {@code measureClass} of each class (agreement:
     * the class against the rest; HLP: on the items of the class).
     * A multi-label project is measured per class, on the binary decision for each class.
     * {@code prepare} adjusts the matrix before it is split (HLP's choice of gold).
     */
    <T> Map<String, T> perGroup(Transaction tx, Path project, UnaryOperator<LabelMatrix> prepare,
            Function<LabelMatrix, T> measure, BiFunction<LabelMatrix, Integer, T> measureClass) {
        Map<String, T> results = new LinkedHashMap<>();
        if (isMultiLabel(tx)) {
            if (by != null && !"class".equals(by)) {
                throw perClassOnly(project, by);
            }
            LabelMatrix.readPerClass(tx, suggestions()).forEach((name, matrix) -> results.put(name, measure.apply(prepare.apply(matrix))));
            return results;
        }
        LabelMatrix matrix = prepare.apply(LabelMatrix.read(tx, suggestions()));
        if (by == null) {
            results.put(null, measure.apply(matrix));
        } else if ("class".equals(by)) {
            for (int category = 0; category < matrix.classes().size(); category++) {
                results.put(matrix.classes().get(category), measureClass.apply(matrix, category));
            }
        } else {
            for (Map.Entry<String, int[]> slice : Slices.of(tx, matrix, by).entrySet()) {
                results.put(slice.getKey(), measure.apply(matrix.select(slice.getValue())));
            }
        }
        return results;
    }
}
