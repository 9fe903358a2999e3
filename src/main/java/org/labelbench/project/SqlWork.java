package org.labelbench.project;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on one connection; the store decides the transaction around it. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
