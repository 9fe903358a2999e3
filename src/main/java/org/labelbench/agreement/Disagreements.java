package org.labelbench.agreement;

import org.labelbench.project.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labelbench.project.BadInputException;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectMeta;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.StatementCache;

/**
 * Reads the items whose annotators disagree. "Opinions" are as in {@link LabelMatrix#read}: the
 * newest class label of each (item, annotator) among labels by people and imports; the gold
 * (origin {@code adjudicated}) and model labels are not opinions. An item is contested when its
 * opinions hold two or more classes.
 *
 * <p>The order is computed once, by one SQL aggregate that returns ids only: most contested
 * first (1 − plurality share), then more annotators, then more distinct classes, then item key.
 * Details (labels, notes, time spent, the gold) are read a page of ids at a time.
 */
public final class Disagreements {
    /** What counts as an annotator's opinion (LabelMatrix's rule). */
    static final String OPINION_ORIGINS = "('human', 'import', 'accepted-suggestion')";
    private static final String CONTESTED = "WITH opinion AS (SELECT a.item, a.label_class FROM annotation a"
            + " JOIN (SELECT MAX(id) AS id FROM annotation WHERE origin IN " + OPINION_ORIGINS
            + " GROUP BY item, annotator) cur ON cur.id = a.id WHERE a.kind = 'class'),"
            + " tally AS (SELECT item, label_class, COUNT(*) AS votes FROM opinion GROUP BY item, label_class),"
            + " contested AS (SELECT item, SUM(votes) AS raters, MAX(votes) AS plurality, COUNT(*) AS classes,"
            + " MAX(CASE WHEN label_class = ? THEN 1 ELSE 0 END) AS involves,"
            + " MAX(CASE WHEN label_class = ? THEN 1 ELSE 0 END) AS involves_other FROM tally GROUP BY item"
            + " HAVING COUNT(*) >= 2)"
            + " SELECT c.item, CASE WHEN EXISTS (SELECT 1 FROM annotation g WHERE g.item = c.item"
            + " AND g.origin = 'adjudicated' AND g.kind = 'class') THEN 1 ELSE 0 END AS resolved"
            + " FROM contested c JOIN item i ON i.id = c.item WHERE (? = 0 OR c.involves = 1)"
            + " AND (? = 0 OR c.involves_other = 1)"
            // plurality / raters ascending is contest descending; equal fractions divide to equal doubles
            + " ORDER BY c.plurality * 1.0 / c.raters, c.raters DESC, c.classes DESC, i.key";
    /** Ids per IN (...) list: well under SQLite's limit on parameters. */
    private static final int CHUNK = 500;

    private final ItemRepository items = new ItemRepository();
    private final LabelClassRepository classes = new LabelClassRepository();

    public DisagreementList list(ProjectStore store, DisagreementFilter filter) {
        return store.read(tx -> list(tx, filter));
    }

    /** The contested items {@code filter} matches, in order; refuses multi-label projects and unknown classes. */
    public DisagreementList list(Transaction tx, DisagreementFilter filter) throws SQLException {
        Connection c = tx.connection();
        refuseMultiLabel(tx, "disagreements");
        long classId = classId(tx, filter.className());
        long otherClassId = classId(tx, filter.otherClassName());
        long[] ids = new long[1024];
        int size = 0;
        long contested = 0;
        long resolved = 0;
        try (PreparedStatement ps = c.prepareStatement(CONTESTED)) {
            ps.setLong(1, classId);
            ps.setLong(2, otherClassId);
            ps.setInt(3, filter.className() == null ? 0 : 1);
            ps.setInt(4, filter.otherClassName() == null ? 0 : 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    contested++;
                    boolean isResolved = rs.getInt(2) != 0;
                    if (isResolved) {
                        resolved++;
                        if (!filter.includeResolved()) {
                            continue;
                        }
                    }
                    if (size == ids.length) {
                        ids = Arrays.copyOf(ids, size * 2);
                    }
                    ids[size++] = rs.getLong(1);
                }
            }
        }
        return new DisagreementList(Arrays.copyOf(ids, size), contested, resolved, filter);
    }

    /** The id of the class named {@code name}; -1 for null; refuses a name the schema does not have. */
    private long classId(Transaction tx, String name) throws SQLException {
        if (name == null) {
            return -1;
        }
        return classes.list(tx).stream().filter(lc -> lc.name().equals(name)).findFirst().map(LabelClass::id)
                .orElseThrow(() -> new BadInputException("no class '" + name + "' in the schema"));
    }

    /**
     * The newest annotation's id (0 when there is none). Annotations are append-only, so the
     * contested list of a filter stays the same while this does: a view re-reads it only then.
     */
    public long labelsVersion(ProjectStore store) {
        return store.read(tx -> {
            Connection c = tx.connection();
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM annotation");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    public List<Disagreement> details(ProjectStore store, List<Long> itemIds) {
        return store.read(tx -> details(tx, itemIds));
    }

    /**
     * The items with {@code itemIds}, in that order, each with its current opinions (annotators in
     * name order) and its gold. An id that is no item is left out.
     */
    public List<Disagreement> details(Transaction tx, List<Long> itemIds) throws SQLException {
        Map<Long, List<DisagreementOpinion>> opinions = new HashMap<>();
        Map<Long, DisagreementVerdict> verdicts = new HashMap<>();
        Map<Long, Map<String, String>> attributes = new HashMap<>();
        for (int from = 0; from < itemIds.size(); from += CHUNK) {
            List<Long> chunk = itemIds.subList(from, Math.min(itemIds.size(), from + CHUNK));
            readOpinions(tx, chunk, opinions);
            readVerdicts(tx, chunk, verdicts);
            attributes.putAll(items.attributes(tx, chunk));
        }
        List<Disagreement> details = new ArrayList<>(itemIds.size());
        try (StatementCache statements = new StatementCache()) {
            ItemRepository byId = new ItemRepository(statements); // one prepared lookup for the page
            for (long id : itemIds) {
                Item item = byId.findById(tx, id).orElse(null);
                if (item != null) {
                    details.add(new Disagreement(item, attributes.getOrDefault(id, Map.of()),
                            opinions.getOrDefault(id, List.of()), verdicts.get(id)));
                }
            }
        }
        return details;
    }

    /** Disagreements are counted per item and class; a multi-label project needs them per class (not yet). */
    static void refuseMultiLabel(Transaction tx, String what) throws SQLException {
        if (ProjectMeta.isMultiLabel(tx)) {
            throw new BadInputException(what + " in a multi-label project are per class, which Labelbench"
                    + " does not do yet; this works on single-label projects");
        }
    }

    private static void readOpinions(Transaction tx, List<Long> ids, Map<Long, List<DisagreementOpinion>> into)
            throws SQLException {
        Connection c = tx.connection();
        String sql = "SELECT a.item, n.name, lc.name, a.unsure, a.note, a.duration_ms, a.guideline_version,"
                + " a.submitted, a.origin FROM annotation a JOIN (SELECT MAX(id) AS id FROM annotation"
                + " WHERE item IN (" + placeholders(ids.size()) + ") AND origin IN " + OPINION_ORIGINS
                + " GROUP BY item, annotator) cur ON cur.id = a.id JOIN annotator n ON n.id = a.annotator"
                + " JOIN label_class lc ON lc.id = a.label_class WHERE a.kind = 'class' ORDER BY a.item, n.name";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new DisagreementOpinion(
                            rs.getString(2), rs.getString(3), rs.getInt(4) != 0, rs.getString(5),
                            longOrNull(rs, 6), intOrNull(rs, 7),
                            instant(rs.getString(8)), rs.getString(9)));
                }
            }
        }
    }

    private static void readVerdicts(Transaction tx, List<Long> ids, Map<Long, DisagreementVerdict> into)
            throws SQLException {
        Connection c = tx.connection();
        String sql = "SELECT a.item, a.id, lc.name, n.name, a.submitted FROM annotation a JOIN (SELECT MAX(id) AS id"
                + " FROM annotation WHERE item IN (" + placeholders(ids.size()) + ") AND origin = 'adjudicated'"
                + " GROUP BY item) cur ON cur.id = a.id JOIN annotator n ON n.id = a.annotator"
                + " JOIN label_class lc ON lc.id = a.label_class WHERE a.kind = 'class'";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.put(rs.getLong(1), new DisagreementVerdict(rs.getLong(2), rs.getString(3), rs.getString(4),
                            instant(rs.getString(5))));
                }
            }
        }
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null; // written by another tool in another format: shown without a time
        }
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }
}
