package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Prepared statements kept per connection and SQL text, for code that runs the same few queries
 * on every keypress (the labeling session): preparing costs more than running them. Callers
 * close result sets, not statements; the statements close with their connection or here.
 */
public final class StatementCache implements AutoCloseable {
    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new IdentityHashMap<>();

    public synchronized PreparedStatement prepare(Connection c, String sql) throws SQLException {
        Map<String, PreparedStatement> statements = byConnection.computeIfAbsent(c, k -> new HashMap<>());
        PreparedStatement ps = statements.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = c.prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    /** A statement from {@code cache}, or a fresh one that closes with the handle when there is no cache. */
    public static Prepared prepare(StatementCache cache, Connection c, String sql) throws SQLException {
        return cache == null ? new Prepared(c.prepareStatement(sql), false)
                : new Prepared(cache.prepare(c, sql), true);
    }

    /** A prepared statement that the try-with-resources closes only when no cache keeps it. */
    public record Prepared(PreparedStatement statement, boolean cached) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            if (!cached) {
                statement.close();
            }
        }
    }

    @Override
    public synchronized void close() {
        for (Map<String, PreparedStatement> statements : byConnection.values()) {
            for (PreparedStatement ps : statements.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // the connection is going or gone; nothing to release
                }
            }
        }
        byConnection.clear();
    }
}
