package org.labelbench.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.labelbench.project.ProjectStore;

/** What a project stores, read back for assertions: the rows of a query, each column as text. */
public final class SqlRows {
    private SqlRows() {
    }

    public static List<List<String>> of(ProjectStore store, String sql, Object... parameters) {
        return store.read(tx -> {
            Connection c = tx.connection();
            List<List<String>> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int k = 1; k <= columns; k++) {
                            row.add(rs.getString(k));
                        }
                        rows.add(row);
                    }
                }
            }
            return rows;
        });
    }
}
