package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for annotators. */
public final class AnnotatorRepository {
    public static final String IMPORT_ANNOTATOR = "import";

    public List<Annotator> list(Transaction tx) {
        return tx.call(c -> list(c));
    }

    List<Annotator> list(Connection c) throws SQLException {
        List<Annotator> annotators = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, name, role FROM annotator ORDER BY name")) {
            while (rs.next()) {
                annotators.add(new Annotator(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return annotators;
    }

    public Optional<Annotator> find(Transaction tx, String name) {
        return tx.call(c -> find(c, name));
    }

    Optional<Annotator> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role FROM annotator WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Annotator(rs.getLong(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** The annotator of that name, created with {@code role} if new. */
    public Annotator findOrCreate(Transaction tx, String rawName, String role) {
        return tx.call(c -> findOrCreate(c, rawName, role));
    }

    Annotator findOrCreate(Connection c, String rawName, String role) throws SQLException {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty()) {
            throw new BadInputException("an annotator name is empty");
        }
        Optional<Annotator> known = find(c, name);
        if (known.isPresent()) {
            return known.get();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO annotator (name, role) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, role);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Annotator(keys.getLong(1), name, role);
            }
        }
    }
}
