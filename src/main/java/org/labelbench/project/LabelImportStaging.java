package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rows of one label file on their way in, in a temporary table of the write transaction, so
 * that an import of millions of rows holds none of them in memory: the file is streamed into
 * {@code label_import_row} in batches, item keys are resolved by one join on the item table,
 * the answers (the rows of one item and annotator) are found by one grouping, and the new
 * annotations are appended by one {@code INSERT ... SELECT}. The table lives as long as the
 * staging (closed with the transaction's work) and is never seen by another connection.
 */
public final class LabelImportStaging implements AutoCloseable {
    /** Rows bound before a batch is sent to the database. */
    private static final int BATCH = 4096;
    private static final String FACTS = "label, skip_reason, guideline_version, transcript, note, unsure, origin,"
            + " started, submitted, duration_ms, prediction_run";

    private final Transaction tx;
    /** The optional columns of a label file, by their names here. */
    public static final List<String> OPTIONAL = List.of("skip_reason", "guideline_version", "transcript", "note",
            "unsure", "origin", "started", "submitted", "duration_ms", "prediction_run");
    private PreparedStatement insert;
    private List<String> bound;
    /** Prepared on first use, once per import: they run once per answer. */
    private PreparedStatement classesOfAnswer;
    private PreparedStatement unchanged;
    /** The connection's memory-map size before the import, given back when it ends. */
    private long mmapSize;
    private int pending;
    private long rows;

    /** One row of the file, as validated; {@code problem} is why it is refused besides an unknown item, or null. */
    public record StagedRow(int row, String item, String annotator, long annotatorId, String label, Long classId,
            String skipReason, Integer guidelineVersion, String transcript, String note, boolean unsure,
            String origin, String started, String submitted, Long durationMs, String predictionRun,
            Long predictionRunId, String problem) {
    }

    /** The first refused row: {@code problem} null means its item is unknown (that check comes first). */
    public record Refusal(int row, String item, String problem, long refusedRows) {
    }

    /** An answer: its first row, the classes of all its rows in class order, how many rows it has, its item's id. */
    public record StagedAnswer(StagedRow first, List<String> labels, List<Long> classIds, int rowCount, long itemId) {
    }

    private LabelImportStaging(Transaction tx) throws SQLException {
        this.tx = tx;
        Connection c = tx.connection();
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS temp.label_import_row");
            s.execute("DROP TABLE IF EXISTS temp.label_import_answer");
            s.execute("DROP TABLE IF EXISTS temp.label_import_unchanged");
            // Reads through SQLite's small page cache, not the map, for this import: its lookups
            // touch every page of the item table, which would all count as the process's memory.
            mmapSize = SqlDialect.of(c).stopMemoryMap(c);
            s.execute("CREATE TEMP TABLE label_import_row (row INTEGER PRIMARY KEY, item_key TEXT NOT NULL,"
                    + " item_id INTEGER, annotator TEXT NOT NULL, annotator_id INTEGER NOT NULL, label TEXT,"
                    + " class_id INTEGER, skip_reason TEXT, guideline_version INTEGER, transcript TEXT, note TEXT,"
                    + " unsure INTEGER NOT NULL DEFAULT 0, origin TEXT, started TEXT, submitted TEXT, duration_ms INTEGER,"
                    + " prediction_run TEXT, prediction_run_id INTEGER, problem TEXT)");
        }
        // The item's id is looked up as the row goes in: one probe of the key index, no second write of the row.
    }

    /**
     * Prepares the insert of rows that have only these of the optional columns ({@link #OPTIONAL},
     * the others are left null): a cell that is never there costs nothing per row. Call once,
     * before the first {@link #add}.
     */
    public void expect(Set<String> optionalColumns) {
        tx.run(c -> {
            List<String> columns = new ArrayList<>(List.of("row", "item_key", "annotator", "annotator_id", "class_id",
                    "problem", "label"));
            for (String column : OPTIONAL) {
                if (optionalColumns.contains(column)) {
                    columns.add(column);
                    if (column.equals("prediction_run")) {
                        columns.add("prediction_run_id");
                    }
                }
            }
            bound = columns;
            // The item's id is looked up as the row goes in: one probe of the key index, no second write of the row.
            insert = c.prepareStatement("INSERT INTO temp.label_import_row (item_id, " + String.join(", ", columns)
                    + ") VALUES ((SELECT i.id FROM main.item i WHERE i.key = ?2), "
                    + numberedParameters(columns.size()) + ")");
        });
    }

    /** A new, empty staging table in this write transaction; close it when the import is done. */
    public static LabelImportStaging open(Transaction tx) {
        return tx.call(c -> new LabelImportStaging(tx));
    }

    /** Adds a row of the file (rows come in file order). */
    public void add(StagedRow r) {
        tx.run(c -> {
            for (int i = 0; i < bound.size(); i++) {
                bind(i + 1, bound.get(i), r);
            }
            insert.addBatch();
            rows++;
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        });
    }

    private void bind(int index, String column, StagedRow r) throws SQLException {
        switch (column) {
            case "row" -> insert.setInt(index, r.row());
            case "item_key" -> insert.setString(index, r.item());
            case "annotator" -> insert.setString(index, r.annotator());
            case "annotator_id" -> insert.setLong(index, r.annotatorId());
            case "class_id" -> setLong(insert, index, r.classId());
            case "problem" -> insert.setString(index, r.problem());
            case "label" -> insert.setString(index, r.label());
            case "skip_reason" -> insert.setString(index, r.skipReason());
            case "guideline_version" -> setLong(insert, index,
                    r.guidelineVersion() == null ? null : r.guidelineVersion().longValue());
            case "transcript" -> insert.setString(index, r.transcript());
            case "note" -> insert.setString(index, r.note());
            case "unsure" -> insert.setInt(index, r.unsure() ? 1 : 0);
            case "origin" -> insert.setString(index, r.origin());
            case "started" -> insert.setString(index, r.started());
            case "submitted" -> insert.setString(index, r.submitted());
            case "duration_ms" -> setLong(insert, index, r.durationMs());
            case "prediction_run" -> insert.setString(index, r.predictionRun());
            case "prediction_run_id" -> setLong(insert, index, r.predictionRunId());
            default -> throw new IllegalArgumentException("no staged column " + column);
        }
    }

    /** Rows added so far. */
    public long rows() {
        return rows;
    }

    /**
     * Sends the last batch and returns the first refused row (an unknown item, or the problem found when it was added).
     */
    public Optional<Refusal> resolveItems() {
        return tx.call(c -> {
            flush();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT row, item_key, CASE WHEN item_id IS NULL THEN NULL"
                        + " ELSE problem END, (SELECT COUNT(*) FROM temp.label_import_row"
                        + " WHERE item_id IS NULL OR problem IS NOT NULL) FROM temp.label_import_row"
                        + " WHERE item_id IS NULL OR problem IS NOT NULL ORDER BY row LIMIT 1")) {
                    return rs.next() ? Optional.of(new Refusal(rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getLong(4))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Groups the rows into answers (one per item and annotator; the first row in the file stands
     * for it) and returns the first row, in file order, that disagrees with the first row of its
     * answer, as {row, first row}: in a single-label project another label or skip, in a
     * multi-label project a row alone (a skip or "none apply") beside others, and in both any
     * other column. Empty when every answer is consistent.
     */
    public Optional<int[]> groupAnswers(boolean multiLabel) {
        return tx.call(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX temp.label_import_row_answer ON label_import_row (item_id, annotator_id, row)");
                // Only answers of several rows are kept: every other row is an answer by itself.
                s.execute("CREATE TEMP TABLE label_import_answer (item_id INTEGER NOT NULL,"
                        + " annotator_id INTEGER NOT NULL, first INTEGER NOT NULL, rows INTEGER NOT NULL,"
                        + " PRIMARY KEY (item_id, annotator_id))");
                s.execute("INSERT INTO temp.label_import_answer SELECT item_id, annotator_id, MIN(row), COUNT(*)"
                        + " FROM temp.label_import_row GROUP BY item_id, annotator_id HAVING COUNT(*) > 1");
                s.execute("CREATE TEMP TABLE label_import_unchanged (first INTEGER PRIMARY KEY, rows INTEGER NOT NULL)");
                String disagrees = (multiLabel ? "(f.label IS NULL OR r.label IS NULL)"
                        : "(f.label IS DISTINCT FROM r.label OR f.skip_reason IS DISTINCT FROM r.skip_reason)");
                for (String column : List.of("guideline_version", "transcript", "note", "unsure", "origin", "started",
                        "submitted", "duration_ms", "prediction_run")) {
                    disagrees += " OR f." + column + " IS DISTINCT FROM r." + column;
                }
                try (ResultSet rs = s.executeQuery("SELECT r.row, a.first FROM temp.label_import_answer a"
                        + " JOIN temp.label_import_row f ON f.row = a.first JOIN temp.label_import_row r"
                        + " ON r.item_id = a.item_id AND r.annotator_id = a.annotator_id AND r.row > a.first"
                        + " WHERE " + disagrees + " ORDER BY r.row LIMIT 1")) {
                    return rs.next() ? Optional.of(new int[] {rs.getInt(1), rs.getInt(2)}) : Optional.empty();
                }
            }
        });
    }

    /** The staged row with this number. */
    public StagedRow row(int row) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_ROW + " WHERE s.row = ?")) {
                ps.setInt(1, row);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return read(rs);
                }
            }
        });
    }

    private static final String SELECT_ROW = "SELECT s.row, s.item_key, s.annotator, s.annotator_id, s.class_id,"
            + " s.prediction_run_id, s.problem, s." + FACTS.replace(", ", ", s.") + ", s.item_id"
            + " FROM temp.label_import_row s";
    /** {@link #SELECT_ROW} with the item's id and the answer's number of rows (null: one). */
    private static final String SELECT_ANSWER = SELECT_ROW.replace(" FROM ", ", (SELECT a.rows FROM"
            + " temp.label_import_answer a WHERE a.item_id = s.item_id AND a.annotator_id = s.annotator_id) FROM ");

    /** The first row of an answer: not a later row of an answer of several rows. */
    private static final String FIRST_OF_ANSWER = " NOT EXISTS (SELECT 1 FROM temp.label_import_answer a"
            + " WHERE a.item_id = s.item_id AND a.annotator_id = s.annotator_id AND a.first < s.row)";

    private static StagedRow read(ResultSet rs) throws SQLException {
        return new StagedRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(8),
                nullableLong(rs, 5), rs.getString(9), rs.getObject(10) == null ? null : rs.getInt(10),
                rs.getString(11), rs.getString(12), rs.getInt(13) != 0, rs.getString(14), rs.getString(15),
                rs.getString(16), nullableLong(rs, 17), rs.getString(18), nullableLong(rs, 6), rs.getString(7));
    }

    /**
     * Streams, in file order, the answers whose item and annotator already have an annotation
     * (only those can be unchanged), {@code sink} taking them {@code chunk} at a time; none when
     * {@code knownAnnotators} is false (every annotator of the file is new: nothing has a history).
     */
    public void forEachAnswerWithHistory(boolean knownAnnotators, int chunk, Consumer<List<StagedAnswer>> sink) {
        if (!knownAnnotators) {
            return;
        }
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_ANSWER + " WHERE" + FIRST_OF_ANSWER
                    + " AND EXISTS (SELECT 1 FROM main.annotation h WHERE h.item = s.item_id"
                    + " AND h.annotator = s.annotator_id) ORDER BY s.row");
                    ResultSet rs = ps.executeQuery()) {
                List<StagedAnswer> answers = new ArrayList<>(chunk);
                while (rs.next()) {
                    answers.add(answer(c, rs));
                    if (answers.size() == chunk) {
                        sink.accept(answers);
                        answers = new ArrayList<>(chunk);
                    }
                }
                if (!answers.isEmpty()) {
                    sink.accept(answers);
                }
            }
        });
    }

    private StagedAnswer answer(Connection c, ResultSet rs) throws SQLException {
        StagedRow first = read(rs);
        long itemId = rs.getLong(19);
        int rowCount = rs.getObject(20) == null ? 1 : rs.getInt(20);
        // Classes in name order, as Java sorts them (SQLite's order of text differs beyond the BMP).
        java.util.TreeMap<String, Long> classes = new java.util.TreeMap<>();
        if (rowCount == 1) {
            if (first.label() != null) {
                classes.put(first.label(), first.classId());
            }
        } else {
            if (classesOfAnswer == null) {
                classesOfAnswer = c.prepareStatement("SELECT DISTINCT s.label, s.class_id FROM temp.label_import_row s"
                        + " WHERE s.item_id = ? AND s.annotator_id = ? AND s.label IS NOT NULL");
            }
            classesOfAnswer.setLong(1, itemId);
            classesOfAnswer.setLong(2, first.annotatorId());
            try (ResultSet labelled = classesOfAnswer.executeQuery()) {
                while (labelled.next()) {
                    classes.put(labelled.getString(1), labelled.getLong(2));
                }
            }
        }
        return new StagedAnswer(first, List.copyOf(classes.keySet()), List.copyOf(classes.values()), rowCount, itemId);
    }

    /** Marks an answer (by its first row) as equal to the current one: it is not appended. */
    public void markUnchanged(StagedAnswer answer) {
        tx.run(c -> {
            if (unchanged == null) {
                unchanged = c.prepareStatement("INSERT INTO temp.label_import_unchanged (first, rows) VALUES (?, ?)");
            }
            unchanged.setInt(1, answer.first().row());
            unchanged.setInt(2, answer.rowCount());
            unchanged.executeUpdate();
        });
    }

    /** Rows of the answers marked unchanged. */
    public long unchangedRows() {
        return tx.call(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(rows), 0) FROM temp.label_import_unchanged")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static final String NOT_UNCHANGED = " AND NOT EXISTS (SELECT 1 FROM temp.label_import_unchanged u"
            + " WHERE u.first = s.row)";

    /**
     * Appends, in file order, one annotation for every answer not marked unchanged that is a
     * skip or (single-label project) a class: {@code origin} "import" and {@code submitted}
     * {@code now} where the file gives none. Returns how many were appended.
     */
    public long appendClassesAndSkips(boolean multiLabel, String now) {
        long appended = tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO main.annotation (item, annotator, kind,"
                    + " label_class, value, guideline_version, origin, started, submitted, duration_ms, unsure, note,"
                    + " transcript, supersedes, prediction_run) SELECT s.item_id, s.annotator_id,"
                    + " CASE WHEN s.skip_reason IS NULL THEN 'class' ELSE 'skip' END, s.class_id, s.skip_reason,"
                    + " s.guideline_version, COALESCE(s.origin, 'import'), s.started, COALESCE(s.submitted, ?),"
                    + " s.duration_ms, s.unsure, s.note, s.transcript, NULL, s.prediction_run_id"
                    + " FROM temp.label_import_row s WHERE" + FIRST_OF_ANSWER + NOT_UNCHANGED
                    + (multiLabel ? " AND s.skip_reason IS NOT NULL" : "") + " ORDER BY s.row")) {
                ps.setString(1, now);
                return (long) ps.executeUpdate();
            }
        });
        noteChangedItems(multiLabel, appended);
        return appended;
    }

    /**
     * Streams, in file order, the answers of a multi-label project that are sets (not skips) and
     * not marked unchanged: they are appended one by one, each with its classes.
     */
    public void forEachNewSet(Consumer<StagedAnswer> sink) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_ANSWER + " WHERE" + FIRST_OF_ANSWER
                    + NOT_UNCHANGED + " AND s.skip_reason IS NULL ORDER BY s.row");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(answer(c, rs));
                }
            }
        });
    }

    /**
     * Tells the transaction's label changes which items were appended to: each one when few,
     * else that many changed (which is all a listener then reads).
     */
    private void noteChangedItems(boolean multiLabel, long appended) {
        if (appended > LabelChanges.MANY) {
            tx.labelChanges().noteMany();
            return;
        }
        tx.run(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT s.item_id"
                    + " FROM temp.label_import_row s WHERE" + FIRST_OF_ANSWER + NOT_UNCHANGED
                    + (multiLabel ? " AND s.skip_reason IS NOT NULL" : "") + " ORDER BY s.row")) {
                while (rs.next()) {
                    tx.labelChanges().note(rs.getLong(1));
                }
            }
        });
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    /** Drops the staging tables (they would go with the connection anyway). */
    @Override
    public void close() {
        tx.run(c -> {
            for (PreparedStatement statement : new PreparedStatement[] {insert, classesOfAnswer, unchanged}) {
                if (statement != null) {
                    statement.close();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS temp.label_import_row");
                s.execute("DROP TABLE IF EXISTS temp.label_import_answer");
                s.execute("DROP TABLE IF EXISTS temp.label_import_unchanged");
                SqlDialect.of(c).restoreMemoryMap(c, mmapSize);
            }
        });
    }

    /** {@code ?1, ?2, ... ?n}: numbered, so one parameter can be used twice. */
    private static String numberedParameters(int n) {
        return String.join(", ", java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "?" + i).toList());
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }
}
