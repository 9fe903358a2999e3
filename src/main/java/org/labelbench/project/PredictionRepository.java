package org.labelbench.project;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of prediction runs and their predictions (tables {@code prediction_run}, {@code prediction}). */
public final class PredictionRepository {
    private final StatementCache cache;

    public PredictionRepository() {
        this(null);
    }

    /** With a cache, {@link #predictionOf} is prepared once (a labeling session reads it per item). */
    public PredictionRepository(StatementCache cache) {
        this.cache = cache;
    }

    /** One item's predicted class and its confidence (null when the run stored none). */
    public record ItemPrediction(long labelClass, Double confidence) {
    }

    /** The run's prediction for one item, if it predicted it. */
    public Optional<ItemPrediction> predictionOf(Transaction tx, long run, long item) {
        return tx.call(c -> predictionOf(c, run, item));
    }

    Optional<ItemPrediction> predictionOf(Connection c, long run, long item) throws SQLException {
        try (StatementCache.Prepared prepared = StatementCache.prepare(cache, c,
                "SELECT label_class, confidence FROM prediction WHERE run = ? AND item = ?")) {
            PreparedStatement ps = prepared.statement();
            ps.setLong(1, run);
            ps.setLong(2, item);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long labelClass = rs.getLong(1);
                double confidence = rs.getDouble(2);
                return Optional.of(new ItemPrediction(labelClass, rs.wasNull() ? null : confidence));
            }
        }
    }

    /** A run as stored; {@code classes} is the JSON array of its probability classes, or null. */
    public record PredictionRun(long id, String name, String source, String file, String fileSha256,
            String modelSha256, String classes, String created, String notes, long predictions) {
    }

    /** One prediction to store: item and class ids, confidence (or null), probabilities (or null). */
    public record NewPrediction(long item, long labelClass, Double confidence, float[] probabilities) {
    }

    public long createRun(Transaction tx, String name, String source, String file, String fileSha256, String modelSha256, String classesJson, String created, String notes) {
        return tx.call(c -> createRun(c, name, source, file, fileSha256, modelSha256, classesJson, created, notes));
    }

    long createRun(Connection c, String name, String source, String file, String fileSha256,
            String modelSha256, String classesJson, String created, String notes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO prediction_run (name, source, file, file_sha256,"
                + " model_sha256, classes, created, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, name);
            ps.setString(2, source);
            ps.setString(3, file);
            ps.setString(4, fileSha256);
            ps.setString(5, modelSha256);
            ps.setString(6, classesJson);
            ps.setString(7, created);
            ps.setString(8, notes);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Stores the predictions in batches: a run can hold millions. */
    public void insert(Transaction tx, long run, List<NewPrediction> predictions) {
        tx.run(c -> insert(c, run, predictions));
    }

    void insert(Connection c, long run, List<NewPrediction> predictions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO prediction (run, item, label_class, confidence,"
                + " probabilities) VALUES (?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (NewPrediction p : predictions) {
                ps.setLong(1, run);
                ps.setLong(2, p.item());
                ps.setLong(3, p.labelClass());
                if (p.confidence() == null) {
                    ps.setNull(4, java.sql.Types.REAL);
                } else {
                    ps.setDouble(4, p.confidence());
                }
                ps.setBytes(5, p.probabilities() == null ? null : encode(p.probabilities()));
                ps.addBatch();
                if (++batched % 10_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    public Optional<PredictionRun> findRun(Transaction tx, String name) {
        return tx.call(c -> findRun(c, name));
    }

    Optional<PredictionRun> findRun(Connection c, String name) throws SQLException {
        return runs(c, name).stream().findFirst();
    }

    public List<PredictionRun> listRuns(Transaction tx) {
        return tx.call(c -> listRuns(c));
    }

    List<PredictionRun> listRuns(Connection c) throws SQLException {
        return runs(c, null);
    }

    private List<PredictionRun> runs(Connection c, String name) throws SQLException {
        List<PredictionRun> runs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.name, r.source, r.file, r.file_sha256,"
                + " r.model_sha256, r.classes, r.created, r.notes,"
                + " (SELECT COUNT(*) FROM prediction p WHERE p.run = r.id) FROM prediction_run r"
                + (name == null ? "" : " WHERE r.name = ?") + " ORDER BY r.id")) {
            if (name != null) {
                ps.setString(1, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(new PredictionRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getLong(10)));
                }
            }
        }
        return runs;
    }

    /**
     * Every prediction of the run in item order: item id, class id, confidence (NaN when none),
     * and the probabilities when {@code withProbabilities} (else null: decoding them is half the
     * cost of the read, and most figures do not need them).
     */
    public void forEach(Transaction tx, long run, boolean withProbabilities, PredictionConsumer consumer) {
        tx.run(c -> forEach(c, run, withProbabilities, consumer));
    }

    void forEach(Connection c, long run, boolean withProbabilities, PredictionConsumer consumer)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT item, label_class, confidence"
                + (withProbabilities ? ", probabilities" : "") + " FROM prediction WHERE run = ? ORDER BY item")) {
            ps.setLong(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double confidence = rs.getDouble(3);
                    if (rs.wasNull()) {
                        confidence = Double.NaN;
                    }
                    byte[] probabilities = withProbabilities ? rs.getBytes(4) : null;
                    consumer.accept(rs.getLong(1), rs.getLong(2), confidence,
                            probabilities == null ? null : decode(probabilities));
                }
            }
        }
    }

    /** One item's probabilities in the run's class order, if the run predicted it and stored them. */
    public Optional<float[]> probabilitiesOf(Transaction tx, long run, long item) {
        return tx.call(c -> probabilitiesOf(c, run, item));
    }

    Optional<float[]> probabilitiesOf(Connection c, long run, long item) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT probabilities FROM prediction WHERE run = ? AND item = ?")) {
            ps.setLong(1, run);
            ps.setLong(2, item);
            try (ResultSet rs = ps.executeQuery()) {
                byte[] bytes = rs.next() ? rs.getBytes(1) : null;
                return bytes == null ? Optional.empty() : Optional.of(decode(bytes));
            }
        }
    }

    /** Receives predictions one by one, so a million of them never sit in memory as objects. */
    @FunctionalInterface
    public interface PredictionConsumer {
        void accept(long item, long labelClass, double confidence, float[] probabilities) throws SQLException;
    }

    static byte[] encode(float[] probabilities) {
        ByteBuffer buffer = ByteBuffer.allocate(probabilities.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float p : probabilities) {
            buffer.putFloat(p);
        }
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] probabilities = new float[bytes.length / 4];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = buffer.getFloat();
        }
        return probabilities;
    }

    /** Runs by name for a statement that needs only their ids (e.g. to refuse a second run of one name). */
    public boolean exists(Transaction tx, String name) {
        return tx.call(c -> exists(c, name));
    }

    boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM prediction_run WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** How many runs the project has (for `info`). */
    public long countRuns(Transaction tx) {
        return tx.call(c -> countRuns(c));
    }

    long countRuns(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM prediction_run")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Every prediction of the run in item key order, named by the item's key, with its confidence
     * (null when none) and probabilities (null when the run stored none): what an export writes,
     * streamed so a run of millions never sits in memory.
     */
    public void forEachByItemKey(Transaction tx, long run, KeyedPredictionConsumer consumer) {
        tx.run(c -> forEachByItemKey(c, run, consumer));
    }

    void forEachByItemKey(Connection c, long run, KeyedPredictionConsumer consumer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT i.key, p.label_class, p.confidence, p.probabilities"
                + " FROM prediction p JOIN item i ON i.id = p.item WHERE p.run = ? ORDER BY i.key")) {
            ps.setLong(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double confidence = rs.getDouble(3);
                    Double stored = rs.wasNull() ? null : confidence;
                    byte[] probabilities = rs.getBytes(4);
                    consumer.accept(rs.getString(1), rs.getLong(2), stored,
                            probabilities == null ? null : decode(probabilities));
                }
            }
        }
    }

    /** Receives predictions one by one with their item's key (see {@link #forEachByItemKey}). */
    @FunctionalInterface
    public interface KeyedPredictionConsumer {
        void accept(String itemKey, long labelClass, Double confidence, float[] probabilities);
    }
}
