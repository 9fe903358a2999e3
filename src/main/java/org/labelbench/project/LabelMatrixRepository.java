package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agreement matrices are built from: the current opinions ({@link Opinions}) of every
 * item, streamed in item order (one pass over the annotation log, nothing kept per row here),
 * and the annotators who gave them.
 */
public final class LabelMatrixRepository {
    /** A {@code guidelineVersion} of an opinion made under no guideline. */
    public static final int NO_GUIDELINE = -1;
    /** A {@code labelClass} of a multi-label answer that holds no class ("none apply"). */
    public static final long NO_CLASS = -1;

    /** One current class opinion. */
    @FunctionalInterface
    public interface ClassOpinionSink {
        void accept(long item, long annotator, long labelClass, int guidelineVersion);
    }

    /** One class of a current multi-label answer ({@link #NO_CLASS} once for an empty one). */
    @FunctionalInterface
    public interface MultiAnswerSink {
        void accept(long item, long annotator, long answer, long labelClass, int guidelineVersion);
    }

    /** The annotators with an opinion of {@code kind} ({@code class}, {@code multi}), by name. */
    public List<Annotator> annotatorsWithOpinions(Transaction tx, String kind) {
        return annotatorsWithOpinions(tx, kind, Opinions.Suggestions.INCLUDED);
    }

    /** As {@link #annotatorsWithOpinions(Transaction, String)}, counting accepted suggestions or not. */
    public List<Annotator> annotatorsWithOpinions(Transaction tx, String kind, Opinions.Suggestions suggestions) {
        return tx.call(c -> annotatorsWithOpinions(c, kind, suggestions));
    }

    List<Annotator> annotatorsWithOpinions(Connection c, String kind, Opinions.Suggestions suggestions)
            throws SQLException {
        List<Annotator> annotators = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.id, n.name, n.role FROM annotator n WHERE EXISTS"
                + " (SELECT 1 FROM annotation a WHERE a.annotator = n.id AND a.kind = ? AND a.origin IN "
                + Opinions.ORIGINS_SQL + " AND " + suggestions.condition("a") + ") ORDER BY n.name")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    annotators.add(new Annotator(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return annotators;
    }

    /**
     * Every current opinion that is a class, by item (ascending) then annotator; skips and
     * multi-label answers are left out, and so is an earlier class replaced by one of them.
     */
    public void forEachCurrentClassOpinion(Transaction tx, ClassOpinionSink sink) {
        forEachCurrentClassOpinion(tx, Opinions.Suggestions.INCLUDED, sink);
    }

    /**
     * As {@link #forEachCurrentClassOpinion(Transaction, ClassOpinionSink)}; with
     * {@link Opinions.Suggestions#LEFT_OUT} a current opinion that is an accepted suggestion is
     * left out too (its annotator's older opinions do not stand in for it).
     */
    public void forEachCurrentClassOpinion(Transaction tx, Opinions.Suggestions suggestions, ClassOpinionSink sink) {
        tx.run(c -> forEachCurrentClassOpinion(c, suggestions, sink));
    }

    void forEachCurrentClassOpinion(Connection c, Opinions.Suggestions suggestions, ClassOpinionSink sink)
            throws SQLException {
        // Every opinion in (item, annotator, id) order, the index's order: the last row of each
        // (item, annotator) is the current one. Cheaper than grouping by MAX(id) and joining back,
        // which makes SQLite materialise the groups and sort them again.
        // Whether it counts is an integer SQLite works out: two text columns per row made 4M Java
        // strings on a 1M-item project only to be compared with constants.
        String sql = "SELECT item, annotator, kind = 'class' AND " + suggestions.condition("annotation")
                + ", label_class, guideline_version FROM annotation"
                + " WHERE origin IN " + Opinions.ORIGINS_SQL + " ORDER BY item, annotator, id";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            long pendingItem = Long.MIN_VALUE;
            long pendingAnnotator = Long.MIN_VALUE;
            boolean pendingIsClass = false;
            long pendingClass = 0;
            int pendingVersion = NO_GUIDELINE;
            while (rs.next()) {
                long item = rs.getLong(1);
                long annotator = rs.getLong(2);
                if ((item != pendingItem || annotator != pendingAnnotator) && pendingIsClass) {
                    sink.accept(pendingItem, pendingAnnotator, pendingClass, pendingVersion);
                }
                pendingItem = item;
                pendingAnnotator = annotator;
                pendingIsClass = rs.getInt(3) != 0;
                pendingClass = rs.getLong(4);
                pendingVersion = rs.getInt(5);
                if (rs.wasNull()) {
                    pendingVersion = NO_GUIDELINE;
                }
            }
            if (pendingIsClass) {
                sink.accept(pendingItem, pendingAnnotator, pendingClass, pendingVersion);
            }
        }
    }

    /**
     * Every current opinion that is a multi-label answer, one call per class in it (one with
     * {@link #NO_CLASS} for an empty set), by item (ascending) then answer id.
     */
    public void forEachCurrentMultiAnswer(Transaction tx, MultiAnswerSink sink) {
        forEachCurrentMultiAnswer(tx, Opinions.Suggestions.INCLUDED, sink);
    }

    /** As {@link #forEachCurrentMultiAnswer(Transaction, MultiAnswerSink)}, counting accepted suggestions or not. */
    public void forEachCurrentMultiAnswer(Transaction tx, Opinions.Suggestions suggestions, MultiAnswerSink sink) {
        tx.run(c -> forEachCurrentMultiAnswer(c, suggestions, sink));
    }

    void forEachCurrentMultiAnswer(Connection c, Opinions.Suggestions suggestions, MultiAnswerSink sink)
            throws SQLException {
        String sql = "SELECT a.item, a.annotator, a.id, al.label_class, a.guideline_version FROM annotation a"
                + " JOIN (" + Opinions.currentIds(null) + ") cur ON cur.id = a.id"
                + " LEFT JOIN annotation_label al ON al.annotation = a.id WHERE a.kind = 'multi' AND "
                + suggestions.condition("a")
                + " ORDER BY a.item, a.id";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long labelClass = rs.getLong(4);
                if (rs.wasNull()) {
                    labelClass = NO_CLASS;
                }
                int version = rs.getInt(5);
                if (rs.wasNull()) {
                    version = NO_GUIDELINE;
                }
                sink.accept(rs.getLong(1), rs.getLong(2), rs.getLong(3), labelClass, version);
            }
        }
    }
}
