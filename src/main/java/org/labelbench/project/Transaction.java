package org.labelbench.project;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One read snapshot or one write transaction of a {@link ProjectStore}, handed to the work given
 * to {@link ProjectStore#read} and {@link ProjectStore#write}. Repositories take it instead of a
 * JDBC connection, so that only this package speaks SQL: the domain packages pass it along and
 * never see the connection behind it (an ArchUnit rule keeps {@code java.sql} inside
 * {@code project}). It is valid only while that work runs.
 */
public final class Transaction {
    private final Connection connection;
    private final String fileName;
    private final LabelChanges labelChanges = new LabelChanges();
    /** Statements kept for the life of the store, for what runs on every commit (the rule-tag follow). */
    private final StatementCache statements = new StatementCache();

    Transaction(Connection connection, String fileName) {
        this.connection = connection;
        this.fileName = fileName;
    }

    /**
     * The JDBC connection, for this package and for tests that inspect the file; code outside
     * {@code project} may not use it (the layering rule forbids {@code java.sql} there).
     */
    public Connection connection() {
        return connection;
    }

    /** The items whose labels this transaction changed so far (the store's listeners hear of them before it commits). */
    LabelChanges labelChanges() {
        return labelChanges;
    }

    /** Prepared statements that live as long as this transaction's connection. */
    StatementCache statements() {
        return statements;
    }

    /** Runs JDBC work, turning an {@link SQLException} into a {@link StoreException} that names the file. */
    <T> T call(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(fileName + ": " + e.getMessage(), e);
        }
    }

    /** {@link #call} for work without an answer. */
    void run(SqlAction action) {
        call(c -> {
            action.run(c);
            return null;
        });
    }

    /** JDBC work without an answer. */
    @FunctionalInterface
    interface SqlAction {
        void run(Connection connection) throws SQLException;
    }
}
