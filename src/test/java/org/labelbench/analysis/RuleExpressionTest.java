package org.labelbench.analysis;

import java.sql.Connection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelbench.analysis.ProjectRows.annotator;
import static org.labelbench.analysis.ProjectRows.attr;
import static org.labelbench.analysis.ProjectRows.classId;
import static org.labelbench.analysis.ProjectRows.exec;
import static org.labelbench.analysis.ProjectRows.importBatch;
import static org.labelbench.analysis.ProjectRows.item;
import static org.labelbench.analysis.ProjectRows.label;
import static org.labelbench.analysis.ProjectRows.multi;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ItemCondition;
import org.labelbench.project.PredictionRepository;
import org.labelbench.project.ProbabilitySqlFunction;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;

/**
 * Rule expressions: the grammar, the errors (with their columns), and what each field family
 * selects, run as SQL on a real project file built row by row.
 */
class RuleExpressionTest {
    @TempDir
    Path dir;
    ProjectStore store;
    RuleContext context;

    /*
     * Items, with their labels by ana / ben / cy (newest first where one changed their mind) and run m1:
     *   small.png 32x32    noise=car  note=' OR 1=1 --    cat / cat          m1: cat 0.9
     *   wide.png  200x50   noise=rain weight=12.5         cat / dog          m1: dog 0.4 (tie: no truth)
     *   big.png   640x480  weight=3   note=it's "quoted"  dog / cat / dog    adjudicated cat; m1: dog 0.6
     *   long.wav  3000 ms  noise=car  weight=n/a          cat (was fox)      m1: fox 0.3
     *   short.wav 500 ms   weight=12 kg                   (ana cleared dog)  no prediction
     */
    @BeforeEach
    void setUp() {
        store = ProjectStore.create(dir.resolve("p.lbproj"), new ProjectSettings("t", List.of("cat", "dog", "fox"),
                false));
        store.write(tx -> {
            importBatch(tx);
            item(tx, 1, "small.png", "image", 32, 32, null);
            item(tx, 2, "wide.png", "image", 200, 50, null);
            item(tx, 3, "big.png", "image", 640, 480, null);
            item(tx, 4, "long.wav", "audio", null, null, 3000);
            item(tx, 5, "short.wav", "audio", null, null, 500);
            attr(tx, 1, "noise", "car");
            attr(tx, 1, "note", "' OR 1=1 --");
            attr(tx, 2, "noise", "rain");
            attr(tx, 2, "weight", "12.5");
            attr(tx, 3, "weight", "3");
            attr(tx, 3, "note", "it's \"quoted\"");
            attr(tx, 4, "noise", "car");
            attr(tx, 4, "weight", "n/a");
            attr(tx, 5, "weight", "12 kg");
            annotator(tx, 1, "ana");
            annotator(tx, 2, "ben");
            annotator(tx, 3, "cy");
            label(tx, 1, 1, "class", "cat", "human");
            label(tx, 1, 2, "class", "cat", "import");
            label(tx, 2, 1, "class", "cat", "human");
            label(tx, 2, 2, "class", "dog", "human");
            label(tx, 3, 1, "class", "dog", "human");
            label(tx, 3, 2, "class", "cat", "human");
            label(tx, 3, 3, "class", "dog", "accepted-suggestion");
            label(tx, 3, 3, "class", "cat", "adjudicated");
            label(tx, 4, 1, "class", "fox", "human");
            label(tx, 4, 1, "class", "cat", "human");
            label(tx, 5, 1, "class", "dog", "human");
            label(tx, 5, 1, "clear", null, "human");
            PredictionRepository predictions = new PredictionRepository();
            long run = predictions.createRun(tx, "m1", "import", null, null, null, "[\"cat\",\"dog\",\"fox\"]", "now",
                    null);
            predictions.insert(tx, run, List.of(
                    new PredictionRepository.NewPrediction(1, classId(tx, "cat"), 0.9, new float[] {0.9f, 0.05f, 0.05f}),
                    new PredictionRepository.NewPrediction(2, classId(tx, "dog"), 0.4, new float[] {0.3f, 0.4f, 0.3f}),
                    new PredictionRepository.NewPrediction(3, classId(tx, "dog"), 0.6, new float[] {0.4f, 0.6f, 0f}),
                    new PredictionRepository.NewPrediction(4, classId(tx, "fox"), 0.3, null)));
            Map<String, Long> classes = new LinkedHashMap<>();
            for (String name : List.of("cat", "dog", "fox")) {
                classes.put(name, classId(tx, name));
            }
            context = new RuleContext(classes, new RuleContext.Run(run, "m1", List.of("cat", "dog", "fox")),
                    Set.of("noise", "note", "weight"));
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void mediaFieldsAndTheGrammar() {
        assertThat(keys("width < 64")).containsExactly("small.png");
        assertThat(keys("media == \"audio\" and duration_ms > 2000")).containsExactly("long.wav");
        assertThat(keys("width >= 200 or duration_ms <= 500")).containsExactly("wide.png", "big.png", "short.wav");
        // and binds tighter than or; parentheses and not change that.
        assertThat(keys("width < 64 or width > 300 and height > 400")).containsExactly("small.png", "big.png");
        assertThat(keys("(width < 64 or width > 300) and height > 400")).containsExactly("big.png");
        assertThat(keys("NOT (media == \"image\") AND key != \"long.wav\"")).containsExactly("short.wav");
        assertThat(keys("width in [32, 640]")).containsExactly("small.png", "big.png");
        assertThat(keys("format == \"png\" and bytes > 0")).containsExactly("small.png", "wide.png", "big.png");
        assertThat(keys("key < \"c\"")).containsExactly("big.png");
        // A field the item does not have is neither true nor false: audio has no width, under not too.
        assertThat(keys("not width > 100")).containsExactly("small.png");
        assertThat(keys("width > -1e3")).containsExactly("small.png", "wide.png", "big.png");
    }

    @Test
    void attributesAreTextOrNumbersByTheLiteral() {
        assertThat(keys("attr.noise == \"car\"")).containsExactly("small.png", "long.wav");
        assertThat(keys("attr.noise == \"car\" and duration_ms > 2000")).containsExactly("long.wav");
        assertThat(keys("attr.noise != \"car\"")).containsExactly("wide.png");
        // Compared with a number, only values that are numbers count: "n/a" and "12 kg" are not 0 or 12.
        assertThat(keys("attr.weight > 5")).containsExactly("wide.png");
        assertThat(keys("attr.weight < 5")).containsExactly("big.png");
        assertThat(keys("attr.weight == 12.5")).containsExactly("wide.png");
        assertThat(keys("attr.weight in [\"n/a\", 3]")).containsExactly("big.png", "long.wav");
        assertThat(keys("attr.\"weight\" == \"12 kg\"")).containsExactly("short.wav");
    }

    @Test
    void valuesAreBoundNotSplicedIntoTheSql() {
        ItemCondition injection = RuleExpression.parse("attr.note == \"' OR 1=1 --\"").toSql(context);
        assertThat(injection.sql()).doesNotContain("1=1").doesNotContain("note");
        assertThat(injection.parameters()).containsExactly("note", "' OR 1=1 --");
        assertThat(keys("attr.note == \"' OR 1=1 --\"")).containsExactly("small.png");
        assertThat(keys("attr.note == \"it's \\\"quoted\\\"\"")).containsExactly("big.png");
        assertThat(keys("key == \"x' OR '1'='1\"")).isEmpty();
        // An attribute name is bound too: unchecked (as on a refresh), a hostile one matches nothing.
        RuleContext unchecked = new RuleContext(context.classIds(), context.run(), null);
        ItemCondition name = RuleExpression.parse("attr.\"x') OR 1=1 --\" == \"a\"").toSql(unchecked);
        assertThat(name.sql()).doesNotContain("1=1");
        assertThat(keys(name)).isEmpty();
    }

    @Test
    void labelFieldsReadEachAnnotatorsCurrentLabel() {
        // long.wav: ana's fox was replaced by cat; short.wav: ana cleared her label.
        assertThat(keys("label == \"cat\"")).containsExactly("small.png", "wide.png", "big.png", "long.wav");
        assertThat(keys("label == \"fox\"")).isEmpty();
        assertThat(keys("label != \"dog\"")).containsExactly("small.png", "long.wav");
        assertThat(keys("not label == \"dog\"")).containsExactly("small.png", "long.wav");
        assertThat(keys("label in [\"dog\", \"fox\"]")).containsExactly("wide.png", "big.png");
        assertThat(keys("labels >= 2")).containsExactly("small.png", "wide.png", "big.png");
        assertThat(keys("labels == 0")).containsExactly("short.wav");
        assertThat(keys("disagreement")).containsExactly("wide.png", "big.png");
        assertThat(keys("disagreement == false")).containsExactly("small.png", "long.wav", "short.wav");
        assertThat(keys("not disagreement and labels > 0")).containsExactly("small.png", "long.wav");
        // The adjudication is not an opinion: cy's adjudicated cat leaves cy's dog as cy's label.
        assertThat(keys("adjudicated == \"cat\"")).containsExactly("big.png");
        assertThat(keys("adjudicated != \"cat\"")).isEmpty();
    }

    @Test
    void predictionFieldsReadTheRun() {
        assertThat(keys("prediction == \"dog\"")).containsExactly("wide.png", "big.png");
        assertThat(keys("prediction != \"dog\"")).containsExactly("small.png", "long.wav");
        assertThat(keys("confidence < 0.5")).containsExactly("wide.png", "long.wav");
        assertThat(keys("p.dog > 0.35")).containsExactly("wide.png", "big.png");
        assertThat(keys("p.\"cat\" > 0.85")).containsExactly("small.png");
        // Truth: adjudicated, else the majority; wide.png is a tie (no truth), short.wav has no prediction.
        assertThat(keys("correct")).containsExactly("small.png");
        assertThat(keys("correct == false")).containsExactly("big.png", "long.wav");
        assertThat(keys("not correct")).containsExactly("big.png", "long.wav");
        assertThat(keys("prediction == \"dog\" and not correct and attr.weight < 5")).containsExactly("big.png");
    }

    @Test
    void multiLabelProjectsCompareClassSets() {
        store.write(tx -> {
            annotator(tx, 4, "dee");
            annotator(tx, 5, "eve");
            // small.png: dee {cat, dog}, eve {cat}; wide.png: dee {fox}, eve {fox}.
            multi(tx, 1, 4, "cat", "dog");
            multi(tx, 1, 5, "cat");
            multi(tx, 2, 4, "fox");
            multi(tx, 2, 5, "fox");
            // Drop the single-label opinions so only the sets count.
            exec(tx, "UPDATE annotation SET origin = 'auto' WHERE kind = 'class' AND origin <> 'adjudicated'");
            return null;
        });
        assertThat(keys("label == \"dog\"")).containsExactly("small.png");
        assertThat(keys("label == \"fox\" and labels == 2")).containsExactly("wide.png");
        assertThat(keys("disagreement")).containsExactly("small.png");
    }

    @Test
    void errorsNameTheColumnAndWhatWasExpected() {
        String fields = "fields: width, height, duration_ms, sample_rate, channels, bytes, media, format, key,"
                + " attr.NAME, label, labels, disagreement, adjudicated, prediction, confidence, p.CLASS, correct";
        String[][] cases = {
            {"width < ", "rule 'width < ': expected a value after '<' at column 9"},
            {"widht > 3", "rule 'widht > 3': unknown field 'widht' at column 1; " + fields},
            {"width > \"big\"", "rule 'width > \"big\"': expected a number after '>' at column 9, found \"big\""},
            {"(width > 3", "rule '(width > 3': expected ')' after '3' at column 11"},
            {"width > 3 3", "rule 'width > 3 3': expected 'and', 'or' or the end after '3' at column 11, found '3'"},
            {"width = 3", "rule 'width = 3': expected '==' to compare at column 7, found '='"},
            {"width > 3 and", "rule 'width > 3 and': expected a field after 'and' at column 14"},
            {"width in [1, 2", "rule 'width in [1, 2': expected ',' or ']' after '2' at column 15"},
            {"width in 1", "rule 'width in 1': expected '[' after 'in' at column 10, found '1'"},
            {"width", "rule 'width': expected a comparison after 'width' at column 6"},
            {"width # 2", "rule 'width # 2': unexpected character '#' at column 7"},
            {"attr.noise == \"car", "rule 'attr.noise == \"car': expected '\"' to close the string that starts at"
                + " column 15, at column 19"},
            {"attr == \"car\"", "rule 'attr == \"car\"': expected '.' and an attribute name after 'attr' at column 6,"
                + " found '=='"},
            {"attr.nose == \"x\"", "rule 'attr.nose == \"x\"': no attribute 'nose' at column 1; attributes: noise,"
                + " note, weight"},
            {"attr.noise == true", "rule 'attr.noise == true': expected a string or a number after '==' at column 15,"
                + " found 'true'"},
            {"media == \"video\"", "rule 'media == \"video\"': expected \"image\" or \"audio\" after '==' at column 10,"
                + " found \"video\""},
            {"label < \"cat\"", "rule 'label < \"cat\"': label takes ==, != or in, not '<' at column 7"},
            {"label == cat", "rule 'label == cat': expected a value after '==' at column 10, found 'cat'"},
            {"prediction == \"cow\"", "rule 'prediction == \"cow\"': no class 'cow' at column 15; classes: cat, dog, fox"},
            {"p.cow > 0.5", "rule 'p.cow > 0.5': no class 'cow' at column 1; classes: cat, dog, fox"},
            {"disagreement == 1", "rule 'disagreement == 1': expected true or false after '==' at column 17, found '1'"},
            {"correct > false", "rule 'correct > false': correct takes == or != (or stands alone), not '>' at column 9"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> RuleExpression.parse(c[0]).toSql(context)).as(c[0])
                    .isInstanceOf(BadInputException.class).hasMessage(c[1]);
        }
        assertThatThrownBy(() -> RuleExpression.parse("  ")).hasMessage("a rule needs an expression, such as: width < 64");
    }

    @Test
    void predictionFieldsNeedARunWithWhatTheyRead() {
        RuleExpression rule = RuleExpression.parse("width < 64 or confidence < 0.5 or p.cat > 0.1");
        assertThat(rule.predictionFields()).containsExactly("confidence", "p.cat");
        assertThat(RuleExpression.parse("attr.noise == \"car\"").predictionFields()).isEmpty();
        RuleContext withoutRun = new RuleContext(context.classIds(), null, context.attributes());
        assertThatThrownBy(() -> RuleExpression.parse("confidence < 0.5").toSql(withoutRun))
                .hasMessage("rule 'confidence < 0.5': confidence at column 1 reads predictions, and the project has no"
                        + " prediction run");
        RuleContext noProbabilities = new RuleContext(context.classIds(), new RuleContext.Run(1, "m0", List.of()),
                context.attributes());
        assertThatThrownBy(() -> RuleExpression.parse("p.cat > 0.5").toSql(noProbabilities))
                .hasMessage("rule 'p.cat > 0.5': p.cat at column 1: run 'm0' has no probabilities");
        RuleContext twoClasses = new RuleContext(context.classIds(), new RuleContext.Run(1, "m2",
                List.of("cat", "dog")), context.attributes());
        assertThatThrownBy(() -> RuleExpression.parse("p.fox > 0.5").toSql(twoClasses))
                .hasMessage("rule 'p.fox > 0.5': p.fox at column 1: run 'm2' has no probability of 'fox'; it has:"
                        + " cat, dog");
    }

    private List<String> keys(String rule) {
        return keys(RuleExpression.parse(rule).toSql(context));
    }

    /** The keys of the items meeting the condition, in id order. */
    private List<String> keys(ItemCondition condition) {
        return store.read(tx -> {
            Connection c = tx.connection();
            ProbabilitySqlFunction.register(c);
            List<String> keys = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT i.key FROM item i WHERE " + condition.sql()
                    + " ORDER BY i.id")) {
                for (int k = 0; k < condition.parameters().size(); k++) {
                    ps.setObject(k + 1, condition.parameters().get(k));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
            }
            return keys;
        });
    }
}
