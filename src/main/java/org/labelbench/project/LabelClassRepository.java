package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** SQL for the label schema's classes. */
public final class LabelClassRepository {
    /** Hotkeys handed out in order: the digit row first, as a labeler's left hand expects. */
    private static final String DEFAULT_HOTKEYS = "1234567890qwertyuiopasdfghjklzxcvbnm";
    /** A qualitative palette (Tableau 10) so neighbouring classes are told apart at a glance. */
    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    public List<LabelClass> list(Connection c) throws SQLException {
        List<LabelClass> classes = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT id, name, hotkey, color, ord, retired FROM label_class ORDER BY ord, id")) {
            while (rs.next()) {
                classes.add(new LabelClass(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getInt(6) != 0));
            }
        }
        return classes;
    }

    /** Adds a class at the end of the schema with the next free hotkey and colour. */
    public LabelClass add(Connection c, String rawName) throws SQLException {
        String name = validName(rawName);
        List<LabelClass> existing = list(c);
        Set<String> usedKeys = new HashSet<>();
        for (LabelClass known : existing) {
            if (known.name().equalsIgnoreCase(name)) {
                throw new BadInputException("class '" + name + "' already exists"
                        + (known.name().equals(name) ? "" : " as '" + known.name() + "'"));
            }
            if (known.hotkey() != null) {
                usedKeys.add(known.hotkey());
            }
        }
        String hotkey = null;
        for (char key : DEFAULT_HOTKEYS.toCharArray()) {
            if (!usedKeys.contains(String.valueOf(key))) {
                hotkey = String.valueOf(key);
                break;
            }
        }
        int order = existing.size();
        String color = PALETTE[order % PALETTE.length];
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO label_class (name, hotkey, color, ord) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, hotkey);
            ps.setString(3, color);
            ps.setInt(4, order);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new LabelClass(keys.getLong(1), name, hotkey, color, order, false);
            }
        }
    }

    /** Class names are trimmed; empty names and commas (the CLI's list separator) are refused. */
    public static String validName(String rawName) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty()) {
            throw new BadInputException("a class name is empty");
        }
        if (name.contains(",")) {
            throw new BadInputException("class name '" + name + "' contains a comma");
        }
        if (name.length() > 100) {
            throw new BadInputException("class name '" + name.substring(0, 20) + "...' is longer than 100 characters");
        }
        return name;
    }

    /** Parses "a,b,c" as given on a command line or in the new-project form. */
    public static List<String> parseList(String commaSeparated) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return names;
        }
        for (String part : commaSeparated.split(",")) {
            String name = validName(part);
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new BadInputException("class '" + name + "' is listed twice");
            }
            names.add(name);
        }
        return names;
    }
}
