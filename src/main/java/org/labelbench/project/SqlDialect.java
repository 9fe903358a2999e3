package org.labelbench.project;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Everything the store says that only one database understands. The repositories write portable
 * SQL (plain {@code ?} parameters, {@code ON CONFLICT ... DO UPDATE}, {@code RETURNING}, window
 * functions) and ask the dialect for the rest; no code outside it knows which database is behind
 * a project. Today there is one, {@link SqliteDialect}; a PostgreSQL dialect for team projects is
 * the second.
 */
interface SqlDialect {
    /** The dialect of the project files this app creates and opens. */
    SqlDialect SQLITE = new SqliteDialect();

    /** The dialect of an open connection's database. */
    static SqlDialect of(Connection c) throws SQLException {
        if (c.isWrapperFor(org.sqlite.SQLiteConnection.class)) {
            return SQLITE;
        }
        throw new SQLException("no SQL dialect for " + c.getMetaData().getDatabaseProductName());
    }

    /** A short name for messages and benchmarks, e.g. {@code sqlite}. */
    String name();

    /** Settings and functions every new connection needs, before any statement runs on it. */
    void configure(Connection c) throws SQLException;

    /**
     * {@code INSERT} of {@code columnsAndRest} (everything after the table name: columns, then
     * VALUES or a SELECT) into {@code table}, where a row whose primary key is there already is
     * skipped, not an error.
     */
    String insertSkippingExisting(String table, String columnsAndRest);

    /** An aggregate: the values of {@code expression} in one comma-separated text. */
    String commaList(String expression);

    /**
     * A condition true when the text {@code expression} holds a number and nothing else that
     * would be read as one (so "12 kg" or "n/a" are not 12 or 0 when cast).
     */
    String isNumericText(String expression);

    /** The {@code k}-th (0-based) float32 of a prediction's probability bytes, or NULL. */
    String probabilityAt(String probabilitiesExpression, String indexExpression);

    /**
     * Stops reading the database through a memory map on {@code c} (a bulk write whose lookups
     * touch most of the file would count all of it as resident memory) and returns what to hand
     * to {@link #restoreMemoryMap} afterwards.
     */
    long stopMemoryMap(Connection c) throws SQLException;

    /** Undoes {@link #stopMemoryMap} with the value it returned. */
    void restoreMemoryMap(Connection c, long previous) throws SQLException;

    /** A DDL statement from a migration script, in this database's words. */
    String ddl(String statement);

    /**
     * A number that changes whenever another connection has committed since it was last read on
     * {@code c}: cheap, for caches of counts.
     */
    long commitsSeenBy(Connection c) throws SQLException;

    /** The schema version stored in the file (0 for a new, empty one). */
    int schemaVersion(Connection c) throws SQLException;

    void setSchemaVersion(Connection c, int version) throws SQLException;

    /** The file's application id: how a project file is told from other databases. */
    int applicationId(Connection c) throws SQLException;

    void setApplicationId(Connection c, int id) throws SQLException;

    /** A consistent copy of the open database at {@code copy}, while it stays open. */
    void backup(Connection c, Path copy) throws SQLException;

    /** Replaces the open database's content with {@code source}'s, in one step that is whole or not at all. */
    void restore(Connection c, Path source) throws SQLException;

    /** Folds the write-ahead log into the file on close, so a closed project is one file. */
    void checkpoint(Connection c) throws SQLException;
}
