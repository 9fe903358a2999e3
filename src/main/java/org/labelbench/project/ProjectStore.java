package org.labelbench.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * One open project file. Writes go through one connection, each call of {@link #write} one
 * transaction ({@code BEGIN IMMEDIATE}, so a writer never fails half-way on a lock upgrade).
 * Reads use a second connection: in WAL mode they see the last committed state and are never
 * blocked by a long import, which keeps the Items table responsive while one runs.
 */
public final class ProjectStore implements AutoCloseable {
    public static final String EXTENSION = ".lbproj";
    /** Found once on the class path: the rule-tag services that follow label changes. */
    private static final List<LabelChangeListener> LABEL_CHANGE_LISTENERS = ServiceLoader
            .load(LabelChangeListener.class, ProjectStore.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get).toList();
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private final boolean readOnly;
    private final ProjectLock lock;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    /** BEGIN/COMMIT/ROLLBACK, prepared once per connection (they run on every keypress that labels). */
    private final Map<String, PreparedStatement> writerControl = new HashMap<>();
    private final Map<String, PreparedStatement> readerControl = new HashMap<>();
    private final Optional<Path> migrationBackup;
    private final Transaction writerTransaction;
    private final Transaction readerTransaction;

    private ProjectStore(Path file, boolean readOnly, ProjectLock lock, Connection writer, Connection reader,
            Optional<Path> migrationBackup) {
        this.file = file;
        this.readOnly = readOnly;
        this.lock = lock;
        this.writer = writer;
        this.reader = reader;
        this.migrationBackup = migrationBackup;
        String name = file.getFileName().toString();
        this.writerTransaction = writer == null ? null : new Transaction(writer, name);
        this.readerTransaction = new Transaction(reader, name);
    }

    /** Creates a new, empty project file; refuses to overwrite one that exists. */
    public static ProjectStore create(Path file, ProjectSettings settings) {
        return create(file, settings, Migrations.builtIn());
    }

    static ProjectStore create(Path file, ProjectSettings settings, Migrations migrations) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new BadInputException(target + ": already exists; choose another file name");
        }
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BadInputException(target + ": folder " + parent + " does not exist");
        }
        if (!target.getFileName().toString().endsWith(EXTENSION)) {
            throw new BadInputException(target + ": a project file name must end with " + EXTENSION);
        }
        ProjectStore store = openWritable(target, migrations, true);
        store.write(tx -> {
            ProjectMeta.put(tx, ProjectMeta.NAME, settings.name());
            ProjectMeta.put(tx, ProjectMeta.MULTI_LABEL, Boolean.toString(settings.multiLabel()));
            ProjectMeta.put(tx, ProjectMeta.CREATED, java.time.Instant.now().toString());
            ProjectMeta.put(tx, ProjectMeta.CREATED_BY, AppVersion.current());
            LabelClassRepository classes = new LabelClassRepository();
            for (String name : settings.classes()) {
                classes.add(tx, name);
            }
            return null;
        });
        return store;
    }

    /** Opens a project for reading and writing, migrating it (after a backup) if it is older. */
    public static ProjectStore open(Path file) {
        return open(file, Migrations.builtIn());
    }

    static ProjectStore open(Path file, Migrations migrations) {
        Path target = requireProjectFile(file);
        ProjectFileCheck.requireProject(target); // before the lock and the WAL switch touch anything
        return openWritable(target, migrations, false);
    }

    /**
     * Opens a project without taking the writer's lock, for commands that only read (info,
     * export) while the workbench may hold it open. An older schema is not migrated here.
     */
    public static ProjectStore openReadOnly(Path file) {
        Path target = requireProjectFile(file);
        ProjectFileCheck.requireProject(target);
        Connection reader = null;
        try {
            reader = connect(target, true);
            int version = userVersion(reader);
            checkIsProject(target, reader, version, Migrations.builtIn());
            if (version < Migrations.builtIn().latestVersion()) {
                throw new BadInputException(target + ": schema version " + version
                        + " is older than this app's; open it for writing once to migrate it");
            }
            return new ProjectStore(target, true, null, null, reader, Optional.empty());
        } catch (SQLException e) {
            closeQuietly(reader);
            throw notAProject(target, e);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    private static Path requireProjectFile(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(target)) {
            throw new BadInputException(target + ": no such project file");
        }
        return target;
    }

    private static ProjectStore openWritable(Path target, Migrations migrations, boolean fresh) {
        ProjectLock lock;
        try {
            lock = ProjectLock.acquire(target);
        } catch (IOException e) {
            throw new BadInputException(target + ": cannot create its lock file: " + e.getMessage(), e);
        }
        Connection writer = null;
        Connection reader = null;
        try {
            writer = connect(target, false);
            int version = userVersion(writer);
            if (!fresh) {
                checkIsProject(target, writer, version, migrations);
            }
            Optional<Path> backup = Optional.empty();
            if (version < migrations.latestVersion()) {
                if (version > 0) {
                    backup = Optional.of(backup(writer, target, version));
                }
                migrate(writer, migrations, version);
            }
            markAsProject(writer);
            reader = connect(target, true);
            return new ProjectStore(target, false, lock, writer, reader, backup);
        } catch (SQLException e) {
            closeQuietly(writer);
            closeQuietly(reader);
            closeQuietly(lock);
            throw notAProject(target, e);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            closeQuietly(reader);
            closeQuietly(lock);
            throw e;
        }
    }

    private static void checkIsProject(Path target, Connection c, int version, Migrations migrations)
            throws SQLException {
        if (version > migrations.latestVersion()) {
            throw new BadInputException(target + ": made by a newer Labelbench (schema " + version
                    + "; this app knows up to " + migrations.latestVersion() + ")");
        }
        if (version == 0) {
            throw new BadInputException(target + ": not a Labelbench project (no project schema)");
        }
    }

    private static BadInputException notAProject(Path target, SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("SQLITE_NOTADB") || message.contains("not a database")) {
            return new BadInputException(target + ": not a Labelbench project (not an SQLite database)", e);
        }
        return new BadInputException(target + ": cannot open project: " + message.lines().findFirst().orElse(""), e);
    }

    private static Connection connect(Path target, boolean readOnly) throws SQLException {
        SqliteNativeCache.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        // FULL: a label the user saw accepted survives a power cut, not only a crash.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setCacheSize(-64 * 1024);
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + target, config.toProperties());
        SqlDialect.SQLITE.configure(connection);
        return connection;
    }

    static int userVersion(Connection c) throws SQLException {
        return SqlDialect.of(c).schemaVersion(c);
    }

    /** SQLite's application_id, so that a later open knows the file from its header alone. */
    private static void markAsProject(Connection c) throws SQLException {
        SqlDialect dialect = SqlDialect.of(c);
        if (dialect.applicationId(c) != ProjectFileCheck.APPLICATION_ID) {
            dialect.setApplicationId(c, ProjectFileCheck.APPLICATION_ID);
        }
    }

    /** A consistent copy (SQLite's online backup) before migrating. */
    private static Path backup(Connection c, Path target, int version) throws SQLException {
        Path copy = target.resolveSibling(target.getFileName() + ".backup-v" + version + "-"
                + LocalDateTime.now().format(BACKUP_STAMP));
        SqlDialect.of(c).backup(c, copy);
        return copy;
    }

    private static void migrate(Connection c, Migrations migrations, int fromVersion) throws SQLException {
        SqlDialect dialect = SqlDialect.of(c);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (Migration step : migrations.steps()) {
                if (step.version() <= fromVersion) {
                    continue;
                }
                for (String sql : step.statements()) {
                    s.executeUpdate(dialect.ddl(sql));
                }
                dialect.setSchemaVersion(c, step.version());
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Runs {@code work} as one transaction: all of it is committed, or none of it. The connection
     * stays in auto-commit mode and the transaction is spelled out (BEGIN IMMEDIATE ... COMMIT):
     * the driver's own transaction switching runs extra statements that cost a third of a label's
     * commit.
     */
    public <T> T write(StoreWork<T> work) {
        if (readOnly) {
            throw new IllegalStateException("project " + file + " was opened read-only");
        }
        writeLock.lock();
        try {
            execute(writer, "BEGIN IMMEDIATE");
            writerTransaction.labelChanges().clear();
            try {
                T result = work.run(writerTransaction);
                tellLabelChanges();
                execute(writer, "COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Lets every {@link LabelChangeListener} follow the labels this transaction changed, inside it. */
    private void tellLabelChanges() {
        LabelChanges changes = writerTransaction.labelChanges();
        if (changes.isEmpty()) {
            return;
        }
        for (LabelChangeListener listener : LABEL_CHANGE_LISTENERS) {
            listener.labelsChanged(writerTransaction, changes);
        }
        changes.clear();
    }

    /** Runs {@code work} on the read connection, in one snapshot that sees the last committed state. */
    public <T> T read(StoreWork<T> work) {
        readLock.lock();
        try {
            execute(reader, "BEGIN");
            try {
                return work.run(readerTransaction);
            } finally {
                execute(reader, "COMMIT");
            }
        } catch (SQLException e) {
            throw new StoreException(file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            readLock.unlock();
        }
    }

    private void execute(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c == writer ? writerControl.computeIfAbsent(sql, k -> prepare(c, k))
                : readerControl.computeIfAbsent(sql, k -> prepare(c, k));
        ps.execute();
    }

    private static PreparedStatement prepare(Connection c, String sql) {
        try {
            return c.prepareStatement(sql);
        } catch (SQLException e) {
            throw new StoreException(sql + ": " + e.getMessage(), e);
        }
    }

    /** SQLite may have rolled back already (it does after some errors); then there is nothing to undo. */
    private void rollbackQuietly() {
        try {
            execute(writer, "ROLLBACK");
        } catch (SQLException | StoreException alreadyRolledBack) {
            // the transaction is gone either way
        }
    }

    public Path file() {
        return file;
    }

    /** The folder media paths are relative to. */
    public Path directory() {
        return file.getParent();
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** The copy taken before this open migrated an older schema, if it did. */
    public Optional<Path> migrationBackup() {
        return migrationBackup;
    }

    public int schemaVersion() {
        return read(tx -> userVersion(tx.connection()));
    }

    @Override
    public void close() {
        readLock.lock();
        writeLock.lock();
        try {
            readerTransaction.statements().close();
            closeQuietly(reader);
            if (writerTransaction != null) {
                writerTransaction.statements().close();
            }
            if (writer != null) {
                try {
                    SqlDialect.of(writer).checkpoint(writer);
                } catch (SQLException ignored) {
                    // another reader may still hold the WAL; SQLite checkpoints later
                }
                closeQuietly(writer);
            }
            closeQuietly(lock);
        } finally {
            writeLock.unlock();
            readLock.unlock();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing after a failure: the first error is the one worth reporting
        }
    }
}
