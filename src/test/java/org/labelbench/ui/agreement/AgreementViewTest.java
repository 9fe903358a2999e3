package org.labelbench.ui.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.labelbench.agreement.AgreementReport;
import org.labelbench.agreement.AnnotatorAgreement;
import org.labelbench.agreement.HumanLevelPerformance;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.agreement.Slices;
import org.labelbench.project.ProjectStore;
import org.labelbench.ui.AppTheme;
import org.labelbench.ui.ControllerFactory;
import org.labelbench.ui.FxmlView;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.WorkbenchTestBase;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Agreement view in the real workbench window (headless), as a lead uses it: open the
 * project, click "Agreement", read the figures, the weakest class, a slice, the guideline chart.
 * What it shows is checked against the core's figures on the same labels.
 */
class AgreementViewTest extends WorkbenchTestBase {

    /** The figures the core computes, read before the workbench opens the project. */
    private record Expected(String alpha, String alphaInterval, String weakestClass, List<String> northSouthHlp,
            String leastAgreeingAnnotator) {
    }

    private static Expected expected(Path project) {
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            return store.read(tx -> {
                LabelMatrix matrix = LabelMatrix.read(tx);
                AgreementReport report = AgreementReport.of(matrix, 1000, 1);
                String weakest = IntStream.range(0, matrix.classes().size()).boxed()
                        .min(Comparator.comparing(i -> AgreementReport.of(matrix.oneVsRest(i), 0, 1).alphaNominal()
                                .value())).map(matrix.classes()::get).orElseThrow();
                List<String> hlp = Slices.of(tx, matrix, "attr:site").values().stream()
                        .map(units -> format(HumanLevelPerformance.of(matrix.select(units), 0, 1).hlp().value()))
                        .toList();
                String leastAgreeing = AnnotatorAgreement.of(matrix).stream()
                        .min(Comparator.comparing(row -> row.agreementWithOthers().value()))
                        .map(AnnotatorAgreement::annotator).orElseThrow();
                return new Expected(format(report.alphaNominal().value()), "95 % CI "
                        + format(report.alphaNominalInterval().orElseThrow().low()) + "–"
                        + format(report.alphaNominalInterval().orElseThrow().high()), weakest, hlp, leastAgreeing);
            });
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    @Test
    void aLeadReadsAgreementFromTheNavigation() throws Exception {
        Path project = AgreementProjects.singleLabel(dir);
        Expected expected = expected(project);
        openProject(project);

        clickOn("#agreementNav");

        waitForText("#alphaCard .figure-value", expected.alpha());
        waitForText("#alphaCard .figure-interval", expected.alphaInterval());
        assertThat(text("#unitsCard .figure-value")).isEqualTo("58");
        assertThat(text("#hlpCard .figure-detail")).isEqualTo("58 items: 2 with gold, 56 pairwise");
        assertThat(cells("class-name-column").get(0)).as("weakest class first").isEqualTo(expected.weakestClass());
        assertThat(cells("class-name-column")).hasSize(3);
        assertThat(cells("annotator-name-column").get(0)).as("the annotator who agrees least first")
                .isEqualTo(expected.leastAgreeingAnnotator());

        // The slice table follows the attribute chosen.
        waitUntil(() -> cells("slice-name-column").equals(List.of("a", "b")));
        reveal("#sliceChoice");
        clickOn("#sliceChoice");
        // The popup's entry, not the hidden Items table's "site" column header.
        clickPopupEntry("site");
        waitUntil(() -> cells("slice-name-column").equals(List.of("north", "south")));
        assertThat(cells("slice-hlp-column")).containsExactlyElementsOf(expected.northSouthHlp());

        // One point per guideline version on each line; "mixed" is only in the table under it.
        @SuppressWarnings("unchecked")
        LineChart<String, Number> chart = (LineChart<String, Number>) lookup("#guidelineChart").query();
        assertThat(onFx(() -> ((CategoryAxis) chart.getXAxis()).getCategories())).containsExactly("v1", "v2");
        assertThat(onFx(() -> chart.getData().stream().map(XYChart.Series::getName).toList()))
                .containsExactly("Krippendorff's α (nominal)", "HLP");
        assertThat(onFx(() -> chart.getData().stream().map(series -> series.getData().size()).toList()))
                .containsExactly(2, 2);
        assertThat(cells("version-name-column")).containsExactly("v1", "v2", "mixed");
        assertThat(onFx(() -> lookup(".confusion-cell").queryAll().size())).isEqualTo(9);
    }

    /** A red cell of the confusion map opens the disagreements browser on the items with that pair of classes. */
    @Test
    void aConfusionCellOpensTheDisagreementsOfThatPair() throws Exception {
        openProject(AgreementProjects.singleLabel(dir));
        clickOn("#agreementNav");
        waitUntil(() -> lookup(".confusion-cell").queryAll().size() == 9);
        Node catBird = onFx(() -> lookup(".confusion-cell").queryAll().stream()
                .filter(node -> node.getAccessibleText() != null && node.getAccessibleText().startsWith("cat × bird:"))
                .findFirst().orElseThrow());
        reveal(".confusion-map");

        clickOn(catBird);

        // Ben called five birds cats (items 2, 8, 14, 20, 26); the lead adjudicated 2 and 8.
        waitForText("#disagreementCountLabel", "5 contested, 2 resolved · 'cat' with 'bird'");
    }

    @Test
    void withoutOverlapTheViewSaysSoInOneLine() throws TimeoutException {
        openProject(AgreementProjects.oneAnnotator(dir));

        clickOn("#agreementNav");

        waitForText("#agreementMessage", "Not enough overlap: no item has labels from two or more annotators");
        assertThat(onFx(() -> isShowing(lookup("#agreementContent").query()))).isFalse();
    }

    @Test
    void reviewDisagreementsCallsTheHook() throws Exception {
        Path project = AgreementProjects.singleLabel(dir);
        AtomicInteger opened = new AtomicInteger();
        try (ProjectStore store = ProjectStore.openReadOnly(project);
                UiExecutors executors = UiExecutors.background()) {
            AgreementViewModel viewModel = new AgreementViewModel(new AgreementCatalog(store), executors);
            Stage[] shown = new Stage[1];
            Platform.runLater(() -> {
                viewModel.setOnOpenDisagreements(opened::incrementAndGet);
                FxmlView<AgreementController> view = FxmlView.load("/org/labelbench/ui/agreement/AgreementView.fxml",
                        new ControllerFactory().register(AgreementController.class,
                                () -> new AgreementController(viewModel)));
                Scene scene = new Scene(view.root(), 1200, 800);
                scene.getStylesheets().add(AppTheme.stylesheetUrl());
                shown[0] = new Stage();
                shown[0].setScene(scene);
                shown[0].show();
                viewModel.reload();
            });
            waitUntil(() -> shown[0] != null
                    && shown[0].getScene().lookup("#reviewDisagreementsButton") instanceof Button b
                    && isShowing(b) && !b.isDisabled());

            clickOn(onFx(() -> shown[0].getScene().lookup("#reviewDisagreementsButton")));

            assertThat(opened.get()).isEqualTo(1);
            viewModel.dispose();
        }
    }

    /** The texts a table column shows, top to bottom. */
    private List<String> cells(String columnId) {
        return onFx(() -> lookup(".table-cell").queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                        && columnId.equals(cell.getTableColumn().getId()) && cell.isVisible() && !cell.isEmpty()
                        && cell.getTableRow() != null && !cell.getTableRow().isEmpty())
                .map(node -> (TableCell<?, ?>) node)
                .sorted(Comparator.comparingInt(TableCell::getIndex))
                .map(Labeled::getText).toList());
    }

    /** Scrolls the page so {@code query} is on screen, as a user scrolls before clicking. */
    private void reveal(String query) {
        onFx(() -> {
            ScrollPane page = (ScrollPane) lookup("#agreementContent").query();
            Node target = lookup(query).query();
            Bounds inContent = page.getContent().sceneToLocal(target.localToScene(target.getBoundsInLocal()));
            double hidden = page.getContent().getBoundsInLocal().getHeight() - page.getViewportBounds().getHeight();
            if (hidden > 0) {
                page.setVvalue(Math.min(1, Math.max(0, (inContent.getMinY() - 40) / hidden)));
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
