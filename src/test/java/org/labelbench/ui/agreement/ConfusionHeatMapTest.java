package org.labelbench.ui.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.labelbench.agreement.CoincidenceMatrix;
import org.labelbench.agreement.Ratings;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** The confusion map of a big project: every count whole, however many digits it has. */
class ConfusionHeatMapTest extends ApplicationTest {
    private final ConfusionHeatMap map = new ConfusionHeatMap();

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(map), 600, 400));
        stage.show();
    }

    @Test
    void countsOfSixDigitsAreNotCut() {
        // 71,429 items labeled cat by two annotators, and one cat/dog pair: 142,858 cat-cat pairs.
        int units = 71_430;
        int[] values = new int[units * 2];
        values[values.length - 1] = 1;
        Coincidences coincidences = new Coincidences(List.of("cat", "dog"),
                CoincidenceMatrix.of(Ratings.of(units, 2, values, 2)));
        interact(() -> map.show(coincidences));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> shown = lookup(".confusion-cell").queryAllAs(Label.class).stream()
                .filter(cell -> !cell.getText().isEmpty())
                .map(cell -> ((javafx.scene.text.Text) cell.lookup(".text")).getText()).toList();
        assertThat(shown).contains("142,858");
        assertThat(shown).noneMatch(text -> text.endsWith("…") || text.endsWith("..."));
    }
}
