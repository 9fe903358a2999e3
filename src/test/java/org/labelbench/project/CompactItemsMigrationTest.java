package org.labelbench.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema 10 stores per-item hashes as bytes and rebuilds item_attr: a project made at schema 9
 * (hex text, as the app wrote it then) opens, is backed up, migrates, and reads back every hash
 * as the same hex, every attribute and every version row.
 */
class CompactItemsMigrationTest {
    private static final String HASH_A = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String HASH_B = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    @TempDir
    Path dir;

    @Test
    void aSchema9ProjectKeepsEveryHashAttributeAndVersionRow() throws Exception {
        Migrations schema9 = Migrations.of(Migrations.builtIn().steps().subList(0, 9));
        Path file = dir.resolve("old.lbproj");
        try (ProjectStore old = ProjectStore.create(file, new ProjectSettings("Old", List.of("cat"), false), schema9)) {
            assertThat(old.schemaVersion()).isEqualTo(9);
            old.write(tx -> {
                exec(tx, "INSERT INTO import_batch (id, source, kind, started, finished, added, already_present,"
                        + " duplicates, skipped, copied, options, app_version) VALUES (1, 'm', 'manifest', 'now', 'now',"
                        + " 2, 0, 0, 0, 0, '{}', 'v9')");
                exec(tx, "INSERT INTO item (id, key, media, format, path, sha256, bytes, width, height, duration_ms,"
                        + " import_batch) VALUES (1, 'a.png', 'image', 'png', 'a.png', '" + HASH_A + "', 10, 4, 4, NULL, 1),"
                        + " (2, 'b.wav', 'audio', 'wav', 'b.wav', '" + HASH_B + "', 20, NULL, NULL, 1500, 1)");
                exec(tx, "INSERT INTO item_attr (item, name, value) VALUES (1, 'site', 'north'), (2, 'site', 'south'),"
                        + " (2, 'speaker', 'ana')");
                exec(tx, "INSERT INTO dataset_version (id, name, items_rule, truth_rule, created, item_count,"
                        + " manifest_sha256, labels_fingerprint) VALUES (1, 'v1', 'all', 'adjudicated', 'now', 2, 'm', 'f')");
                exec(tx, "INSERT INTO version_item (version, key, path, sha256, media, tags, attributes, import_batch,"
                        + " annotators) VALUES (1, 'a.png', 'a.png', '" + HASH_A + "', 'image', '[]', '{}', 1, '[]'),"
                        + " (1, 'b.wav', 'b.wav', '" + HASH_B + "', 'audio', '[]', '{}', 1, '[]')");
                return null;
            });
        }

        try (ProjectStore store = ProjectStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.builtIn().latestVersion());
            assertThat(store.migrationBackup()).isPresent();
            ItemRepository items = new ItemRepository();
            assertThat(store.read(tx -> items.findByKey(tx, "a.png")).orElseThrow().sha256()).isEqualTo(HASH_A);
            assertThat(store.read(tx -> items.findByKey(tx, "b.wav")).orElseThrow().sha256()).isEqualTo(HASH_B);
            assertThat(store.<List<String>>read(tx -> strings(tx, "SELECT typeof(sha256) || ':' || length(sha256)"
                    + " FROM item ORDER BY id"))).containsExactly("blob:32", "blob:32");
            // Duplicates are still found by content.
            assertThat(store.<java.util.Optional<String>>write(tx -> {
                try (ItemRepository.Inserter inserter = items.inserter(tx)) {
                    return inserter.keyWithSha256(HASH_B);
                }
            })).contains("b.wav");
            assertThat(store.<Map<Long, Map<String, String>>>read(tx -> items.attributes(tx, List.of(1L, 2L)))).isEqualTo(Map.of(
                    1L, Map.of("site", "north"), 2L, Map.of("site", "south", "speaker", "ana")));
            assertThat(store.read(tx -> items.findByKey(tx, "b.wav")).orElseThrow().durationMs()).isEqualTo(1500L);

            VersionRepository versions = new VersionRepository();
            List<String> hashes = new ArrayList<>();
            store.read(tx -> {
                versions.forEachEntry(tx, 1, row -> hashes.add(row.key() + " " + row.sha256()));
                return null;
            });
            assertThat(hashes).containsExactly("a.png " + HASH_A, "b.wav " + HASH_B);
            // The rewrite put the immutability triggers back.
            assertThatThrownBy(() -> store.write(tx -> exec(tx, "DELETE FROM version_item")))
                    .hasMessageContaining("immutable");
            // The copy taken before migrating is the schema-9 file, hex text and all.
            try (ProjectStore backup = ProjectStore.open(store.migrationBackup().orElseThrow(), schema9)) {
                assertThat(backup.schemaVersion()).isEqualTo(9);
                assertThat(backup.<List<String>>read(tx -> strings(tx, "SELECT sha256 FROM item ORDER BY id")))
                        .containsExactly(HASH_A, HASH_B);
            }
        }
    }

    private static Void exec(Transaction tx, String sql) throws SQLException {
        try (Statement s = tx.connection().createStatement()) {
            s.executeUpdate(sql);
        }
        return null;
    }

    private static List<String> strings(Transaction tx, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
