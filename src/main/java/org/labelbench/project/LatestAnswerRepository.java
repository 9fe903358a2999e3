package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An annotator's newest annotation on an item, of any origin and kind (a skip too): what a
 * labeler sees as their own answer when they come back to the item. Read on every item shown,
 * so with a {@link StatementCache} its statements are prepared once.
 */
public final class LatestAnswerRepository {
    /**
     * The newest annotation: {@code kind} class, multi or skip (or another kind of the log),
     * its class names (schema order for a set), and {@code value} (a skip's reason).
     */
    public record LatestAnswer(long annotationId, String kind, List<String> classes, boolean unsure, String note,
            String transcript, String value, Integer guidelineVersion) {
        public LatestAnswer {
            classes = List.copyOf(classes);
        }
    }

    private final StatementCache cache;

    public LatestAnswerRepository(StatementCache cache) {
        this.cache = cache;
    }

    public Optional<LatestAnswer> latest(Transaction tx, long item, long annotator) {
        return tx.call(c -> latest(c, item, annotator));
    }

    Optional<LatestAnswer> latest(Connection c, long item, long annotator) throws SQLException {
        String sql = "SELECT a.id, a.kind, lc.name, a.value, a.unsure, a.note, a.transcript, a.guideline_version"
                + " FROM annotation a LEFT JOIN label_class lc ON lc.id = a.label_class"
                + " WHERE a.item = ? AND a.annotator = ? ORDER BY a.id DESC LIMIT 1";
        long id;
        String kind;
        String className;
        String value;
        boolean unsure;
        String note;
        String transcript;
        Integer version;
        try (StatementCache.Prepared prepared = StatementCache.prepare(cache, c, sql)) {
            PreparedStatement ps = prepared.statement();
            ps.setLong(1, item);
            ps.setLong(2, annotator);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
                kind = rs.getString(2);
                className = rs.getString(3);
                value = rs.getString(4);
                unsure = rs.getInt(5) != 0;
                note = rs.getString(6);
                transcript = rs.getString(7);
                version = rs.getObject(8) == null ? null : rs.getInt(8);
            }
        }
        List<String> classes = switch (kind) {
            case "class" -> List.of(className);
            case "multi" -> classesOfSet(c, id);
            default -> List.of();
        };
        return Optional.of(new LatestAnswer(id, kind, classes, unsure, note, transcript, value, version));
    }

    private List<String> classesOfSet(Connection c, long annotation) throws SQLException {
        List<String> names = new ArrayList<>();
        try (StatementCache.Prepared prepared = StatementCache.prepare(cache, c, "SELECT lc.name FROM annotation_label"
                + " ac JOIN label_class lc ON lc.id = ac.label_class WHERE ac.annotation = ? ORDER BY lc.ord, lc.id")) {
            PreparedStatement ps = prepared.statement();
            ps.setLong(1, annotation);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
