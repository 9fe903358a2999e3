package org.labelbench.project;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** Item ids as bound {@code IN (?, ?, ...)} parameters, a chunk at a time. */
final class IdParameters {
    /** Ids per IN (...) list: well under SQLite's limit on parameters. */
    static final int CHUNK = 500;

    private IdParameters() {
    }

    /** {@code ?,?,?} for {@code count} ids. */
    static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    /** Binds {@code ids} to the first parameters of {@code ps}. */
    static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }
}
