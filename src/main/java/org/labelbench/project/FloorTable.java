package org.labelbench.project;

import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * A scratch table {@code bench_floor} for the label benchmark's floor: bare one-row transactions
 * with the store's durability, on the same file, against which a label's commit is measured.
 * Only the benchmarks use it.
 */
public final class FloorTable {
    private FloorTable() {
    }

    /** Creates the table if the file has none yet. */
    public static void create(Transaction tx) {
        tx.run(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, v TEXT)");
            }
        });
    }

    /** One row: the whole of a floor transaction's work (prepared each time, as a caller without a cache would). */
    public static void insert(Transaction tx, String value) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_floor (v) VALUES (?)")) {
                ps.setString(1, value);
                ps.executeUpdate();
            }
        });
    }
}
