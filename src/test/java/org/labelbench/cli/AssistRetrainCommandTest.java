package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.analysis.Uncertainty;
import org.labelbench.testing.PatternPictures;

/**
 * One round of active learning through the command line, on real PNGs, SQLite and DJL: a queue
 * over 30 unlabeled pattern pictures, one of them already served to a labeler; `assist retrain`
 * trains MODEL-r1 on today's labels, predicts the queue, and orders the 29 unserved items most
 * uncertain first by that run, leaving the served one where it was.
 */
class AssistRetrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static CliRunner.Result ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.err()).isZero();
        return result;
    }

    @Test
    void retrainsPredictsTheQueueAndReranksOnlyWhatNoOneWasServed() throws Exception {
        StringBuilder labels = new StringBuilder("item,annotator,label\n");
        for (int i = 0; i < 90; i++) {
            String key = String.format("p%03d.png", i);
            PatternPictures.write(dir.resolve("images").resolve(key), i % 3, i);
            if (i < 60) {
                labels.append(key).append(",ann,").append(PatternPictures.CLASSES[i % 3]).append('\n');
            }
        }
        String project = dir.resolve("p.lbproj").toString();
        ok("init", project, "--name", "patterns", "--classes", "rows,columns,blob");
        ok("import", project, "--images", dir.resolve("images").toString());
        ok("labels", "import", project, "--file", Files.writeString(dir.resolve("labels.csv"), labels).toString());
        ok("assist", "train", project, "--model", "m1", "--epochs", "3", "--seed", "5", "--no-flip", "--device", "cpu");
        ok("queue", "create", project, "--name", "next", "--unlabeled", "--strategy", "sequential");
        String served = serveFirstItem(project);

        JsonNode round = JSON.readTree(ok("assist", "retrain", project, "--queue", "next", "--model", "m1",
                "--uncertainty", "margin", "--device", "cpu", "--json").out());
        assertThat(round.get("model").asText()).isEqualTo("m1-r1");
        assertThat(round.get("run").asText()).isEqualTo("m1-r1-queue");
        assertThat(round.get("predicted").asLong()).isEqualTo(30);
        assertThat(round.get("reranked").asInt()).isEqualTo(29);

        List<String> order = queueOrder(project);
        assertThat(order).hasSize(30);
        assertThat(order.get(0)).isEqualTo(served); // served first, stays first
        Path export = dir.resolve("r1.csv");
        ok("predictions", "export", project, "--run", "m1-r1-queue", "--file", export.toString());
        Map<String, Double> margin = margins(export);
        List<Double> unsure = order.subList(1, order.size()).stream().map(margin::get).toList();
        for (int i = 1; i < unsure.size(); i++) {
            assertThat(unsure.get(i)).as("item %d of the re-ranked queue", i).isLessThanOrEqualTo(unsure.get(i - 1));
        }
        // The new model is a trained model like any other, and the next round is r2.
        JsonNode models = JSON.readTree(ok("assist", "models", project, "--json").out());
        assertThat(models.findValuesAsText("name")).contains("m1", "m1-r1");
        assertThat(JSON.readTree(ok("assist", "retrain", project, "--queue", "next", "--model", "m1-r1",
                "--device", "cpu", "--json").out()).get("model").asText()).isEqualTo("m1-r2");
    }

    @Test
    void anUnknownQueueOrModelIsRefusedInOneLine() throws Exception {
        String project = dir.resolve("e.lbproj").toString();
        ok("init", project, "--name", "two", "--classes", "a,b");
        PatternPictures.write(dir.resolve("few").resolve("x.png"), 0, 1);
        ok("import", project, "--images", dir.resolve("few").toString());
        CliRunner.Result noQueue = CliRunner.run("assist", "retrain", project, "--queue", "nope", "--model", "m");
        assertThat(noQueue.exitCode()).isEqualTo(2);
        assertThat(noQueue.err().strip()).contains("nope").doesNotContain("\n");
        ok("queue", "create", project, "--name", "q");
        CliRunner.Result noModel = CliRunner.run("assist", "retrain", project, "--queue", "q", "--model", "m");
        assertThat(noModel.exitCode()).isEqualTo(2);
        assertThat(noModel.err().strip()).contains("'m'").doesNotContain("\n");
    }

    /** What a labeler opening the queue gets first: an open assignment of its first item. */
    private static String serveFirstItem(String project) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO annotator (name, role) VALUES ('lia', 'labeler')");
            s.executeUpdate("INSERT INTO assignment (queue, annotator, item, position, seq, state, served)"
                    + " SELECT qi.queue, (SELECT id FROM annotator WHERE name = 'lia'), qi.item, qi.position, 1,"
                    + " 'open', '2026-12-03T10:00:00Z' FROM queue_item qi ORDER BY qi.position LIMIT 1");
            try (ResultSet rs = s.executeQuery("SELECT i.key FROM assignment a JOIN item i ON i.id = a.item")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<String> queueOrder(String project) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT i.key FROM queue_item qi JOIN item i ON i.id = qi.item"
                        + " ORDER BY qi.position")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    private static Map<String, Double> margins(Path csv) throws Exception {
        Map<String, Double> margin = new HashMap<>();
        try (var reader = Files.newBufferedReader(csv)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(reader)) {
                float[] p = {Float.parseFloat(row.get("p_rows")), Float.parseFloat(row.get("p_columns")),
                    Float.parseFloat(row.get("p_blob"))};
                margin.put(row.get("item"), Uncertainty.MARGIN.of(p));
            }
        }
        return margin;
    }
}
