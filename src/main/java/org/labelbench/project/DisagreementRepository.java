package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contested items of a single-label project (items whose current class opinions,
 * {@link Opinions}, hold two or more classes) and the opinions a reviewer reads on them.
 */
public final class DisagreementRepository {
    private static final String CONTESTED = "WITH opinion AS (SELECT a.item, a.label_class FROM annotation a"
            + " JOIN (" + Opinions.currentIds(null) + ") cur ON cur.id = a.id WHERE a.kind = 'class'"
            // accepted suggestions left out after choosing the current opinion (Opinions.Suggestions)
            + " AND (? = 1 OR a.origin <> '" + Opinions.ACCEPTED_SUGGESTION + "')),"
            + " tally AS (SELECT item, label_class, COUNT(*) AS votes FROM opinion GROUP BY item, label_class),"
            + " contested AS (SELECT item, SUM(votes) AS raters, MAX(votes) AS plurality, COUNT(*) AS classes,"
            + " MAX(CASE WHEN label_class = ? THEN 1 ELSE 0 END) AS involves,"
            + " MAX(CASE WHEN label_class = ? THEN 1 ELSE 0 END) AS involves_other FROM tally GROUP BY item"
            + " HAVING COUNT(*) >= 2)"
            + " SELECT c.item, CASE WHEN EXISTS (SELECT 1 FROM annotation g WHERE g.item = c.item"
            + " AND g.origin = '" + Opinions.ADJUDICATED + "' AND g.kind = 'class') THEN 1 ELSE 0 END AS resolved"
            + " FROM contested c JOIN item i ON i.id = c.item WHERE (? = 0 OR c.involves = 1)"
            + " AND (? = 0 OR c.involves_other = 1)"
            // plurality / raters ascending is contest descending; equal fractions divide to equal doubles
            + " ORDER BY c.plurality * 1.0 / c.raters, c.raters DESC, c.classes DESC, i.key";

    /** One contested item, in order; {@code resolved} when it has a gold class. */
    @FunctionalInterface
    public interface ContestedSink {
        void accept(long item, boolean resolved);
    }

    /**
     * A current class opinion with what its annotator recorded beside it; {@code submitted} is the
     * stored ISO-8601 instant.
     */
    public record OpinionDetail(long item, String annotator, String label, boolean unsure, String note,
            Long durationMs, Integer guidelineVersion, String submitted, String origin) {
    }

    /**
     * Every contested item, most contested first (1 − plurality share), then more annotators, then
     * more distinct classes, then item key; one set-based statement that returns ids only.
     * {@code classId} (null: any) keeps the items where it is among the opinions, and
     * {@code otherClassId} (null: any) those where that one is too.
     */
    public void forEachContested(Transaction tx, Long classId, Long otherClassId, ContestedSink sink) {
        forEachContested(tx, classId, otherClassId, Opinions.Suggestions.INCLUDED, sink);
    }

    /**
     * As {@link #forEachContested(Transaction, Long, Long, ContestedSink)}; with
     * {@link Opinions.Suggestions#LEFT_OUT} current opinions that are accepted suggestions do not
     * count towards a contest.
     */
    public void forEachContested(Transaction tx, Long classId, Long otherClassId, Opinions.Suggestions suggestions,
            ContestedSink sink) {
        tx.run(c -> forEachContested(c, classId, otherClassId, suggestions, sink));
    }

    void forEachContested(Connection c, Long classId, Long otherClassId, Opinions.Suggestions suggestions,
            ContestedSink sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CONTESTED)) {
            ps.setInt(1, suggestions == Opinions.Suggestions.INCLUDED ? 1 : 0);
            ps.setLong(2, classId == null ? -1 : classId);
            ps.setLong(3, otherClassId == null ? -1 : otherClassId);
            ps.setInt(4, classId == null ? 0 : 1);
            ps.setInt(5, otherClassId == null ? 0 : 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getLong(1), rs.getInt(2) != 0);
                }
            }
        }
    }

    /** The current class opinions of {@code itemIds}, by item id, annotators in name order. */
    public Map<Long, List<OpinionDetail>> currentClassOpinions(Transaction tx, List<Long> itemIds) {
        return tx.call(c -> currentClassOpinions(c, itemIds));
    }

    Map<Long, List<OpinionDetail>> currentClassOpinions(Connection c, List<Long> itemIds) throws SQLException {
        Map<Long, List<OpinionDetail>> opinions = new HashMap<>();
        for (int from = 0; from < itemIds.size(); from += IdParameters.CHUNK) {
            List<Long> chunk = itemIds.subList(from, Math.min(itemIds.size(), from + IdParameters.CHUNK));
            String sql = "SELECT a.item, n.name, lc.name, a.unsure, a.note, a.duration_ms, a.guideline_version,"
                    + " a.submitted, a.origin FROM annotation a JOIN ("
                    + Opinions.currentIds("item IN (" + IdParameters.placeholders(chunk.size()) + ")") + ") cur"
                    + " ON cur.id = a.id JOIN annotator n ON n.id = a.annotator"
                    + " JOIN label_class lc ON lc.id = a.label_class WHERE a.kind = 'class' ORDER BY a.item, n.name";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                IdParameters.bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long item = rs.getLong(1);
                        opinions.computeIfAbsent(item, k -> new ArrayList<>()).add(new OpinionDetail(item,
                                rs.getString(2), rs.getString(3), rs.getInt(4) != 0, rs.getString(5),
                                longOrNull(rs, 6), intOrNull(rs, 7), rs.getString(8), rs.getString(9)));
                    }
                }
            }
        }
        return opinions;
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
