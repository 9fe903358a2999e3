package org.labelbench.labeling;

import org.labelbench.project.Transaction;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.labelbench.project.BadInputException;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectStore;

/**
 * Versioned guidelines. Publishing writes version n+1 with the new text, the examples of
 * version n carried over (unless replaced) and the examples collected for the next version.
 * Old versions are never changed, so a label's guideline version always reads as it was.
 */
public final class GuidelineService {
    private static final String EXAMPLE_COLUMNS = "e.id, e.version, i.id, i.key, i.media, i.path, lc.name, e.note"
            + " FROM guideline_example e JOIN item i ON i.id = e.item LEFT JOIN label_class lc ON lc.id = e.label_class";

    private final ItemRepository items = new ItemRepository();
    private final LabelClassRepository classes = new LabelClassRepository();

    /** An example as given on the command line or in a file: item key, class name (or null), note. */
    public record ExampleSpec(String itemKey, String label, String note) {
    }

    /**
     * Publishes the next version. {@code replaceExamples} null carries the previous version's
     * examples over; a list replaces them. Examples collected for the next version are added.
     * A version after the first needs a change note and must differ from the current one (in
     * text or examples): every later label records it, so an empty version would split HLP by
     * guideline version for nothing, and versions are never deleted.
     */
    public Guideline publish(ProjectStore store, String markdown, String author, String change,
            List<ExampleSpec> replaceExamples) {
        if (markdown == null || markdown.isBlank()) {
            throw new BadInputException("the guideline text is empty");
        }
        return store.write(tx -> {
            Connection c = tx.connection();
            int version = currentVersion(tx).orElse(0) + 1;
            if (version > 1) {
                refuseEmptyChange(tx, version, markdown, change, replaceExamples);
            }
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO guideline (version, markdown, created, author, change) VALUES (?, ?, ?, ?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, markdown);
                ps.setString(3, now.toString());
                ps.setString(4, author);
                ps.setString(5, change);
                ps.executeUpdate();
            }
            if (replaceExamples == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO guideline_example"
                        + " (version, item, label_class, note, added, author) SELECT ?, item, label_class, note, added,"
                        + " author FROM guideline_example WHERE version = ? ORDER BY id")) {
                    ps.setInt(1, version);
                    ps.setInt(2, version - 1);
                    ps.executeUpdate();
                }
            } else {
                for (ExampleSpec spec : replaceExamples) {
                    insertExample(tx, version, spec, author, now);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE guideline_example SET version = ? WHERE version IS NULL")) {
                ps.setInt(1, version);
                ps.executeUpdate();
            }
            return version(tx, version).orElseThrow();
        });
    }

    private void refuseEmptyChange(Transaction tx, int version, String markdown, String change,
            List<ExampleSpec> replaceExamples) throws SQLException {
        if (change == null || change.isBlank()) {
            throw new BadInputException("v" + version + " needs a change note: say what changed since v"
                    + (version - 1));
        }
        Guideline current = version(tx, version - 1).orElseThrow();
        boolean sameText = current.markdown().strip().equals(markdown.strip());
        boolean sameExamples = examples(tx, "e.version IS NULL").isEmpty() && (replaceExamples == null
                || replaceExamples.equals(current.examples().stream()
                        .map(e -> new ExampleSpec(e.itemKey(), e.label(), e.note())).toList()));
        if (sameText && sameExamples) {
            throw new BadInputException("v" + version + " would be the same as v" + (version - 1)
                    + ": change the text or the examples first");
        }
    }

    /** Collects an example for the next version (shown as pending until it is published). */
    public GuidelineExample addPendingExample(ProjectStore store, ExampleSpec spec, String author) {
        return store.write(tx -> {
            long id = insertExample(tx, null, spec, author, Instant.now());
            return examples(tx, "e.id = " + id).get(0);
        });
    }

    /** Drops an example collected for the next version; examples of published versions never change. */
    public void removePendingExample(ProjectStore store, long exampleId) {
        store.write(tx -> {
            Connection c = tx.connection();
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM guideline_example WHERE id = ? AND version IS NULL")) {
                ps.setLong(1, exampleId);
                if (ps.executeUpdate() == 0) {
                    throw new BadInputException("example " + exampleId + " is not waiting for the next version");
                }
            }
            return null;
        });
    }

    public Optional<Guideline> current(ProjectStore store) {
        return store.read(tx -> {
            Optional<Integer> version = currentVersion(tx);
            return version.isEmpty() ? Optional.empty() : version(tx, version.get());
        });
    }

    public Optional<Guideline> version(ProjectStore store, int version) {
        return store.read(tx -> version(tx, version));
    }

    /** Every version, oldest first, each with its examples. */
    public List<Guideline> list(ProjectStore store) {
        return store.read(tx -> {
            Connection c = tx.connection();
            List<Guideline> all = new ArrayList<>();
            List<Integer> versions = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version FROM guideline ORDER BY version")) {
                while (rs.next()) {
                    versions.add(rs.getInt(1));
                }
            }
            for (int v : versions) {
                all.add(version(tx, v).orElseThrow());
            }
            return all;
        });
    }

    public List<GuidelineExample> pendingExamples(ProjectStore store) {
        return store.read(tx -> examples(tx, "e.version IS NULL"));
    }

    /** The newest version number, if any guideline was written; labels record it. */
    public static Optional<Integer> currentVersion(Transaction tx) throws SQLException {
        Connection c = tx.connection();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM guideline")) {
            rs.next();
            int version = rs.getInt(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(version);
        }
    }

    /** Reads a Markdown file for {@link #publish}, refusing what is not UTF-8 text. */
    public static String readMarkdown(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private Optional<Guideline> version(Transaction tx, int version) throws SQLException {
        Connection c = tx.connection();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, markdown, created, author, change FROM guideline WHERE version = ?")) {
            ps.setInt(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Guideline(rs.getInt(1), rs.getString(2), Instant.parse(rs.getString(3)),
                        rs.getString(4), rs.getString(5), examples(tx, "e.version = " + version)));
            }
        }
    }

    private static List<GuidelineExample> examples(Transaction tx, String where) throws SQLException {
        Connection c = tx.connection();
        List<GuidelineExample> examples = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + EXAMPLE_COLUMNS + " WHERE " + where + " ORDER BY e.id")) {
            while (rs.next()) {
                Integer version = rs.getObject(2) == null ? null : rs.getInt(2);
                examples.add(new GuidelineExample(rs.getLong(1), version, rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
        return examples;
    }

    private long insertExample(Transaction tx, Integer version, ExampleSpec spec, String author, Instant now)
            throws SQLException {
        Connection c = tx.connection();
        Item item = items.findByKey(tx, spec.itemKey())
                .orElseThrow(() -> new BadInputException("example: no item with key '" + spec.itemKey() + "'"));
        Long classId = null;
        if (spec.label() != null && !spec.label().isBlank()) {
            LabelClass labelClass = classes.list(tx).stream().filter(lc -> lc.name().equals(spec.label().strip()))
                    .findFirst().orElseThrow(() -> new BadInputException("example: no class '" + spec.label() + "'"));
            classId = labelClass.id();
        }
        if (spec.note() == null || spec.note().isBlank()) {
            throw new BadInputException("example for '" + spec.itemKey() + "' has no note; say why it is an example");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO guideline_example (version, item, label_class,"
                + " note, added, author) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            if (version == null) {
                ps.setNull(1, java.sql.Types.INTEGER);
            } else {
                ps.setInt(1, version);
            }
            ps.setLong(2, item.id());
            if (classId == null) {
                ps.setNull(3, java.sql.Types.INTEGER);
            } else {
                ps.setLong(3, classId);
            }
            ps.setString(4, spec.note().strip());
            ps.setString(5, now.toString());
            ps.setString(6, author);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
