package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * SQL for the append-only annotation log. Nothing is updated or deleted: the current label of
 * (item, annotator) is the newest row, so history and undo come for free.
 */
public final class AnnotationRepository {
    private final StatementCache cache;

    public AnnotationRepository() {
        this(null);
    }

    /** With a cache, the statements of {@link #appendOne} are prepared once. */
    public AnnotationRepository(StatementCache cache) {
        this.cache = cache;
    }

    /** The newest annotation id of each (item, annotator); joined to read current labels. */
    /**
     * Joins {@code lc}, the class of annotation {@code a}: its one class, or each class of a
     * multi-label set (one row per class). An empty set joins nothing.
     */
    public static final String CLASS_OF_ANNOTATION = " LEFT JOIN annotation_label al ON al.annotation = a.id"
            + " JOIN label_class lc ON lc.id = COALESCE(a.label_class, al.label_class)";

    /**
     * Appends annotations with one prepared statement (callers hold the transaction); the store's
     * {@link LabelChangeListener}s hear of their items before it commits.
     */
    public void append(Transaction tx, Collection<NewAnnotation> annotations) {
        tx.run(c -> append(c, annotations));
        annotations.forEach(a -> tx.labelChanges().note(a.item()));
    }

    void append(Connection c, Collection<NewAnnotation> annotations) throws SQLException {
        if (annotations.stream().anyMatch(a -> !a.classes().isEmpty())) {
            throw new IllegalArgumentException("multi-label annotations are appended one by one with appendOne");
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (NewAnnotation a : annotations) {
                bind(ps, a);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Appends one annotation (and the classes of a multi-label one); returns its id. As {@link #append}, its item is noted as changed. */
    public long appendOne(Transaction tx, NewAnnotation a) {
        long id = tx.call(c -> appendOne(c, a));
        tx.labelChanges().note(a.item());
        return id;
    }

    long appendOne(Connection c, NewAnnotation a) throws SQLException {
        long id;
        // RETURNING (SQLite 3.35+, PostgreSQL) hands the id back in the same statement.
        try (StatementCache.Prepared prepared = StatementCache.prepare(cache, c, INSERT + " RETURNING id")) {
            PreparedStatement ps = prepared.statement();
            bind(ps, a);
            try (ResultSet keys = ps.executeQuery()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (!a.classes().isEmpty()) {
            try (StatementCache.Prepared prepared = StatementCache.prepare(cache, c,
                    "INSERT INTO annotation_label (annotation, label_class) VALUES (?, ?)")) {
                PreparedStatement ps = prepared.statement();
                for (long labelClass : a.classes()) {
                    ps.setLong(1, id);
                    ps.setLong(2, labelClass);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return id;
    }

    private static final String INSERT = "INSERT INTO annotation (item, annotator, kind, label_class, value,"
            + " guideline_version, origin, started, submitted, duration_ms, unsure, note, transcript, supersedes,"
            + " prediction_run) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private static void bind(PreparedStatement ps, NewAnnotation a) throws SQLException {
        ps.setLong(1, a.item());
        ps.setLong(2, a.annotator());
        ps.setString(3, a.kind());
        setNullableLong(ps, 4, a.labelClass());
        ps.setString(5, a.value());
        if (a.guidelineVersion() == null) {
            ps.setNull(6, Types.INTEGER);
        } else {
            ps.setInt(6, a.guidelineVersion());
        }
        ps.setString(7, a.origin());
        ps.setString(8, a.started() == null ? null : a.started().toString());
        ps.setString(9, a.submitted().toString());
        setNullableLong(ps, 10, a.durationMs());
        ps.setInt(11, a.unsure() ? 1 : 0);
        ps.setString(12, a.note());
        ps.setString(13, a.transcript());
        setNullableLong(ps, 14, a.supersedes());
        setNullableLong(ps, 15, a.predictionRun());
    }

    public long count(Transaction tx) {
        return tx.call(c -> count(c));
    }

    long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM annotation")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Current class labels ({@link Opinions}: gold is not one) of the given items, grouped by item, annotators in name order; a
     * multi-label answer gives one entry per class.
     */
    public Map<Long, List<CurrentLabel>> currentLabels(Transaction tx, List<Long> itemIds) {
        return tx.call(c -> currentLabels(c, itemIds));
    }

    Map<Long, List<CurrentLabel>> currentLabels(Connection c, List<Long> itemIds) throws SQLException {
        Map<Long, List<CurrentLabel>> byItem = new LinkedHashMap<>();
        if (itemIds.isEmpty()) {
            return byItem;
        }
        String placeholders = String.join(",", java.util.Collections.nCopies(itemIds.size(), "?"));
        String sql = "SELECT a.item, n.name, lc.name, a.guideline_version FROM annotation a"
                + " JOIN (" + Opinions.currentIds("item IN (" + placeholders + ")") + ") cur ON cur.id = a.id"
                + " JOIN annotator n ON n.id = a.annotator" + CLASS_OF_ANNOTATION
                + " WHERE a.kind IN ('class', 'multi') ORDER BY a.item, n.name, lc.ord";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < itemIds.size(); i++) {
                ps.setLong(i + 1, itemIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long item = rs.getLong(1);
                    Integer version = rs.getObject(4) == null ? null : rs.getInt(4);
                    byItem.computeIfAbsent(item, k -> new ArrayList<>())
                            .add(new CurrentLabel(item, rs.getString(2), rs.getString(3), version));
                }
            }
        }
        return byItem;
    }

    /**
     * Streams every current answer (a class, a multi-label set, or a skip) with all it records,
     * by item key, annotator name and class order: one row per class of a multi-label set, one
     * row with no label for a skip or an empty set. {@code itemIds} null: every item.
     */
    public void forEachCurrentAnswer(Transaction tx, List<Long> itemIds, Consumer<AnswerRow> sink) {
        tx.run(c -> forEachCurrentAnswer(c, itemIds, sink));
    }

    void forEachCurrentAnswer(Connection c, List<Long> itemIds, Consumer<AnswerRow> sink) throws SQLException {
        String itemFilter = itemIds == null ? ""
                : " WHERE item IN (" + String.join(",", java.util.Collections.nCopies(itemIds.size(), "?")) + ")";
        String sql = "SELECT i.key, n.name, a.kind, lc.name, a.value, a.guideline_version, a.origin, a.started,"
                + " a.submitted, a.duration_ms, a.unsure, a.note, a.transcript, r.name FROM annotation a"
                + " JOIN (SELECT MAX(id) AS id FROM annotation" + itemFilter + " GROUP BY item, annotator) cur"
                + " ON cur.id = a.id JOIN item i ON i.id = a.item JOIN annotator n ON n.id = a.annotator"
                + " LEFT JOIN annotation_label al ON al.annotation = a.id"
                + " LEFT JOIN label_class lc ON lc.id = COALESCE(a.label_class, al.label_class)"
                + " LEFT JOIN prediction_run r ON r.id = a.prediction_run"
                + " WHERE a.kind IN ('class', 'multi', 'skip') ORDER BY i.key, n.name, lc.ord";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (itemIds != null) {
                for (int i = 0; i < itemIds.size(); i++) {
                    ps.setLong(i + 1, itemIds.get(i));
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(3);
                    sink.accept(new AnswerRow(rs.getString(1), rs.getString(2), kind, rs.getString(4),
                            "skip".equals(kind) ? rs.getString(5) : null,
                            rs.getObject(6) == null ? null : rs.getInt(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getObject(10) == null ? null : rs.getLong(10), rs.getInt(11) != 0,
                            rs.getString(12), rs.getString(13), rs.getString(14)));
                }
            }
        }
    }

    /** How many current labels ({@link Opinions}) each class has over every annotator and item; multi-label sets count per class. */
    public Map<String, Long> currentLabelCounts(Transaction tx) {
        return tx.call(c -> currentLabelCounts(c));
    }

    Map<String, Long> currentLabelCounts(Connection c) throws SQLException {
        String sql = "SELECT lc.name, COUNT(*) FROM annotation a JOIN (" + Opinions.currentIds(null) + ") cur ON cur.id = a.id"
                + CLASS_OF_ANNOTATION + " WHERE a.kind IN ('class', 'multi') GROUP BY lc.name";
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /**
     * One row of a current answer, addressed by the item's key as in label CSV files: {@code label}
     * is null for a skip (then {@code skipReason} is set) and for a multi-label "none apply";
     * {@code started} and {@code submitted} are the stored ISO-8601 instants; {@code predictionRun}
     * the name of the run whose suggestion was shown when it was given, or null.
     */
    public record AnswerRow(String item, String annotator, String kind, String label, String skipReason,
            Integer guidelineVersion, String origin, String started, String submitted, Long durationMs,
            boolean unsure, String note, String transcript, String predictionRun) {
    }

    private static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    /** Whether {@code annotator} gave an opinion (any answer but a gold) on the item. */
    public boolean hasOpinion(Transaction tx, long itemId, long annotatorId) {
        return tx.call(c -> hasOpinion(c, itemId, annotatorId));
    }

    boolean hasOpinion(Connection c, long itemId, long annotatorId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM annotation WHERE item = ? AND annotator = ?"
                + " AND origin IN " + Opinions.ORIGINS_SQL + " LIMIT 1")) {
            ps.setLong(1, itemId);
            ps.setLong(2, annotatorId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * A number that moves with every label, relabel, skip and adjudication: the newest
     * annotation's id (0 when there is none). Annotations are appended, never updated or
     * deleted, and an id is never reused, so it only grows, and two reads that give the same
     * stamp saw the same annotations.
     */
    public long labelsStamp(Transaction tx) {
        return tx.call(c -> labelsStamp(c));
    }

    long labelsStamp(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM annotation")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
