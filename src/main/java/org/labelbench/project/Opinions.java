package org.labelbench.project;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What an annotator's opinion of an item is, defined once for every reader (agreement, the
 * disagreement browser, queues, rule tags, ground truth, the Items list and its filters).
 *
 * <p>An opinion is an annotation by a person or an import: origin {@code human}, {@code import}
 * or {@code accepted-suggestion} (a person accepted a model's suggestion, so it is theirs). An
 * adjudication ({@code adjudicated}) is the item's gold, not anyone's opinion, and a model's
 * prediction lives in its own table. The <em>current</em> opinion of an (item, annotator) is the
 * newest of their opinions (highest id): answers are appended, never overwritten, and a later
 * answer (a skip too) replaces the earlier one.
 *
 * <p>An item is <em>labeled</em> when some annotator's current opinion is a class or a
 * multi-label set (an empty set is an answer too); otherwise it is <em>unlabeled</em>: never
 * answered, only skipped, or only adjudicated. The Items "Unlabeled" filter and a queue's
 * "unlabeled" scope mean exactly this.
 *
 * <p><em>Human-only figures</em> ({@link Suggestions#LEFT_OUT}, the default of agreement, HLP and
 * the disagreement list): the current opinion is chosen exactly as above, and when it is an
 * accepted suggestion the (item, annotator) pair is not counted at all: the figure does not fall
 * back to an older opinion of that annotator, which their acceptance replaced. Ground truth,
 * queues, the Items list and rule tags keep counting accepted suggestions: they are the
 * labeler's answer.
 */
public final class Opinions {
    /** The origin of an answer a labeler gave by accepting a model's suggestion (one key). */
    public static final String ACCEPTED_SUGGESTION = "accepted-suggestion";
    /** The origins of an opinion. */
    public static final List<String> ORIGINS = List.of("human", "import", ACCEPTED_SUGGESTION);
    /** The origin of gold set by a reviewer or lead. */
    public static final String ADJUDICATED = "adjudicated";

    /**
     * Whether a figure counts current opinions that are accepted suggestions: {@link #LEFT_OUT}
     * (human-only figures) or {@link #INCLUDED}.
     */
    public enum Suggestions {
        LEFT_OUT, INCLUDED;

        /** {@code --include-suggestions} given or not. */
        public static Suggestions included(boolean include) {
            return include ? INCLUDED : LEFT_OUT;
        }

        /** True when a current opinion of {@code origin} counts. */
        public boolean counts(String origin) {
            return this == INCLUDED || !ACCEPTED_SUGGESTION.equals(origin);
        }

        /**
         * A condition on the current opinion {@code alias} that it counts (always true when
         * included): applied after choosing the current opinion, never before, so no older
         * opinion takes an accepted suggestion's place.
         */
        String condition(String alias) {
            return this == INCLUDED ? "1 = 1" : alias + ".origin <> '" + ACCEPTED_SUGGESTION + "'";
        }
    }

    /** {@link #ORIGINS} as a SQL list, {@code ('human', 'import', 'accepted-suggestion')}. */
    static final String ORIGINS_SQL = ORIGINS.stream().map(o -> "'" + o + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private Opinions() {
    }

    /** True when an annotation of this origin is someone's opinion. */
    public static boolean isOpinion(String origin) {
        return ORIGINS.contains(origin);
    }

    /**
     * A derived table {@code (id)} of the current opinions' annotation ids, one per (item,
     * annotator); {@code itemFilter} (e.g. {@code "item IN (?, ?)"}) narrows it, or is null.
     */
    static String currentIds(String itemFilter) {
        return "SELECT MAX(id) AS id FROM annotation WHERE origin IN " + ORIGINS_SQL
                + (itemFilter == null ? "" : " AND " + itemFilter) + " GROUP BY item, annotator";
    }

    /**
     * A condition that annotation {@code alias} is the current opinion of its annotator on its
     * item, answered by the (item, annotator, id) index.
     */
    static String isCurrent(String alias) {
        return alias + ".id = (SELECT MAX(o.id) FROM annotation o WHERE o.item = " + alias + ".item"
                + " AND o.annotator = " + alias + ".annotator AND o.origin IN " + ORIGINS_SQL + ")";
    }

    /**
     * A condition that annotation {@code alias} is the current gold of the item
     * {@code itemExpression}, answered by the (item, ...) index; a correlated form of
     * {@link #currentGoldIds} for one item.
     */
    static String isCurrentGold(String alias, String itemExpression) {
        return alias + ".id = (SELECT MAX(gold.id) FROM annotation gold WHERE gold.item = " + itemExpression
                + " AND gold.origin = '" + ADJUDICATED + "')";
    }

    /** A condition that item {@code itemColumn} is labeled, in the sense above. */
    static String isLabeled(String itemColumn) {
        return "EXISTS (SELECT 1 FROM annotation l WHERE l.item = " + itemColumn
                + " AND l.kind IN ('class', 'multi') AND " + isCurrent("l") + ")";
    }

    /**
     * A derived table {@code (id)} of the current gold annotations' ids, one per item: the newest
     * {@link #ADJUDICATED} annotation of each; {@code itemFilter} narrows it, or is null.
     */
    static String currentGoldIds(String itemFilter) {
        return "SELECT MAX(id) AS id FROM annotation WHERE origin = '" + ADJUDICATED + "'"
                + (itemFilter == null ? "" : " AND " + itemFilter) + " GROUP BY item";
    }
}
