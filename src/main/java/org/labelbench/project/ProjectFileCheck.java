package org.labelbench.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Tells whether a file is a Labelbench project by reading it only, before anything opens it for
 * writing: a writable SQLite connection would switch someone else's database to WAL and leave a
 * lock file beside it. Projects carry SQLite's {@code application_id}; those made before the mark
 * are recognised by their tables, read through an immutable connection that writes nothing.
 */
final class ProjectFileCheck {
    /** "LBPJ": stored in the database header at offset 68 of every project. */
    static final int APPLICATION_ID = 0x4C42504A;

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 100;
    private static final int WRITE_VERSION_OFFSET = 18;
    private static final int WAL_MODE = 2;
    private static final int APPLICATION_ID_OFFSET = 68;

    private ProjectFileCheck() {
    }

    /** Returns quietly for a project; otherwise throws a one-line reason naming the file. */
    static void requireProject(Path target) {
        byte[] header = readHeader(target);
        if (header.length == 0) {
            throw new BadInputException(target + ": not a Labelbench project (the file is empty)");
        }
        if (header.length < HEADER_BYTES || !Arrays.equals(header, 0, SQLITE_MAGIC.length, SQLITE_MAGIC, 0,
                SQLITE_MAGIC.length)) {
            throw new BadInputException(target + ": not a Labelbench project (not an SQLite database)");
        }
        int applicationId = ByteBuffer.wrap(header, APPLICATION_ID_OFFSET, 4).getInt();
        if (applicationId == APPLICATION_ID) {
            return;
        }
        if (applicationId != 0) {
            throw new BadInputException(target + ": not a Labelbench project (an SQLite database of another "
                    + "application, application_id " + String.format("0x%08X", applicationId) + ")");
        }
        if (!hasProjectTables(target, header[WRITE_VERSION_OFFSET] == WAL_MODE)) {
            throw new BadInputException(target + ": not a Labelbench project (an SQLite database without "
                    + "Labelbench's tables)");
        }
    }

    private static byte[] readHeader(Path target) {
        try (InputStream in = Files.newInputStream(target)) {
            return in.readNBytes(HEADER_BYTES);
        } catch (IOException e) {
            throw new BadInputException(target + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * A project made before the mark (or one whose newest header still sits in its WAL after a crash).
     * A database in WAL mode with a WAL beside it is read through an ordinary read-only connection,
     * since its newest pages may only be in the WAL; any other is opened immutable, so SQLite takes no
     * lock and creates no file beside it.
     */
    private static boolean hasProjectTables(Path target, boolean walMode) {
        Path wal = target.resolveSibling(target.getFileName() + "-wal");
        boolean readWal = walMode && Files.exists(wal);
        String url = "jdbc:sqlite:" + target.toUri() + (readWal ? "?mode=ro" : "?mode=ro&immutable=1");
        SqliteNativeCache.prepare();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                        + "AND name IN ('project_meta', 'item', 'import_batch')")) {
            return rs.next() && rs.getInt(1) == 3;
        } catch (SQLException e) {
            throw new BadInputException(target + ": not a Labelbench project ("
                    + e.getMessage().lines().findFirst().orElse("unreadable") + ")", e);
        }
    }
}
