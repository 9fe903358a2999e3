package org.labelbench.project;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * {@code lb_probability(probabilities, k)}: the k-th (0-based) float32 of a prediction's
 * probability BLOB (see V004), or NULL when the BLOB is NULL or shorter. SQLite cannot read a
 * float out of a BLOB, and this keeps a rule on probabilities one INSERT ... SELECT instead of a
 * Java loop over the items. Registered on every connection the store opens (ProjectStore.connect); PostgreSQL would need its own.
 */
public final class ProbabilitySqlFunction extends Function {
    public static final String NAME = "lb_probability";
    /** SQLite's type code of a BLOB value (SQLITE_BLOB). */
    private static final int BLOB = 4;

    private ProbabilitySqlFunction() {
    }

    /** Makes the function available to statements on {@code c}; registering again replaces it. */
    public static void register(Connection c) throws SQLException {
        Function.create(c, NAME, new ProbabilitySqlFunction(), 2, Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xFunc() throws SQLException {
        byte[] blob = value_type(0) == BLOB ? value_blob(0) : null;
        int index = value_int(1);
        int offset = index * 4;
        if (blob == null || index < 0 || offset + 4 > blob.length) {
            result();
            return;
        }
        int bits = (blob[offset] & 0xff) | (blob[offset + 1] & 0xff) << 8 | (blob[offset + 2] & 0xff) << 16
                | (blob[offset + 3] & 0xff) << 24;
        result((double) Float.intBitsToFloat(bits));
    }
}
