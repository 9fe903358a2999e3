package org.labelbench.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code version show} says of a version: its header, its items per split and class, and
 * where its labels came from.
 *
 * @param version       the header
 * @param cells         items per (split, label): split null for items without one, label null for unlabeled ones
 * @param labelRules    items per label rule ({@code adjudicated}, {@code majority}...; {@link #UNLABELED} for none)
 * @param importBatches items per import batch
 * @param annotators    deciding labels per (annotator, guideline version)
 * @param modelRuns     auto-labeled items per prediction run
 */
public record VersionSummary(DatasetVersion version, List<Cell> cells, Map<String, Long> labelRules,
        List<BatchShare> importBatches, List<AnnotatorShare> annotators, Map<String, Long> modelRuns) {
    /** The name of "no label" in counts by label and by rule. */
    public static final String UNLABELED = SplitService.UNLABELED;
    /** The name of "no split" in counts by split. */
    public static final String NO_SPLIT = SplitService.NONE;

    /** Items of one split and label. */
    public record Cell(String split, String label, long items) {
    }

    /** Items that came from one import batch ({@code source}: its file or folder). */
    public record BatchShare(long importBatch, String source, long items) {
    }

    /** Items whose deciding labels include this annotator's, under this guideline version (null: none recorded). */
    public record AnnotatorShare(String annotator, Integer guidelineVersion, long items) {
    }

    public VersionSummary {
        cells = List.copyOf(cells);
        labelRules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labelRules));
        importBatches = List.copyOf(importBatches);
        annotators = List.copyOf(annotators);
        modelRuns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modelRuns));
    }

    /** Items per label over the whole version, sorted by label, {@link #UNLABELED} for items without one. */
    public Map<String, Long> classCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (Cell cell : cells) {
            counts.merge(cell.label() == null ? UNLABELED : cell.label(), cell.items(), Long::sum);
        }
        return counts;
    }

    /** Items per split, sorted by name, {@link #NO_SPLIT} for items without one. */
    public Map<String, Long> splitCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (Cell cell : cells) {
            counts.merge(cell.split() == null ? NO_SPLIT : cell.split(), cell.items(), Long::sum);
        }
        return counts;
    }

    /** Items per label within each split, both sorted. */
    public Map<String, Map<String, Long>> classCountsBySplit() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Cell cell : cells) {
            counts.computeIfAbsent(cell.split() == null ? NO_SPLIT : cell.split(), s -> new TreeMap<>())
                    .merge(cell.label() == null ? UNLABELED : cell.label(), cell.items(), Long::sum);
        }
        return counts;
    }

    /** How many items have no label. */
    public long unlabeled() {
        return cells.stream().filter(c -> c.label() == null).mapToLong(Cell::items).sum();
    }
}
