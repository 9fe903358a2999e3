package org.labelbench.project;

import java.util.ArrayList;
import java.util.List;

/** One numbered schema step: the SQL that takes a project from {@code version - 1} to {@code version}. */
public record Migration(int version, String name, String sql) {

    /**
     * The statements of the script, split on semicolons that end a line. Migrations are plain DDL
     * and DML; a trigger body (with inner semicolons) would need its own splitting rule.
     */
    List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
