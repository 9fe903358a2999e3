package org.labelbench.analysis;

import org.labelbench.project.Opinions;
import org.labelbench.project.Transaction;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.agreement.Ratings;
import org.labelbench.project.BadInputException;
import org.labelbench.project.GoldRepository;

/**
 * The ground-truth class of every item that has one, by a {@link TruthSource}, with how each was
 * decided (so a report can say "812 adjudicated, 40,120 by majority, 95 ties left out").
 * {@code itemIds} ascending; {@code classes} are codes in schema order.
 */
public record GroundTruth(long[] itemIds, int[] classes, List<String> classNames, TruthSource source,
        long adjudicated, long majority, long tieBroken, long ties, LabelMatrix labels) {

    /** The item's class code, or {@link Ratings#MISSING} when it has no ground truth. */
    public int classOf(long itemId) {
        int index = Arrays.binarySearch(itemIds, itemId);
        return index < 0 ? Ratings.MISSING : classes[index];
    }

    public static GroundTruth read(Transaction tx, TruthSource source) {
        // Accepted suggestions are the labeler's answer: ground truth counts them (agreement does not by default).
        LabelMatrix labels = LabelMatrix.read(tx, Opinions.Suggestions.INCLUDED);
        Ratings ratings = labels.ratings();
        Map<Long, Integer> adjudicatedOnly = adjudicatedWithoutOpinions(tx, labels);
        int only = source.onlyAnnotator() == null ? -1 : rater(labels, source.onlyAnnotator());
        int tieBreaker = source.tieBreaker() == null ? -1 : rater(labels, source.tieBreaker());
        int n = ratings.units() + adjudicatedOnly.size();
        long[] items = new long[n];
        int[] truth = new int[n];
        int count = 0;
        long adjudicated = 0;
        long majority = 0;
        long tieBroken = 0;
        long ties = 0;
        int[] votes = new int[ratings.categories()];
        for (int unit = 0; unit < ratings.units(); unit++) {
            int decided;
            if (only >= 0) {
                decided = ratings.code(unit, only);
            } else if (labels.gold()[unit] != Ratings.MISSING) {
                decided = labels.gold()[unit];
                adjudicated++;
            } else {
                decided = plurality(ratings, unit, votes);
                if (decided != Ratings.MISSING) {
                    majority++;
                } else if (tieBreaker >= 0 && ratings.code(unit, tieBreaker) != Ratings.MISSING) {
                    decided = ratings.code(unit, tieBreaker);
                    tieBroken++;
                } else {
                    ties++;
                }
            }
            if (decided != Ratings.MISSING) {
                items[count] = labels.itemIds()[unit];
                truth[count++] = decided;
            }
        }
        if (only < 0) {
            for (Map.Entry<Long, Integer> gold : adjudicatedOnly.entrySet()) {
                items[count] = gold.getKey();
                truth[count++] = gold.getValue();
                adjudicated++;
            }
        }
        if (adjudicatedOnly.isEmpty() || only >= 0) {
            return new GroundTruth(Arrays.copyOf(items, count), Arrays.copyOf(truth, count), labels.classes(), source,
                    adjudicated, majority, tieBroken, ties, labels);
        }
        // Sort by item id: the adjudicated-only items were appended out of order.
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        long[] unsortedItems = items;
        Arrays.sort(order, (a, b) -> Long.compare(unsortedItems[a], unsortedItems[b]));
        long[] sortedItems = new long[count];
        int[] sortedTruth = new int[count];
        for (int i = 0; i < count; i++) {
            sortedItems[i] = items[order[i]];
            sortedTruth[i] = truth[order[i]];
        }
        return new GroundTruth(sortedItems, sortedTruth, labels.classes(), source, adjudicated, majority, tieBroken,
                ties, labels);
    }

    private static int rater(LabelMatrix labels, String name) {
        int rater = labels.annotators().indexOf(name);
        if (rater < 0) {
            throw new BadInputException("no annotator '" + name + "' has labeled; annotators: "
                    + String.join(", ", labels.annotators()));
        }
        return rater;
    }

    /** The unique most frequent label of the unit, or MISSING on a tie or without labels. */
    private static int plurality(Ratings ratings, int unit, int[] votes) {
        Arrays.fill(votes, 0);
        for (int rater = 0; rater < ratings.raters(); rater++) {
            int code = ratings.code(unit, rater);
            if (code != Ratings.MISSING) {
                votes[code]++;
            }
        }
        int best = Ratings.MISSING;
        boolean tied = false;
        for (int category = 0; category < votes.length; category++) {
            if (votes[category] == 0) {
                continue;
            }
            if (best == Ratings.MISSING || votes[category] > votes[best]) {
                best = category;
                tied = false;
            } else if (votes[category] == votes[best]) {
                tied = true;
            }
        }
        return tied ? Ratings.MISSING : best;
    }

    /** Items with an adjudicated class but no opinion (a lead labeled them directly): gold all the same. */
    private static Map<Long, Integer> adjudicatedWithoutOpinions(Transaction tx, LabelMatrix labels) {
        Map<String, Integer> codeOf = new HashMap<>();
        for (int i = 0; i < labels.classes().size(); i++) {
            codeOf.put(labels.classes().get(i), i);
        }
        long[] withOpinions = labels.itemIds();
        Map<Long, Integer> gold = new HashMap<>();
        new GoldRepository().goldClasses(tx).forEach((item, className) -> {
            if (Arrays.binarySearch(withOpinions, item) < 0) {
                gold.put(item, codeOf.get(className));
            }
        });
        return gold;
    }
}
