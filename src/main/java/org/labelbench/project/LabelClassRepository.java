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

    public List<LabelClass> list(Transaction tx) {
        return tx.call(c -> list(c));
    }

    List<LabelClass> list(Connection c) throws SQLException {
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
    public LabelClass add(Transaction tx, String rawName) {
        return tx.call(c -> add(c, rawName));
    }

    LabelClass add(Connection c, String rawName) throws SQLException {
        return add(c, rawName, null, null);
    }

    /**
     * Adds a class at the end of the schema. A null hotkey or colour takes the next free one; a
     * given hotkey must be one character that no offered class uses.
     */
    public LabelClass add(Transaction tx, String rawName, String wantedHotkey, String wantedColor) {
        return tx.call(c -> add(c, rawName, wantedHotkey, wantedColor));
    }

    LabelClass add(Connection c, String rawName, String wantedHotkey, String wantedColor) throws SQLException {
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
        String hotkey = wantedHotkey == null ? nextFreeHotkey(usedKeys) : validHotkey(wantedHotkey);
        if (wantedHotkey != null) {
            ensureHotkeyFree(existing, hotkey, -1);
        }
        int order = existing.size();
        String color = wantedColor == null ? PALETTE[order % PALETTE.length] : validColor(wantedColor);
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

    /** Sets (or, with null, clears) a class's hotkey. */
    public void setHotkey(Transaction tx, LabelClass target, String wantedHotkey) {
        tx.run(c -> setHotkey(c, target, wantedHotkey));
    }

    void setHotkey(Connection c, LabelClass target, String wantedHotkey) throws SQLException {
        String hotkey = wantedHotkey == null ? null : validHotkey(wantedHotkey);
        if (hotkey != null) {
            ensureHotkeyFree(list(c), hotkey, target.id());
        }
        update(c, "UPDATE label_class SET hotkey = ? WHERE id = ?", hotkey, target.id());
    }

    public void setColor(Transaction tx, LabelClass target, String color) {
        tx.run(c -> setColor(c, target, color));
    }

    void setColor(Connection c, LabelClass target, String color) throws SQLException {
        update(c, "UPDATE label_class SET color = ? WHERE id = ?", validColor(color), target.id());
    }

    /** Retired classes keep their labels but are no longer offered; their hotkey is freed for reuse. */
    public void setRetired(Transaction tx, LabelClass target, boolean retired) {
        tx.run(c -> setRetired(c, target, retired));
    }

    void setRetired(Connection c, LabelClass target, boolean retired) throws SQLException {
        if (retired) {
            update(c, "UPDATE label_class SET retired = 1, hotkey = NULL WHERE id = ?", target.id());
        } else {
            Set<String> used = new HashSet<>();
            list(c).forEach(lc -> {
                if (lc.hotkey() != null) {
                    used.add(lc.hotkey());
                }
            });
            update(c, "UPDATE label_class SET retired = 0, hotkey = ? WHERE id = ?", nextFreeHotkey(used),
                    target.id());
        }
    }

    /** True when any annotation, multi-label set or guideline example refers to the class. */
    public boolean isUsed(Transaction tx, LabelClass target) {
        return tx.call(c -> isUsed(c, target));
    }

    boolean isUsed(Connection c, LabelClass target) throws SQLException {
        String sql = "SELECT EXISTS (SELECT 1 FROM annotation WHERE label_class = ?)"
                + " OR EXISTS (SELECT 1 FROM annotation_label WHERE label_class = ?)"
                + " OR EXISTS (SELECT 1 FROM guideline_example WHERE label_class = ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int parameter = 1; parameter <= 3; parameter++) {
                ps.setLong(parameter, target.id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) != 0;
            }
        }
    }

    /** Deletes a class nothing refers to, and closes the gap in the order. */
    public void delete(Transaction tx, LabelClass target) {
        tx.run(c -> delete(c, target));
    }

    void delete(Connection c, LabelClass target) throws SQLException {
        update(c, "DELETE FROM label_class WHERE id = ?", target.id());
        update(c, "UPDATE label_class SET ord = ord - 1 WHERE ord > ?", target.order());
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String nextFreeHotkey(Set<String> usedKeys) {
        for (char key : DEFAULT_HOTKEYS.toCharArray()) {
            if (!usedKeys.contains(String.valueOf(key))) {
                return String.valueOf(key);
            }
        }
        return null;
    }

    private static void ensureHotkeyFree(List<LabelClass> classes, String hotkey, long except) {
        for (LabelClass other : classes) {
            if (other.id() != except && hotkey.equals(other.hotkey())) {
                throw new BadInputException("hotkey '" + hotkey + "' is already used by class '" + other.name() + "'");
            }
        }
    }

    /** One digit or lower-case letter: the keys a labeler presses without a modifier. */
    public static String validHotkey(String raw) {
        String key = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (key.length() != 1 || DEFAULT_HOTKEYS.indexOf(key.charAt(0)) < 0) {
            throw new BadInputException("hotkey '" + raw + "' is not a single digit or letter");
        }
        return key;
    }

    public static String validColor(String raw) {
        String color = raw == null ? "" : raw.strip();
        if (!color.matches("#[0-9a-fA-F]{6}")) {
            throw new BadInputException("colour '" + raw + "' is not of the form #rrggbb");
        }
        return color.toLowerCase(Locale.ROOT);
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

    /** True when any annotation answers with classes (a class or a multi-label set), whoever made it. */
    public boolean anyAnswerWithClasses(Transaction tx) {
        return tx.call(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT EXISTS (SELECT 1 FROM annotation WHERE kind IN ('class', 'multi'))")) {
                return rs.next() && rs.getInt(1) != 0;
            }
        });
    }
}
