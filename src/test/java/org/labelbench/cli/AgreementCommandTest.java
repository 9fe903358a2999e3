package org.labelbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.testing.TestMedia;

/** `agreement` end to end: labels imported from a file, figures read back as a script would. */
class AgreementCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    String project;

    @BeforeEach
    void setUp() throws Exception {
        for (int i = 1; i <= 12; i++) {
            TestMedia.png(dir.resolve("images/u" + String.format("%02d", i) + ".png"), 8, 8, i);
        }
        project = dir.resolve("p.lbproj").toString();
        assertThat(CliRunner.run("init", project, "--name", "k", "--classes", "1,2,3,4,5").exitCode()).isZero();
        assertThat(CliRunner.run("import", project, "--images", dir.resolve("images").toString()).exitCode()).isZero();
    }

    private JsonNode agreement() throws Exception {
        CliRunner.Result result = CliRunner.run("agreement", project, "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    private void labels(String csv) throws Exception {
        Path file = Files.writeString(dir.resolve("labels.csv"), "item,annotator,label\n" + csv);
        CliRunner.Result result = CliRunner.run("labels", "import", project, "--file", file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void krippendorffsWorkedExampleThroughTheProject() throws Exception {
        // Krippendorff (2011), section C; class names are the numbers, so interval uses them.
        String[] observers = {"A", "B", "C", "D"};
        String[][] values = {
            {"1", "2", "3", "3", "2", "1", "4", "1", "2", ".", ".", "."},
            {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", ".", "3"},
            {".", "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", "."},
            {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", "."},
        };
        StringBuilder csv = new StringBuilder();
        for (int o = 0; o < 4; o++) {
            for (int u = 0; u < 12; u++) {
                if (!values[o][u].equals(".")) {
                    csv.append(String.format("u%02d.png,%s,%s%n", u + 1, observers[o], values[o][u]));
                }
            }
        }
        labels(csv.toString());

        JsonNode json = agreement();
        assertThat(json.get("units").asInt()).isEqualTo(11);
        assertThat(json.get("annotators").toString()).isEqualTo("[\"A\",\"B\",\"C\",\"D\"]");
        assertThat(json.get("krippendorff_alpha").get("nominal").asDouble()).isCloseTo(0.743, within(0.0005));
        assertThat(json.get("krippendorff_alpha").get("ordinal").asDouble()).isCloseTo(0.815, within(0.0005));
        assertThat(json.get("krippendorff_alpha").get("interval").asDouble()).isCloseTo(0.849, within(0.0005));
        assertThat(json.get("cohen_kappa").get("pairs")).hasSize(6);
        assertThat(json.get("cohen_kappa").get("mean").isNumber()).isTrue();
        // Raters per item vary (2, 3 or 4): Fleiss' kappa uses the items with the modal number (4: units 2 to 9).
        assertThat(json.get("fleiss_kappa_raters_per_item").asInt()).isEqualTo(4);
        assertThat(json.get("fleiss_kappa_items").asInt()).isEqualTo(8);
        assertThat(json.get("percent_agreement").isNumber()).isTrue();
        assertThat(json.get("notes").size()).isZero();
        JsonNode nominal = json.get("krippendorff_alpha_interval").get("nominal");
        assertThat(nominal).hasSize(2);
        assertThat(nominal.get(0).asDouble()).isLessThan(0.743);
        assertThat(nominal.get(1).asDouble()).isGreaterThan(0.743);
        assertThat(json.get("cohen_kappa").get("interval")).hasSize(2);
        assertThat(json.get("interval_level").asDouble()).isEqualTo(0.95);
    }

    @Test
    void hlpScoresGoldItemsAgainstTheAdjudicationAndTheRestBetweenAnnotators() throws Exception {
        labels("u01.png,A,1\nu01.png,B,1\nu01.png,C,2\nu02.png,A,2\nu02.png,B,3\nu03.png,A,4\nu03.png,B,4\n"
                + "u04.png,A,5\nu04.png,B,1\nu04.png,C,5\nu05.png,A,2\n");
        // A lead adjudicates the two most contested items in a disagreement queue: u02 as 3, u01 as 1.
        assertThat(CliRunner.run("queue", "create", project, "--name", "review", "--strategy", "disagreements")
                .exitCode()).isZero();
        try (org.labelbench.project.ProjectStore store = org.labelbench.project.ProjectStore.open(Path.of(project));
                org.labelbench.labeling.LabelingSession lead = org.labelbench.labeling.LabelingSession.open(store,
                        "review", "lena", "lead")) {
            assertThat(lead.current().orElseThrow().item().key()).isEqualTo("u02.png");
            lead.submit(org.labelbench.labeling.LabelDecision.single(lead.schema().byName("3").orElseThrow()));
            assertThat(lead.current().orElseThrow().item().key()).isEqualTo("u01.png");
            lead.submit(org.labelbench.labeling.LabelDecision.single(lead.schema().byName("1").orElseThrow()));
        }

        CliRunner.Result result = CliRunner.run("hlp", project, "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode hlp = JSON.readTree(result.out());
        // u01: 2 of 3 match the gold; u02: 1 of 2; u03: the pair agrees; u04: 2 of 6 pairs agree; u05: one label, not counted.
        assertThat(hlp.get("hlp").asDouble()).isCloseTo((2.0 / 3 + 1.0 / 2 + 1 + 1.0 / 3) / 4, within(1e-12));
        assertThat(hlp.get("items").asInt()).isEqualTo(4);
        assertThat(hlp.get("items_with_gold").asInt()).isEqualTo(2);
        assertThat(hlp.get("items_pairwise").asInt()).isEqualTo(2);
        assertThat(hlp.get("annotators").toString()).isEqualTo("[{\"annotator\":\"A\",\"items\":2,\"accuracy\":0.5},"
                + "{\"annotator\":\"B\",\"items\":2,\"accuracy\":1.0},{\"annotator\":\"C\",\"items\":1,"
                + "\"accuracy\":0.0}]");
        // The adjudicator is the gold, not a fifth opinion.
        assertThat(agreement().get("annotators").toString()).isEqualTo("[\"A\",\"B\",\"C\"]");

        // Each annotator against the others (per item, the share of the others who match) and the gold.
        JsonNode byAnnotator = JSON.readTree(CliRunner.run("agreement", project, "--by", "annotator", "--json").out());
        assertThat(byAnnotator).hasSize(3);
        assertThat(byAnnotator.get(0).get("group").asText()).isEqualTo("A");
        assertThat(byAnnotator.get(0).get("shared_items").asInt()).isEqualTo(4);
        assertThat(byAnnotator.get(0).get("agreement_with_others").asDouble()).isEqualTo((0.5 + 0 + 1 + 0.5) / 4);
        assertThat(byAnnotator.get(0).get("accuracy_against_gold").asDouble()).isEqualTo(0.5);
        assertThat(byAnnotator.get(1).get("agreement_with_others").asDouble()).isEqualTo((0.5 + 0 + 1 + 0) / 4);
        assertThat(byAnnotator.get(1).get("accuracy_against_gold").asDouble()).isEqualTo(1.0);
        assertThat(byAnnotator.get(2).get("agreement_with_others").asDouble()).isEqualTo((0 + 0.5) / 2);
        assertThat(byAnnotator.get(2).get("gold_items").asInt()).isEqualTo(1);
        assertThat(byAnnotator.get(2).get("accuracy_against_gold").asDouble()).isEqualTo(0.0);

        CliRunner.Result byGuideline = CliRunner.run("hlp", project, "--by", "guideline", "--json");
        JsonNode groups = JSON.readTree(byGuideline.out());
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("group").asText()).isEqualTo("none");
        CliRunner.Result badBy = CliRunner.run("hlp", project, "--by", "attr:colour");
        assertThat(badBy.exitCode()).isEqualTo(2);
        assertThat(badBy.err().strip()).isEqualTo("error: no item has an attribute named 'colour'");
    }

    @Test
    void agreementByAttributeGivesOneReportPerValue() throws Exception {
        for (String key : new String[] {"day/1.png", "day/2.png", "night/3.png", "night/4.png"}) {
            TestMedia.png(dir.resolve("folders/" + key), 8, 8, key.hashCode());
        }
        project = dir.resolve("folders.lbproj").toString();
        assertThat(CliRunner.run("init", project, "--name", "f", "--classes", "cat,dog").exitCode()).isZero();
        assertThat(CliRunner.run("import", project, "--images", dir.resolve("folders").toString()).exitCode()).isZero();
        labels("day/1.png,A,cat\nday/1.png,B,cat\nday/2.png,A,dog\nday/2.png,B,dog\n"
                + "night/3.png,A,cat\nnight/3.png,B,dog\nnight/4.png,A,dog\nnight/4.png,B,dog\n");
        CliRunner.Result result = CliRunner.run("agreement", project, "--by", "attr:folder", "--bootstrap", "0",
                "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode groups = JSON.readTree(result.out());
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("group").asText()).isEqualTo("day");
        assertThat(groups.get(0).get("percent_agreement").asDouble()).isEqualTo(1.0);
        assertThat(groups.get(1).get("group").asText()).isEqualTo("night");
        assertThat(groups.get(1).get("percent_agreement").asDouble()).isEqualTo(0.5);
        assertThat(groups.get(1).get("units").asInt()).isEqualTo(2);

        // One class against the rest: "cat" is disputed once (night/3), "dog" the same item.
        JsonNode byClass = JSON.readTree(CliRunner.run("agreement", project, "--by", "class", "--bootstrap", "0",
                "--json").out());
        assertThat(byClass).hasSize(2);
        assertThat(byClass.get(0).get("group").asText()).isEqualTo("cat");
        assertThat(byClass.get(0).get("percent_agreement").asDouble()).isEqualTo(0.75);
        CliRunner.Result hlpByClass = CliRunner.run("hlp", project, "--by", "class");
        assertThat(hlpByClass.exitCode()).isEqualTo(2);
    }

    @Test
    void multiLabelProjectsAreRefusedWithTheReason() {
        String multi = dir.resolve("multi.lbproj").toString();
        assertThat(CliRunner.run("init", multi, "--name", "m", "--classes", "a,b", "--multi-label").exitCode()).isZero();
        for (String[] args : new String[][] {{"agreement", multi}, {"agreement", multi, "--by", "annotator"},
            {"hlp", multi}}) {
            CliRunner.Result result = CliRunner.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err().strip()).as(String.join(" ", args)).startsWith("error: " + multi + ": ")
                    .endsWith("of a multi-label project is per class; this command measures single-label projects");
        }
    }

    @Test
    void oneAnnotatorGetsNotEnoughOverlapNeverNaN() throws Exception {
        labels("u01.png,ana,1\nu02.png,ana,2\n");
        JsonNode json = agreement();
        assertThat(json.get("units").asInt()).isZero();
        assertThat(json.get("krippendorff_alpha").get("nominal").isNull()).isTrue();
        assertThat(json.get("fleiss_kappa").isNull()).isTrue();
        assertThat(json.get("krippendorff_alpha_interval").get("nominal").isNull()).isTrue();
        assertThat(json.get("notes").get("krippendorff_alpha.nominal").asText())
                .isEqualTo("not enough overlap: no item has labels from two or more annotators");
        CliRunner.Result text = CliRunner.run("agreement", project);
        assertThat(text.out()).contains("n/a: not enough overlap").doesNotContain("NaN");
    }
}
