package org.labelbench.assist;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.labelbench.agreement.Estimate;
import org.labelbench.analysis.RunEvaluation;
import org.labelbench.analysis.TagMembership;
import org.labelbench.analysis.TagTable;
import org.labelbench.dataset.SplitMembership;
import org.labelbench.jobs.JobContext;
import org.labelbench.media.Sha256;
import org.labelbench.project.BadValueException;
import org.labelbench.project.ProjectStore;

/**
 * How much more data: models trained on nested, stratified shares of the training labels (each
 * share holds the one before it), all judged on the same dev items; a power law fitted to dev
 * error against training labels; and the labels that fit needs to reach human-level
 * performance, overall and for the top tags of the tag table. Nothing is stored.
 */
public final class LearningCurve {
    public static final double[] DEFAULT_FRACTIONS = {0.125, 0.25, 0.5, 1.0};
    static final int TOP_TAGS = 3;
    /** Beyond this many times today's labels a fit's answer is extrapolation, not a plan. */
    static final int FAR = 100;
    private static final int RESAMPLES = 200;

    /** One trained share: its training labels, its dev accuracy, and the top tags' dev accuracy. */
    public record Point(double fraction, int trainLabels, double devAccuracy, Map<String, Double> tagAccuracy) {
    }

    /** A curve's reading: the fit (null when there is none), HLP, and what they say. */
    public record Reading(Estimate hlp, PowerLaw fit, OptionalDouble labelsToHlp, String verdict) {
    }

    /** A top tag: its dev items, and its reading. */
    public record TagCurve(String tag, long devItems, Reading reading) {
    }

    /** {@code devSetKind}: "dev split" (the project's) or "holdout" (seeded, stratified). */
    public record Result(String media, int devItems, String devSetKind, List<Point> points, Reading overall,
            List<TagCurve> tags) {
    }

    /**
     * Trains one model per share of the training labels and reads the curve; {@code media} (image
     * or audio) must match the labeled items, or null to take whichever they are (the Model page).
     */
    public Result run(ProjectStore store, String media, TrainingOptions options, double[] fractions,
            JobContext context) {
        if (media != null && !media.equals("image") && !media.equals("audio")) {
            throw new BadValueException("model kind", media, ": expected image or audio");
        }
        record Work(LabeledItems items, TagMembership tags, SplitMembership splits) {
        }
        Work work = store.read(tx -> new Work(LabeledItems.read(tx, store.directory(), options.truth()),
                TagMembership.read(tx), SplitMembership.read(tx)));
        LabeledItems items = work.items();
        if (media != null && !items.media().equals(media)) {
            throw new BadValueException("model kind", media, ": the labeled items are " + items.media());
        }
        Device device = options.device().resolve();
        DevSet devSet = DevSet.choose(items, work.splits(), options);
        Holdout holdout = devSet.holdout();
        Recipe recipe = TrainingService.recipeFor(items, holdout.train(), options);
        int[] ranked = nestedOrder(items, holdout.train(), options.holdoutSeed());
        List<float[][]> devAnswers = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int step = 0; step < fractions.length; step++) {
            int size = Math.max(items.classNames().size(), (int) Math.round(ranked.length * fractions[step]));
            int[] members = Arrays.copyOf(ranked, Math.min(ranked.length, size));
            Arrays.sort(members);
            JobContext stepContext = new ScaledProgress(context, step, fractions.length,
                    String.format(Locale.ROOT, "%,d labels: ", members.length));
            Path staging = ModelFiles.staging(store.file(), "curve");
            try {
                NetTrainer.Outcome outcome = NetTrainer.train(recipe.dataset(items, members, true),
                        recipe.dataset(items, holdout.dev(), false), recipe.block(items.classNames().size()),
                        recipe.shape(), items.classNames().size(), options, device, staging, stepContext,
                        EpochListener.NONE);
                devAnswers.add(outcome.devProbabilities());
                sizes.add(members.length);
            } finally {
                ModelFiles.deleteQuietly(staging);
            }
        }
        return read(items, devSet, work.tags(), fractions, sizes, devAnswers);
    }

    /**
     * Training items in the order shares take them: each class's items by hash, interleaved so
     * that any prefix is stratified; a larger share is the smaller one plus more.
     */
    static int[] nestedOrder(LabeledItems items, int[] train, long seed) {
        int k = items.classNames().size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        Map<Integer, String> rank = new java.util.HashMap<>();
        for (int member : train) {
            byClass.get(items.classes()[member]).add(member);
            rank.put(member, Sha256.of("curve:" + seed + ":" + items.keys()[member]));
        }
        byClass.forEach(list -> list.sort(Comparator.comparing(rank::get)));
        // Each item's place is its rank within its class as a share of the class: prefixes keep proportions.
        List<double[]> placed = new ArrayList<>();
        for (List<Integer> list : byClass) {
            for (int r = 0; r < list.size(); r++) {
                placed.add(new double[] {(r + 0.5) / list.size(), list.get(r)});
            }
        }
        placed.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
        return placed.stream().mapToInt(p -> (int) p[1]).toArray();
    }

    private static Result read(LabeledItems items, DevSet devSet, TagMembership tags, double[] fractions,
            List<Integer> sizes, List<float[][]> devAnswers) {
        Holdout holdout = devSet.holdout();
        int[] dev = holdout.dev();
        long[] devIds = new long[dev.length];
        int[] truth = new int[dev.length];
        for (int i = 0; i < dev.length; i++) {
            devIds[i] = items.itemIds()[dev[i]];
            truth[i] = items.classes()[dev[i]];
        }
        // The tag table of the largest share's dev answers picks the top tags and gives their HLP.
        TagTable table = TagTable.of(evaluation(items, devIds, truth, devAnswers.get(devAnswers.size() - 1)), tags,
                RESAMPLES, 1);
        List<TagTable.Row> top = table.rows().stream().filter(r -> !r.tag().equals(TagTable.ALL))
                .limit(TOP_TAGS).toList();
        List<Point> points = new ArrayList<>();
        double[] labels = new double[sizes.size()];
        double[] errors = new double[sizes.size()];
        Map<String, double[]> tagErrors = new LinkedHashMap<>();
        top.forEach(r -> tagErrors.put(r.tag(), new double[sizes.size()]));
        for (int step = 0; step < sizes.size(); step++) {
            TagTable stepTable = TagTable.of(evaluation(items, devIds, truth, devAnswers.get(step)), tags, 0, 1);
            double accuracy = stepTable.rows().get(0).accuracy().value();
            labels[step] = sizes.get(step);
            errors[step] = 1 - accuracy;
            Map<String, Double> tagAccuracy = new LinkedHashMap<>();
            for (TagTable.Row row : stepTable.rows()) {
                if (tagErrors.containsKey(row.tag()) && row.accuracy().isAvailable()) {
                    tagAccuracy.put(row.tag(), row.accuracy().value());
                    tagErrors.get(row.tag())[step] = 1 - row.accuracy().value();
                }
            }
            points.add(new Point(fractions[step], sizes.get(step), accuracy, tagAccuracy));
        }
        Reading overall = reading(labels, errors, table.rows().get(0).hlp(), sizes.get(sizes.size() - 1));
        List<TagCurve> curves = new ArrayList<>();
        for (TagTable.Row row : top) {
            curves.add(new TagCurve(row.tag(), row.items(), reading(labels, tagErrors.get(row.tag()), row.hlp(),
                    sizes.get(sizes.size() - 1))));
        }
        return new Result(items.media(), dev.length, devSet.kind(), points, overall, curves);
    }

    private static RunEvaluation evaluation(LabeledItems items, long[] devIds, int[] truth, float[][] answers) {
        int[] predicted = new int[answers.length];
        double[] confidence = new double[answers.length];
        for (int i = 0; i < answers.length; i++) {
            predicted[i] = CrossValidation.argMax(answers[i]);
            confidence[i] = answers[i][predicted[i]];
        }
        return new RunEvaluation(null, items.truth(), devIds, truth, predicted, confidence, null, items.classNames());
    }

    static Reading reading(double[] labels, double[] errors, Estimate hlp, int labelsNow) {
        PowerLaw fit = PowerLaw.fit(labels, errors);
        if (!hlp.isAvailable()) {
            return new Reading(hlp, fit, OptionalDouble.empty(), "no HLP to aim at: " + hlp.unavailableReason());
        }
        double target = 1 - hlp.value();
        double errorNow = errors[errors.length - 1];
        if (errorNow <= target) {
            return new Reading(hlp, fit, OptionalDouble.of(labelsNow), String.format(Locale.ROOT,
                    "already at HLP (%.3f) with %,d training labels: accuracy %.3f", hlp.value(), labelsNow,
                    1 - errorNow));
        }
        if (fit == null || !(fit.b() > 0.01)) {
            return new Reading(hlp, fit, OptionalDouble.empty(), String.format(Locale.ROOT, "the error does not fall"
                    + " with more labels (accuracy %.3f against HLP %.3f): better labels or a better model, not more"
                    + " of the same", 1 - errorNow, hlp.value()));
        }
        OptionalDouble needed = fit.labelsFor(target);
        if (needed.getAsDouble() > FAR * labelsNow) {
            return new Reading(hlp, fit, OptionalDouble.empty(), String.format(Locale.ROOT, "error ≈ %.3g·n^-%.3f falls"
                    + " too slowly: HLP %.3f is more than %d times today's %,d training labels away (accuracy %.3f);"
                    + " better labels or a better model, not more of the same", fit.a(), fit.b(), hlp.value(), FAR,
                    labelsNow, 1 - errorNow));
        }
        return new Reading(hlp, fit, needed, String.format(Locale.ROOT, "error ≈ %.3g·n^-%.3f; reaching HLP %.3f takes"
                + " about %,.0f training labels (%,d now, accuracy %.3f)", fit.a(), fit.b(), hlp.value(),
                needed.getAsDouble(), labelsNow, 1 - errorNow));
    }
}
