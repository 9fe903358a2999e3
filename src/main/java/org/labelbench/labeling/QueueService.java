package org.labelbench.labeling;

import org.labelbench.project.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.ProjectStore;

/** Creates queues, resolves their items and order once, and reports their progress. */
public final class QueueService {
    private static final String QUEUE_COLUMNS = "q.id, q.name, q.strategy, q.overlap, q.seed, q.scope, q.annotators,"
            + " q.created, q.created_by, (SELECT COUNT(*) FROM queue_item qi WHERE qi.queue = q.id)";

    private final ItemRepository items = new ItemRepository();

    public Queue create(ProjectStore store, QueueDefinition definition, String createdBy) {
        return create(store, definition, createdBy, null);
    }

    /** Creates a queue; with a {@code priority} its items are served highest score first. */
    public Queue create(ProjectStore store, QueueDefinition definition, String createdBy, ItemPriority priority) {
        return store.write(tx -> {
            Connection c = tx.connection();
            if (find(tx, definition.name()).isPresent()) {
                throw new BadInputException("a queue named '" + definition.name() + "' already exists");
            }
            List<Long> ids = resolve(tx, definition.scope());
            List<long[]> ordered = order(tx, definition, ids);
            if (priority != null) {
                Map<Long, Double> scores = priority.scores(tx, ordered.stream().map(e -> e[0]).toList());
                ordered.sort(Comparator.comparingDouble(e -> -scores.getOrDefault(e[0], Double.NEGATIVE_INFINITY)));
            }
            if (ordered.isEmpty()) {
                throw new BadInputException("queue '" + definition.name() + "' would cover no items: "
                        + switch (definition.strategy()) {
                            case NEEDS_LABELS -> "every item in " + definition.scope().describe() + " has "
                                    + definition.overlap() + " or more labels";
                            case DISAGREEMENTS -> "no item in " + definition.scope().describe()
                                    + " has disagreeing labels";
                            default -> definition.scope().describe() + " matches nothing";
                        });
            }
            long queueId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO queue (name, strategy, overlap, seed, scope,"
                    + " annotators, created, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, definition.name());
                ps.setString(2, definition.strategy().id());
                ps.setInt(3, definition.overlap());
                ps.setLong(4, definition.seed());
                ps.setString(5, definition.scope().describe());
                ps.setString(6, definition.annotators().isEmpty() ? null : String.join(",", definition.annotators()));
                ps.setString(7, Instant.now().toString());
                ps.setString(8, createdBy);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    queueId = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO queue_item (queue, position, item, need) VALUES (?, ?, ?, ?)")) {
                int position = 0;
                for (long[] entry : ordered) {
                    ps.setLong(1, queueId);
                    ps.setInt(2, position++);
                    ps.setLong(3, entry[0]);
                    ps.setLong(4, entry[1]);
                    ps.addBatch();
                    if (position % 10_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return find(tx, definition.name()).orElseThrow();
        });
    }

    public List<Queue> list(ProjectStore store) {
        return store.read(tx -> {
            Connection c = tx.connection();
            List<Queue> queues = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT " + QUEUE_COLUMNS + " FROM queue q ORDER BY q.id")) {
                while (rs.next()) {
                    queues.add(read(rs));
                }
            }
            return queues;
        });
    }

    public Queue get(ProjectStore store, String name) {
        return store.read(tx -> find(tx, name)).orElseThrow(() -> new BadInputException("no queue named '" + name + "'"));
    }

    static Optional<Queue> find(Transaction tx, String name) throws SQLException {
        Connection c = tx.connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + QUEUE_COLUMNS + " FROM queue q WHERE q.name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public QueueProgress progress(ProjectStore store, String name) {
        return store.read(tx -> {
            Connection c = tx.connection();
            Queue queue = find(tx, name).orElseThrow(() -> new BadInputException("no queue named '" + name + "'"));
            long complete;
            long wanted;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(CASE WHEN (SELECT COUNT(*) FROM"
                    + " assignment a WHERE a.queue = qi.queue AND a.item = qi.item AND a.state = 'done') >= qi.need"
                    + " THEN 1 ELSE 0 END), 0), COALESCE(SUM(qi.need), 0) FROM queue_item qi WHERE qi.queue = ?")) {
                ps.setLong(1, queue.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    complete = rs.getLong(1);
                    wanted = rs.getLong(2);
                }
            }
            List<AnnotatorProgress> annotators = new ArrayList<>();
            long done = 0;
            long skipped = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT n.id, n.name,"
                    + " SUM(CASE WHEN a.state = 'done' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN a.state = 'skipped' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN a.state = 'done' THEN an.duration_ms END),"
                    + " SUM(CASE WHEN a.state = 'done' AND an.duration_ms IS NOT NULL THEN 1 ELSE 0 END)"
                    + " FROM assignment a JOIN annotator n ON n.id = a.annotator"
                    + " LEFT JOIN annotation an ON an.id = a.annotation"
                    + " WHERE a.queue = ? GROUP BY n.id, n.name ORDER BY n.name")) {
                ps.setLong(1, queue.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long annotatorDone = rs.getLong(3);
                        long annotatorSkipped = rs.getLong(4);
                        long timedMs = rs.getLong(5);
                        long timed = rs.getLong(6);
                        Double perHour = timed == 0 || timedMs <= 0 ? null : timed * 3_600_000.0 / timedMs;
                        annotators.add(new AnnotatorProgress(rs.getString(2), annotatorDone, annotatorSkipped, perHour,
                                medianSeconds(tx, queue.id(), rs.getLong(1), timed)));
                        done += annotatorDone;
                        skipped += annotatorSkipped;
                    }
                }
            }
            return new QueueProgress(queue, queue.items(), complete, wanted, done, skipped, annotators);
        });
    }

    private static Double medianSeconds(Transaction tx, long queue, long annotator, long timed) throws SQLException {
        Connection c = tx.connection();
        if (timed == 0) {
            return null;
        }
        String sql = "SELECT an.duration_ms FROM assignment a JOIN annotation an ON an.id = a.annotation"
                + " WHERE a.queue = ? AND a.annotator = ? AND a.state = 'done' AND an.duration_ms IS NOT NULL"
                + " ORDER BY an.duration_ms LIMIT ? OFFSET ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, queue);
            ps.setLong(2, annotator);
            ps.setLong(3, timed % 2 == 0 ? 2 : 1);
            ps.setLong(4, (timed - 1) / 2);
            double sum = 0;
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sum += rs.getLong(1);
                    n++;
                }
            }
            return n == 0 ? null : sum / n / 1000.0;
        }
    }

    private List<Long> resolve(Transaction tx, QueueScope scope) throws SQLException {
        if (scope.keys() == null) {
            return items.ids(tx, scope.filter());
        }
        Map<String, Long> ids = items.idsByKey(tx, scope.keys());
        List<String> unknown = scope.keys().stream().filter(k -> !ids.containsKey(k)).toList();
        if (!unknown.isEmpty()) {
            throw new BadInputException("no item with key '" + unknown.get(0) + "'"
                    + (unknown.size() > 1 ? " (and " + (unknown.size() - 1) + " more unknown keys)" : ""));
        }
        return scope.keys().stream().map(ids::get).distinct().toList();
    }

    /** The queue's items in serving order, each as {item id, labels it needs from the queue}. */
    private static List<long[]> order(Transaction tx, QueueDefinition definition, List<Long> ids) throws SQLException {
        int overlap = definition.overlap();
        List<long[]> ordered = new ArrayList<>(ids.size());
        switch (definition.strategy()) {
            case SEQUENTIAL -> ids.forEach(id -> ordered.add(new long[] {id, overlap}));
            case RANDOM -> {
                List<Long> shuffled = new ArrayList<>(ids);
                // java.util.Random's sequence is specified, so a seed gives the same order everywhere.
                Collections.shuffle(shuffled, new Random(definition.seed()));
                shuffled.forEach(id -> ordered.add(new long[] {id, overlap}));
            }
            case NEEDS_LABELS -> {
                Map<Long, List<String>> labels = currentAnswers(tx, new HashSet<>(ids));
                for (long id : ids) {
                    int have = labels.getOrDefault(id, List.of()).size();
                    if (have < overlap) {
                        ordered.add(new long[] {id, overlap - have});
                    }
                }
                // Closest to complete first, so overlap is reached on some items before new ones start.
                ordered.sort(Comparator.comparingLong(e -> e[1]));
            }
            case DISAGREEMENTS -> {
                Map<Long, List<String>> labels = currentAnswers(tx, new HashSet<>(ids));
                List<double[]> contested = new ArrayList<>();
                for (long id : ids) {
                    List<String> answers = labels.getOrDefault(id, List.of());
                    double modalShare = modalShare(answers);
                    if (answers.size() >= 2 && modalShare < 1.0) {
                        contested.add(new double[] {id, modalShare, answers.size()});
                    }
                }
                // Most contested first: the smallest share for the most common answer, then more raters.
                contested.sort(Comparator.<double[]>comparingDouble(e -> e[1]).thenComparingDouble(e -> -e[2]));
                contested.forEach(e -> ordered.add(new long[] {(long) e[0], overlap}));
            }
            default -> throw new IllegalStateException(definition.strategy().toString());
        }
        return ordered;
    }

    private static double modalShare(List<String> answers) {
        if (answers.isEmpty()) {
            return 1.0;
        }
        Map<String, Integer> counts = new HashMap<>();
        answers.forEach(a -> counts.merge(a, 1, Integer::sum));
        return (double) Collections.max(counts.values()) / answers.size();
    }

    /**
     * Each annotator's current answer per item (a class id, or a sorted set of ids for multi-label),
     * counting labels by people and imports; adjudications and model labels are not opinions here.
     */
    static Map<Long, List<String>> currentAnswers(Transaction tx, Set<Long> scope) throws SQLException {
        Connection c = tx.connection();
        String sql = "SELECT a.item, a.kind, a.label_class,"
                + " (SELECT group_concat(ac.label_class) FROM annotation_label ac WHERE ac.annotation = a.id)"
                + " FROM annotation a JOIN (SELECT MAX(id) AS id FROM annotation"
                + " WHERE origin IN ('human', 'import', 'accepted-suggestion') GROUP BY item, annotator) cur"
                + " ON cur.id = a.id WHERE a.kind IN ('class', 'multi')";
        Map<Long, List<String>> answers = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long item = rs.getLong(1);
                if (!scope.contains(item)) {
                    continue;
                }
                String answer;
                if ("class".equals(rs.getString(2))) {
                    answer = String.valueOf(rs.getLong(3));
                } else {
                    String set = rs.getString(4);
                    String[] parts = set == null ? new String[0] : set.split(",");
                    Arrays.sort(parts);
                    answer = "{" + String.join(",", parts) + "}";
                }
                answers.computeIfAbsent(item, k -> new ArrayList<>()).add(answer);
            }
        }
        return answers;
    }

    private static Queue read(ResultSet rs) throws SQLException {
        String annotators = rs.getString(7);
        Long seed = rs.getObject(5) == null ? null : rs.getLong(5);
        return new Queue(rs.getLong(1), rs.getString(2), QueueStrategy.parse(rs.getString(3)), rs.getInt(4), seed,
                rs.getString(6), annotators == null ? List.of() : List.of(annotators.split(",")),
                Instant.parse(rs.getString(8)), rs.getString(9), rs.getLong(10));
    }
}
