package org.labelbench.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.agreement.Slices;
import picocli.CommandLine.Option;

/** The options `agreement` and `hlp` share: the breakdown and the bootstrap. */
final class BreakdownOptions {
    @Option(names = "--by", paramLabel = "attr:NAME|guideline|class|annotator",
            description = {"One result per attribute value or per guideline version; for agreement also per class (one",
                "class against the rest) or per annotator (against the others). JSON: a list, each with its group."})
    String by;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N",
            description = "Resamples of items for the 95 %% intervals (0: none; default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the resampling (default ${DEFAULT-VALUE}).")
    long seed;

    /**
     * The project's labels as reliability data. Both commands measure single-label answers; a
     * multi-label project's agreement is per class, which they do not compute yet.
     */
    static LabelMatrix singleLabelMatrix(Connection c, java.nio.file.Path project, String measure)
            throws SQLException {
        if (org.labelbench.project.ProjectMeta.get(c, org.labelbench.project.ProjectMeta.MULTI_LABEL)
                .map(Boolean::parseBoolean).orElse(false)) {
            throw new org.labelbench.project.BadInputException(project + ": " + measure + " of a multi-label project is"
                    + " per class; this command measures single-label projects");
        }
        return LabelMatrix.read(c);
    }

    int resamples() {
        return Math.max(0, resamples);
    }

    /**
     * {@code measure} of the whole matrix (under the key null), of each slice in order, or, with
     * {@code class} where {@code classes} allows it, of each class against the rest.
     */
    <T> Map<String, T> perGroup(Connection c, LabelMatrix matrix, boolean classes, Function<LabelMatrix, T> measure)
            throws SQLException {
        Map<String, T> results = new LinkedHashMap<>();
        if (by == null) {
            results.put(null, measure.apply(matrix));
        } else if ("class".equals(by)) {
            if (!classes) {
                throw new org.labelbench.project.BadInputException("--by class is not offered here; use attr:NAME or"
                        + " guideline");
            }
            for (int category = 0; category < matrix.classes().size(); category++) {
                results.put(matrix.classes().get(category), measure.apply(matrix.oneVsRest(category)));
            }
        } else {
            for (Map.Entry<String, int[]> slice : Slices.of(c, matrix, by).entrySet()) {
                results.put(slice.getKey(), measure.apply(matrix.select(slice.getValue())));
            }
        }
        return results;
    }
}
