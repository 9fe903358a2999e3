package org.labelbench.project;

import java.sql.SQLException;

/**
 * A unit of work inside one transaction of the store; the store decides the transaction around
 * it (see {@link ProjectStore#write} and {@link ProjectStore#read}).
 */
@FunctionalInterface
public interface StoreWork<T> {
    // TODO(issue 12): drop the SQLException once no SQL is left outside project.
    T run(Transaction tx) throws SQLException;
}
