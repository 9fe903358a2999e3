package org.labelbench.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** SQLite's words for the {@link SqlDialect}: PRAGMAs, {@code INSERT OR IGNORE}, GLOB, the online backup. */
final class SqliteDialect implements SqlDialect {
    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public void configure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA mmap_size = 268435456");
        }
        // Before any statement exists: SQLite refuses to (re)define a function while statements run.
        ProbabilitySqlFunction.register(c);
    }

    @Override
    public long stopMemoryMap(Connection c) throws SQLException {
        long previous = pragmaLong(c, "mmap_size");
        restoreMemoryMap(c, 0);
        return previous;
    }

    @Override
    public void restoreMemoryMap(Connection c, long previous) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA mmap_size = " + previous);
        }
    }

    @Override
    public String insertSkippingExisting(String table, String columnsAndRest) {
        return "INSERT OR IGNORE INTO " + table + " " + columnsAndRest;
    }

    @Override
    public String commaList(String expression) {
        return "group_concat(" + expression + ")";
    }

    @Override
    public String isNumericText(String expression) {
        // GLOB keeps CAST from reading "12 kg" as 12 or "n/a" as 0.
        return "(" + expression + " GLOB '*[0-9]*' AND " + expression + " NOT GLOB '*[^0-9.eE+-]*')";
    }

    @Override
    public String probabilityAt(String probabilitiesExpression, String indexExpression) {
        return ProbabilitySqlFunction.NAME + "(" + probabilitiesExpression + ", " + indexExpression + ")";
    }

    @Override
    public String ddl(String statement) {
        return statement; // the migration scripts are written in SQLite's words
    }

    @Override
    public long commitsSeenBy(Connection c) throws SQLException {
        return pragmaLong(c, "data_version");
    }

    @Override
    public int schemaVersion(Connection c) throws SQLException {
        return (int) pragmaLong(c, "user_version");
    }

    @Override
    public void setSchemaVersion(Connection c, int version) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA user_version = " + version);
        }
    }

    @Override
    public int applicationId(Connection c) throws SQLException {
        return (int) pragmaLong(c, "application_id");
    }

    @Override
    public void setApplicationId(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA application_id = " + id);
        }
    }

    @Override
    public void backup(Connection c, Path copy) throws SQLException {
        // sqlite-jdbc's "backup to" runs SQLite's online backup API.
        try (Statement s = c.createStatement()) {
            s.executeUpdate("backup to \"" + copy.toString().replace("\"", "") + "\"");
        }
    }

    @Override
    public void restore(Connection c, Path source) throws SQLException {
        // sqlite-jdbc's "restore from" runs the same backup API the other way, into this connection's
        // database, under its write lock: other connections never see a half-restored file.
        // A backup carries its source's WAL flag: with no WAL beside it, read it immutable, or SQLite
        // leaves an empty WAL and its index beside the backup.
        boolean hasWal = Files.exists(source.resolveSibling(source.getFileName() + "-wal"));
        String from = hasWal ? source.toString().replace("\"", "") : source.toUri() + "?immutable=1";
        try (Statement s = c.createStatement()) {
            s.executeUpdate("restore from \"" + from + "\"");
        }
    }

    @Override
    public void checkpoint(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static long pragmaLong(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
