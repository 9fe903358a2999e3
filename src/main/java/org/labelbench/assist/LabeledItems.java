package org.labelbench.assist;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.labelbench.analysis.GroundTruth;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.agreement.Ratings;
import org.labelbench.analysis.TruthSource;
import org.labelbench.dataset.VersionService;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.media.Sha256;
import org.labelbench.project.BadInputException;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.Transaction;

/**
 * The items a model learns from: every item with a ground truth as the error-analysis screen
 * defines it (adjudicated, else the majority; ties left out), never an unlabeled one. Held as
 * parallel arrays of keys, files and class codes, not as item records.
 */
record LabeledItems(long[] itemIds, String[] keys, Path[] files, int[] classes, List<String> classNames,
        String media, Integer width, Integer height, Integer sampleRate, Long durationMs, GroundTruth truth) {

    static final int MINIMUM = 10;

    static LabeledItems read(Transaction tx, Path projectFolder, TruthSource truth) {
        GroundTruth groundTruth = GroundTruth.read(tx, truth);
        if (groundTruth.itemIds().length == 0) {
            throw new BadInputException("the project has no labeled items (" + truth.describe()
                    + "), so there is nothing to train on; label some first");
        }
        return of(tx, projectFolder, groundTruth);
    }

    /**
     * The labeled items of a dataset version, with the labels it froze instead of today's. Its
     * ground truth holds those labels and no opinions (nothing here reads them).
     */
    static LabeledItems fromVersion(Transaction tx, Path projectFolder, VersionService.FrozenLabels frozen) {
        List<String> classNames = new LabelClassRepository().list(tx).stream().map(LabelClass::name).toList();
        int[] classes = new int[frozen.labels().length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = classNames.indexOf(frozen.labels()[i]);
            if (classes[i] < 0) {
                throw new BadInputException("version '" + frozen.version().name() + "' labels items '"
                        + frozen.labels()[i] + "', a class the project no longer has");
            }
        }
        if (classes.length == 0) {
            throw new BadInputException("version '" + frozen.version().name() + "' has no labeled items, so there"
                    + " is nothing to train on");
        }
        LabelMatrix noOpinions = new LabelMatrix(Ratings.of(0, 0, new int[0], classNames.size()), List.of(),
                classNames, new long[0], new int[0], new String[0]);
        return of(tx, projectFolder, new GroundTruth(frozen.itemIds().clone(), classes, classNames,
                TruthSource.DEFAULT, 0, 0, 0, 0, noOpinions));
    }

    private static LabeledItems of(Transaction tx, Path projectFolder, GroundTruth groundTruth) {
        int n = groundTruth.itemIds().length;
        Set<Integer> present = new TreeSet<>();
        for (int c : groundTruth.classes()) {
            present.add(c);
        }
        if (present.size() < 2) {
            throw new BadInputException("every labeled item is '" + groundTruth.classNames().get(present.iterator().next())
                    + "': a classifier needs labels of at least two classes");
        }
        if (n < MINIMUM) {
            throw new BadInputException("only " + n + " labeled items: training needs at least " + MINIMUM
                    + " (some are held out to judge the model)");
        }
        ItemRepository items = new ItemRepository();
        String[] keys = new String[n];
        Path[] files = new Path[n];
        String media = null;
        int[] widths = new int[n];
        int[] heights = new int[n];
        int[] rates = new int[n];
        int[] durations = new int[n];
        for (int from = 0; from < n; from += 5000) {
            int to = Math.min(n, from + 5000);
            List<Long> chunk = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                chunk.add(groundTruth.itemIds()[i]);
            }
            Map<Long, Item> found = items.findByIds(tx, chunk);
            for (int i = from; i < to; i++) {
                Item item = found.get(groundTruth.itemIds()[i]);
                keys[i] = item.key();
                files[i] = projectFolder.resolve(item.path()).normalize();
                if (media == null) {
                    media = item.media();
                } else if (!media.equals(item.media())) {
                    throw new BadInputException("the labeled items mix pictures and audio (" + keys[0] + " and "
                            + item.key() + "); a model learns one kind");
                }
                widths[i] = item.width() == null ? 0 : item.width();
                heights[i] = item.height() == null ? 0 : item.height();
                rates[i] = item.sampleRate() == null ? 0 : item.sampleRate();
                durations[i] = item.durationMs() == null ? 0 : (int) Math.min(Integer.MAX_VALUE, item.durationMs());
            }
        }
        return new LabeledItems(groundTruth.itemIds().clone(), keys, files, groundTruth.classes().clone(),
                groundTruth.classNames(), media, median(widths), median(heights), median(rates),
                median(durations) == null ? null : (long) median(durations), groundTruth);
    }

    int size() {
        return keys.length;
    }

    /** SHA-256 over the sorted "key TAB class" lines: which labels a model saw, comparable across models. */
    String fingerprint() {
        String[] lines = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            lines[i] = keys[i] + "\t" + classNames.get(classes[i]) + "\n";
        }
        Arrays.sort(lines);
        MessageDigest digest = Sha256.digest();
        for (String line : lines) {
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest);
    }

    private static Integer median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted[sorted.length / 2];
        return middle == 0 ? null : middle;
    }
}
