package org.labelbench.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.labelbench.ui.WorkbenchTestBase;

/** The Slices and runs window closes with Esc, as a dialog does, and the analysis stays. */
class SlicesAndRunsKeysTest extends WorkbenchTestBase {

    @Test
    void escapeClosesTheWindow() throws Exception {
        openProject(AnalysisProjects.clothesWithTwoRuns(dir));
        clickOn("#analysisNav");
        waitUntil(() -> text("#analysisSummaryLabel").startsWith("Accuracy"));

        clickOn("#slicesAndRunsButton");
        waitUntil(() -> slicesWindow() != null && slicesWindow().isFocused());
        clickOn("Compare runs"); // focus inside the window, on a control that has no use for Esc
        type(KeyCode.ESCAPE);

        waitUntil(() -> slicesWindow() == null);
        assertThat(onFx(() -> lookup("#analysisSummaryLabel").query().isVisible())).isTrue();
    }

    private Stage slicesWindow() {
        return onFx(() -> Window.getWindows().stream()
                .filter(window -> window instanceof Stage other && other != stage && other.isShowing()
                        && other.getScene() != null && other.getScene().lookup("#slicesAndRunsTabs") != null)
                .map(window -> (Stage) window).findFirst().orElse(null));
    }
}
