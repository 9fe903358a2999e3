package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The SQL of AI assistance: how labels given beside a run's suggestion went. An annotation given
 * while run R's suggestion was shown has {@code prediction_run = R}: origin
 * {@code accepted-suggestion} when the labeler took it, {@code human} when they answered
 * otherwise; {@code prediction_run} NULL means no suggestion was shown. Only people's answers
 * count (kinds {@code class} and {@code multi}, origins {@code human} and
 * {@code accepted-suggestion}): skips, imports, gold and auto labels do not.
 */
public final class AssistanceRepository {
    private static final String ANSWERS = " FROM annotation WHERE kind IN ('class', 'multi')"
            + " AND origin IN ('human', 'accepted-suggestion')";

    /** Answers given beside run {@code run}'s suggestion, and how many of them took it. */
    public record SuggestionCounts(long shown, long accepted) {
    }

    /**
     * Time on the item of a set of answers: {@code timed} of them have a duration; mean and median
     * in milliseconds (empty when none is timed).
     */
    public record Timing(long answers, long timed, Optional<Double> meanMs, Optional<Double> medianMs) {
    }

    public SuggestionCounts suggestions(Transaction tx, long run) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*),"
                    + " COALESCE(SUM(CASE WHEN origin = 'accepted-suggestion' THEN 1 ELSE 0 END), 0)" + ANSWERS
                    + " AND prediction_run = ?")) {
                ps.setLong(1, run);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new SuggestionCounts(rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }

    /** Whether any answer of the project was given beside any run's suggestion. */
    public boolean anySuggestionShown(Transaction tx) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1" + ANSWERS
                    + " AND prediction_run IS NOT NULL LIMIT 1"); ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** The time people spent per answer beside run {@code run}'s suggestion. */
    public Timing withSuggestion(Transaction tx, long run) {
        return tx.call(c -> timing(c, " AND prediction_run = ?", run));
    }

    /** The time people spent per answer with no suggestion shown. */
    public Timing withoutSuggestion(Transaction tx) {
        return tx.call(c -> timing(c, " AND prediction_run IS NULL", null));
    }

    private static Timing timing(Connection c, String condition, Long run) throws SQLException {
        long answers;
        long timed;
        Double mean;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(duration_ms), AVG(duration_ms)"
                + ANSWERS + condition)) {
            if (run != null) {
                ps.setLong(1, run);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                answers = rs.getLong(1);
                timed = rs.getLong(2);
                double average = rs.getDouble(3);
                mean = rs.wasNull() ? null : average;
            }
        }
        if (timed == 0) {
            return new Timing(answers, 0, Optional.empty(), Optional.empty());
        }
        // Only the middle one or two durations are read, in their order.
        try (PreparedStatement ps = c.prepareStatement("SELECT duration_ms" + ANSWERS + condition
                + " AND duration_ms IS NOT NULL ORDER BY duration_ms LIMIT ? OFFSET ?")) {
            int next = 1;
            if (run != null) {
                ps.setLong(next++, run);
            }
            ps.setLong(next++, timed % 2 == 0 ? 2 : 1);
            ps.setLong(next, (timed - 1) / 2);
            double sum = 0;
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sum += rs.getLong(1);
                    n++;
                }
            }
            return new Timing(answers, timed, Optional.ofNullable(mean), n == 0 ? Optional.empty()
                    : Optional.of(sum / n));
        }
    }
}
