package org.labelbench.project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Items as a model reads them: id, key, media kind and file, without the rest of the row. */
public final class ItemFileRepository {
    /** One item's file; {@code path} is as stored (relative to the project's folder unless absolute). */
    public record ItemFile(long id, String key, String media, String path) {
    }

    /** The items with these ids, in id order; ids that are not items are left out. */
    public List<ItemFile> files(Transaction tx, List<Long> ids) {
        return tx.call(c -> files(c, ids));
    }

    private List<ItemFile> files(Connection c, List<Long> ids) throws SQLException {
        List<ItemFile> files = new ArrayList<>(ids.size());
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        for (int from = 0; from < sorted.size(); from += 500) {
            List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT id, key, media, path FROM item WHERE id IN ("
                    + marks + ") ORDER BY id")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        files.add(new ItemFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
        }
        return files;
    }

    /** The items a queue covers, by the queue's name; empty when there is no such queue. */
    public Optional<List<Long>> queueItems(Transaction tx, String queueName) {
        return tx.call(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM queue WHERE name = ?")) {
                ps.setString(1, queueName);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<List<Long>>empty();
                    }
                }
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT qi.item FROM queue_item qi JOIN queue q"
                    + " ON q.id = qi.queue WHERE q.name = ? ORDER BY qi.item")) {
                ps.setString(1, queueName);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return Optional.of(ids);
        });
    }
}
