package org.labelbench.cli;

import org.labelbench.project.Transaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.agreement.Slices;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectMeta;
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

    static boolean isMultiLabel(Transaction tx) {
        return ProjectMeta.isMultiLabel(tx);
    }

    /** The project's single-label answers; a multi-label project is refused with {@code why}. */
    static LabelMatrix singleLabelMatrix(Transaction tx, Path project, String why) throws java.sql.SQLException {
        if (isMultiLabel(tx)) {
            throw new BadInputException(project + ": " + why);
        }
        return LabelMatrix.read(tx);
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
            Function<LabelMatrix, T> measure, java.util.function.BiFunction<LabelMatrix, Integer, T> measureClass) throws java.sql.SQLException {
        Map<String, T> results = new LinkedHashMap<>();
        if (isMultiLabel(tx)) {
            if (by != null && !"class".equals(by)) {
                throw new BadInputException(project + ": a multi-label project is measured per class; --by " + by
                        + " is not offered for it");
            }
            LabelMatrix.readPerClass(tx).forEach((name, matrix) -> results.put(name, measure.apply(prepare.apply(matrix))));
            return results;
        }
        LabelMatrix matrix = prepare.apply(LabelMatrix.read(tx));
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
