package org.labelbench.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
import org.sqlite.SQLiteErrorCode;

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
    /** The file's identity (device and inode) when opened for writing: null when read-only or unknown. */
    private final Object fileKey;
    /** Set once the path no longer names the opened file: what the refusal says of the copy saved then. */
    private String rescue;
    private Path rescuedCopy;

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
        this.fileKey = readOnly ? null : fileKeyOf(file);
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
            reader = connectForReading(target);
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

    /**
     * A reader's connection. On a read-only folder (a mounted disc, a read-only share) SQLite cannot
     * create the WAL index beside a project in WAL mode, so it is opened immutable there: nothing can
     * change a file no one can write. Unless its WAL still holds commits, which immutable would not see.
     */
    private static Connection connectForReading(Path target) throws SQLException {
        Path folder = target.getParent();
        String name = target.getFileName().toString();
        if (folder == null || Files.isWritable(folder) || Files.exists(target.resolveSibling(name + "-shm"))) {
            return connect(target, true);
        }
        Path wal = target.resolveSibling(name + "-wal");
        boolean walHoldsCommits;
        try {
            walHoldsCommits = Files.exists(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            walHoldsCommits = true;
        }
        if (walHoldsCommits) {
            throw new BadInputException(target + ": its folder is read-only and " + wal.getFileName()
                    + " still holds changes SQLite cannot read there; copy both files somewhere writable");
        }
        SqliteNativeCache.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + target.toUri() + "?immutable=1",
                config.toProperties());
        SqlDialect.SQLITE.configure(connection);
        return connection;
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
        // Written under a temporary name, then renamed: a backup cut short by a kill never looks whole.
        Path partial = copy.resolveSibling(copy.getFileName() + ".partial");
        SqlDialect.of(c).backup(c, partial);
        try {
            Files.move(partial, copy, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SQLException(copy + ": cannot put the backup in place: " + e.getMessage(), e);
        }
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
            requireStillAtPath();
            execute(writer, "BEGIN IMMEDIATE");
            writerTransaction.labelChanges().clear();
            try {
                T result = work.run(writerTransaction);
                tellLabelChanges();
                if (movedAway()) {
                    // Committing now would write into a file nobody can open again.
                    rollbackQuietly();
                    requireStillAtPath();
                }
                execute(writer, "COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly();
                throw e;
            }
        } catch (SQLException e) {
            throw unwritableOr(e, new StoreException(file.getFileName() + ": " + e.getMessage(), e));
        } catch (StoreException e) {
            throw unwritableOr(e, e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * A full disk or a read-only file, found anywhere in {@code failure}'s causes, as the one line the
     * user can act on; anything else as {@code otherwise}.
     */
    private RuntimeException unwritableOr(Throwable failure, RuntimeException otherwise) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
                    return new ProjectUnwritableException(file + ": the disk is full; this change was not stored"
                            + " (everything before it is; free some space and do it again)", failure);
                }
                if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
                    return new ProjectUnwritableException(file + ": the project file has become read-only; this"
                            + " change was not stored (everything before it is)", failure);
                }
                if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
                    return new ProjectUnwritableException(file + ": the disk failed to write ("
                            + sqlite.getResultCode().name() + "); this change was not stored", failure);
                }
            }
        }
        return otherwise;
    }

    /**
     * Whether the path no longer names the file this store opened (deleted, or moved or replaced).
     * SQLite would go on writing into the opened file without a word, and a deleted one takes every
     * later label with it when it is closed. One stat per write: microseconds beside the commit's fsync.
     */
    private boolean movedAway() {
        if (fileKey == null) {
            return false;
        }
        return !fileKey.equals(fileKeyOf(file));
    }

    /**
     * Refuses the write when the file has moved away, after saving what the open connection still
     * sees (all committed labels, from the opened file and its WAL) beside the old path, once.
     */
    private void requireStillAtPath() {
        if (rescue == null && !movedAway()) {
            return;
        }
        if (rescue == null) {
            rescue = saveRescueCopy();
        }
        throw new ProjectUnwritableException(file + ": the project file was deleted or moved while open; this change"
                + " was not stored; " + rescue, null);
    }

    /** Saves the open database through the backup API; returns the sentence that says where, or why not. */
    private String saveRescueCopy() {
        Path copy = file.resolveSibling(file.getFileName() + ".rescued-" + LocalDateTime.now().format(BACKUP_STAMP));
        try {
            SqlDialect.of(writer).backup(writer, copy);
            rescuedCopy = copy;
            return "everything stored before it was saved to " + copy;
        } catch (SQLException | RuntimeException e) {
            return "no copy could be saved (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")";
        }
    }

    /** The copy saved after the file moved away while open ({@link #write} says so in its refusal), if any. */
    public Optional<Path> rescuedCopy() {
        return Optional.ofNullable(rescuedCopy);
    }

    private static Object fileKeyOf(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException gone) {
            return "gone";
        } catch (java.io.IOException unreadable) {
            return "unreadable";
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

    /**
     * A consistent copy of the project at {@code copy} through SQLite's backup API, read on the
     * reader's connection: it works on a store opened read-only and never blocks the writer.
     */
    void backupTo(Path copy) {
        read(tx -> {
            SqlDialect.of(tx.connection()).backup(tx.connection(), copy);
            return null;
        });
    }

    /**
     * Replaces this project's content with {@code source}'s through the writer's connection (the
     * backup API, whole or not at all). The store must be closed right after: what it cached is stale.
     */
    void restoreFrom(Path source) {
        if (readOnly) {
            throw new IllegalStateException("project " + file + " was opened read-only");
        }
        writeLock.lock();
        try {
            requireStillAtPath();
            SqlDialect.of(writer).restore(writer, source);
        } catch (SQLException e) {
            throw unwritableOr(e, new StoreException(file.getFileName() + ": " + e.getMessage(), e));
        } finally {
            writeLock.unlock();
        }
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
                if (rescue == null && movedAway()) {
                    // A label committed just as the file went: keep it in a copy before the file goes.
                    rescue = saveRescueCopy();
                }
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
