package org.labelbench.project;

import java.sql.SQLException;

/**
 * A unit of work inside one transaction of the store; the store decides the transaction around
 * it (see {@link ProjectStore#write} and {@link ProjectStore#read}).
 */
@FunctionalInterface
public interface StoreWork<T> {
    /**
     * Declares {@link SQLException} for this package and for tests, which may write JDBC inside a
     * transaction; outside {@code project} nothing can raise one, since {@code java.sql} is
     * forbidden there (LayeringTest), and the store turns one into a {@link StoreException}.
     */
    T run(Transaction tx) throws SQLException;
}
