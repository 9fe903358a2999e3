package org.labelbench.analysis;

import org.labelbench.agreement.Estimate;

/**
 * One row of the skewed-data table: a class's precision, recall and F1, how many items truly are
 * of it ({@code support}) and how many the model put in it ({@code predicted}). The macro and
 * weighted averages use the same shape, named "macro" and "weighted", with support and predicted
 * both the number of items evaluated.
 */
public record ClassMetrics(String name, Estimate precision, Estimate recall, Estimate f1, long support,
        long predicted) {
}
