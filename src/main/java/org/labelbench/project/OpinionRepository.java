package org.labelbench.project;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads of the current opinions (see {@link Opinions}) as whole sets, for queue strategies. */
public final class OpinionRepository {
    /**
     * One annotator's current opinion on an item when it is an answer: {@code kind} class (its
     * {@code labelClass}) or multi (its {@code classSet}, ascending ids; empty for an empty set).
     */
    public record CurrentAnswer(long item, String kind, Long labelClass, List<Long> classSet) {
        public CurrentAnswer {
            classSet = List.copyOf(classSet);
        }

        public boolean isSet() {
            return "multi".equals(kind);
        }
    }

    /**
     * The current opinions that answer (class or multi-label set) on the items in {@code items},
     * by item; skips are not answers, adjudications and models are not opinions.
     */
    public Map<Long, List<CurrentAnswer>> currentAnswers(Transaction tx, Set<Long> items) {
        return tx.call(c -> currentAnswers(c, items));
    }

    Map<Long, List<CurrentAnswer>> currentAnswers(Connection c, Set<Long> items) throws SQLException {
        SqlDialect dialect = SqlDialect.of(c);
        // One pass over every current opinion, filtered here: a scope may be most of the project.
        String sql = "SELECT a.item, a.kind, a.label_class, (SELECT " + dialect.commaList("ac.label_class")
                + " FROM annotation_label ac WHERE ac.annotation = a.id) FROM annotation a JOIN ("
                + Opinions.currentIds(null) + ") cur ON cur.id = a.id WHERE a.kind IN ('class', 'multi')";
        Map<Long, List<CurrentAnswer>> answers = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long item = rs.getLong(1);
                if (!items.contains(item)) {
                    continue;
                }
                String kind = rs.getString(2);
                Long labelClass = rs.getObject(3) == null ? null : rs.getLong(3);
                String set = rs.getString(4);
                List<Long> classSet = set == null ? List.of()
                        : Arrays.stream(set.split(",")).map(String::strip).map(Long::valueOf).sorted().toList();
                answers.computeIfAbsent(item, k -> new ArrayList<>())
                        .add(new CurrentAnswer(item, kind, labelClass, classSet));
            }
        }
        return answers;
    }
}
