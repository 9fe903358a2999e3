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
        // The paper's coincidence matrix: o_11 = 7, o_12 = 4/3, o_55 = 3.
        JsonNode confusion = json.get("confusion");
        assertThat(confusion.get("classes").toString()).isEqualTo("[\"1\",\"2\",\"3\",\"4\",\"5\"]");
        assertThat(confusion.get("coincidences").get(0).get(0).asDouble()).isCloseTo(7, within(1e-9));
        assertThat(confusion.get("coincidences").get(0).get(1).asDouble()).isCloseTo(4.0 / 3, within(1e-9));
        assertThat(confusion.get("coincidences").get(4).get(4).asDouble()).isCloseTo(3, within(1e-9));
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
        // HLP on the items of each class: night/3 (cat vs dog) counts half a cat and half a dog, and scores 0 for
        // both; the agreed items score 1 for their class. The project's HLP is the classes' HLP weighted by items.
        CliRunner.Result hlpByClass = CliRunner.run("hlp", project, "--by", "class", "--bootstrap", "0", "--json");
        assertThat(hlpByClass.exitCode()).as(hlpByClass.err()).isZero();
        JsonNode hlp = JSON.readTree(hlpByClass.out());
        assertThat(hlp.get(0).get("group").asText()).isEqualTo("cat");
        assertThat(hlp.get(0).get("hlp").asDouble()).isCloseTo((1 + 0.5 * 0) / 1.5, within(1e-12));
        assertThat(hlp.get(0).get("items").asInt()).isEqualTo(2);
        assertThat(hlp.get(1).get("hlp").asDouble()).isCloseTo((1 + 0.5 * 0 + 1) / 2.5, within(1e-12));
        double overall = JSON.readTree(CliRunner.run("hlp", project, "--bootstrap", "0", "--json").out()).get("hlp")
                .asDouble();
        assertThat(overall).isEqualTo(0.75).isCloseTo((1.5 * (1 / 1.5) + 2.5 * (2 / 2.5)) / 4, within(1e-12));
    }

    @Test
    void tagsBreakAgreementAndHlpDown() throws Exception {
        labels("u01.png,A,1\nu01.png,B,1\nu02.png,A,2\nu02.png,B,3\nu03.png,A,4\nu03.png,B,4\nu04.png,A,5\n"
                + "u04.png,B,1\n");
        CliRunner.Result tagged = CliRunner.run("tag", project, "--add", "blurry", "--items", "u02.png,u04.png,u03.png");
        assertThat(tagged.exitCode()).as(tagged.err()).isZero();
        assertThat(tagged.out().strip()).isEqualTo("tagged 3 items 'blurry'");
        assertThat(CliRunner.run("tag", project, "--add", "dark", "--items", "u01.png,u02.png").exitCode()).isZero();
        assertThat(CliRunner.run("tag", project, "--remove", "blurry", "--items", "u03.png").out().strip())
                .isEqualTo("untagged 1 item 'blurry'");
        // A typo in one key refuses the whole request.
        CliRunner.Result typo = CliRunner.run("tag", project, "--add", "dark", "--items", "u03.png,u99.png");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err().strip()).isEqualTo("error: no item with key 'u99.png'");
        JsonNode tags = JSON.readTree(CliRunner.run("tag", project, "--list", "--json").out());
        assertThat(tags.toString()).isEqualTo("[{\"tag\":\"blurry\",\"kind\":\"manual\",\"rule\":null,\"items\":2},"
                + "{\"tag\":\"dark\",\"kind\":\"manual\",\"rule\":null,\"items\":2}]");

        // One group per tag (u02 is in both), untagged items apart.
        JsonNode byTag = JSON.readTree(CliRunner.run("hlp", project, "--by", "tag", "--bootstrap", "0", "--json").out());
        assertThat(byTag).extracting(g -> g.get("group").asText()).containsExactly("(untagged)", "blurry", "dark");
        assertThat(byTag).extracting(g -> g.get("hlp").asDouble()).containsExactly(1.0, 0.0, 0.5);
        // A tag computed from a rule is not edited by hand: the next refresh would undo it.
        assertThat(CliRunner.run("tag", project, "--rule", "labels >= 2", "--name", "paired").exitCode()).isZero();
        CliRunner.Result byHand = CliRunner.run("tag", project, "--add", "paired", "--items", "u01.png");
        assertThat(byHand.exitCode()).isEqualTo(2);
        assertThat(byHand.err().strip()).isEqualTo("error: tag 'paired' is a rule tag: its items come from its rule,"
                + " not by hand");
        assertThat(CliRunner.run("tag", project, "--rule", "labels >= 99", "--name", "paired").exitCode()).isZero();
        JsonNode withAndWithout = JSON.readTree(CliRunner.run("agreement", project, "--by", "tag:dark", "--bootstrap",
                "0", "--json").out());
        assertThat(withAndWithout).extracting(g -> g.get("group").asText()).containsExactly("dark", "not dark");
        assertThat(withAndWithout).extracting(g -> g.get("percent_agreement").asDouble()).containsExactly(0.5, 0.5);
        CliRunner.Result unknown = CliRunner.run("agreement", project, "--by", "tag:sharp");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("error: no tag named 'sharp'");
    }

    @Test
    void hlpAgainstOneAnnotatorMeasuresTheOthersAgainstThem() throws Exception {
        labels("u01.png,A,1\nu01.png,B,1\nu01.png,C,2\nu02.png,A,2\nu02.png,B,3\nu03.png,B,4\nu03.png,C,4\n");
        JsonNode hlp = JSON.readTree(CliRunner.run("hlp", project, "--gold", "annotator:A", "--bootstrap", "0",
                "--json").out());
        // u01: B matches A, C does not; u02: B does not; u03 has no label by A, so B and C are compared pairwise.
        assertThat(hlp.get("hlp").asDouble()).isCloseTo((0.5 + 0 + 1) / 3, within(1e-12));
        assertThat(hlp.get("items_with_gold").asInt()).isEqualTo(2);
        assertThat(hlp.get("annotators")).extracting(a -> a.get("annotator").asText()).containsExactly("B", "C");
        CliRunner.Result nobody = CliRunner.run("hlp", project, "--gold", "annotator:Z");
        assertThat(nobody.exitCode()).isEqualTo(2);
        assertThat(nobody.err().strip()).isEqualTo("error: no annotator 'Z' has labeled; annotators: A, B, C");
    }

    @Test
    void multiLabelProjectsAreMeasuredPerClassOnTheBinaryDecision() throws Exception {
        String multi = dir.resolve("multi.lbproj").toString();
        assertThat(CliRunner.run("init", multi, "--name", "m", "--classes", "a,b", "--multi-label").exitCode()).isZero();
        assertThat(CliRunner.run("import", multi, "--images", dir.resolve("images").toString()).exitCode()).isZero();
        // One row per class in an answer: u01 A{a} B{a}; u02 A{a,b} B{b}; u03 A{b} B{a,b}; u04 A{a} B{b}.
        Path file = Files.writeString(dir.resolve("multi.csv"), "item,annotator,label\nu01.png,A,a\nu01.png,B,a\n"
                + "u02.png,A,a\nu02.png,A,b\nu02.png,B,b\nu03.png,A,b\nu03.png,B,a\nu03.png,B,b\nu04.png,A,a\n"
                + "u04.png,B,b\n");
        CliRunner.Result imported = CliRunner.run("labels", "import", multi, "--file", file.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        CliRunner.Result result = CliRunner.run("agreement", multi, "--bootstrap", "0", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode perClass = JSON.readTree(result.out());
        assertThat(perClass).extracting(g -> g.get("group").asText()).containsExactly("a", "b");
        // Class a: (1,1) (1,0) (0,1) (1,0): o11 = 2, o01 = o10 = 3, n1 = 5, n0 = 3; alpha = 1 - (6/8) / (30/56).
        assertThat(perClass.get(0).get("percent_agreement").asDouble()).isEqualTo(0.25);
        assertThat(perClass.get(0).get("krippendorff_alpha").get("nominal").asDouble())
                .isCloseTo(1 - (6.0 / 8) / (30.0 / 56), within(1e-12));
        // Class b: (0,0) (1,1) (1,1) (0,1): o00 = 2, o11 = 4, o01 = o10 = 1; alpha = 1 - (2/8) / (30/56).
        assertThat(perClass.get(1).get("percent_agreement").asDouble()).isEqualTo(0.75);
        assertThat(perClass.get(1).get("krippendorff_alpha").get("nominal").asDouble())
                .isCloseTo(1 - (2.0 / 8) / (30.0 / 56), within(1e-12));
        JsonNode hlp = JSON.readTree(CliRunner.run("hlp", multi, "--bootstrap", "0", "--json").out());
        assertThat(hlp).extracting(g -> g.get("hlp").asDouble()).containsExactly(0.25, 0.75);

        for (String[] args : new String[][] {{"agreement", multi, "--by", "annotator"},
            {"hlp", multi, "--by", "attr:folder"}}) {
            CliRunner.Result refused = CliRunner.run(args);
            assertThat(refused.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(refused.err().strip()).as(String.join(" ", args)).startsWith("error: " + multi + ": ")
                    .contains("a multi-label project is measured per class");
        }
    }

    @Test
    void weightedKappaForOrderedClassesMatchesScikitLearn() throws Exception {
        String[] a = {"1", "2", "3", "3", "2", "1", "4", "1", "2", "5", "1", "3"};
        String[] b = {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", "2", "4"};
        StringBuilder csv = new StringBuilder();
        for (int u = 0; u < a.length; u++) {
            csv.append(String.format("u%02d.png,A,%s%nu%02d.png,B,%s%n", u + 1, a[u], u + 1, b[u]));
        }
        labels(csv.toString());
        JsonNode cohen = agreement().get("cohen_kappa");
        // sklearn.metrics.cohen_kappa_score(a, b, weights=..., labels=[1, 2, 3, 4, 5]), scikit-learn 1.2.1.
        assertThat(cohen.get("mean").asDouble()).isCloseTo(0.6785714285714286, within(1e-12));
        assertThat(cohen.get("weighted_linear").asDouble()).isCloseTo(0.8163265306122449, within(1e-12));
        assertThat(cohen.get("weighted_quadratic").asDouble()).isCloseTo(0.9174311926605505, within(1e-12));
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
