package org.labelbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.labelbench.bench.SyntheticProject;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Deep jumps in the Items table of a 1M-item project, in the real window (headless):
 * {@code ./mvnw -o -Pbench test -Dtest=ItemsJumpBenchmarkTest [-Dlabelbench.benchProject=FILE]}
 * (FILE: a project {@code bench open --dir} kept; without it one is built here, ~2 minutes).
 * Per jump, from the "go to row" field's action (Enter) to the first frame with the target
 * row's key on screen; then a thumb drag
 * (the scroll bar moved 40 times, 10 ms apart) to the rows at the end of it on screen. Prints one
 * JSON line; asserts only that the work was done, never a time.
 */
@Tag("bench")
class ItemsJumpBenchmarkTest extends WorkbenchTestBase {
    private static final int ITEMS = 1_000_000;

    @Test
    void jumpsDeepIntoAMillionItems() throws Exception {
        String given = System.getProperty("labelbench.benchProject");
        Path project = given != null && Files.exists(Path.of(given)) ? Path.of(given) : dir.resolve("jump.lbproj");
        if (!Files.exists(project)) {
            SyntheticProject.build(project, ITEMS);
        }
        openProject(project);
        waitUntil(() -> text(".count-label").equals("Showing 1,000,000 of 1,000,000 items"));
        waitUntil(() -> visibleKeys().contains(key(1)));

        List<Double> jumps = new ArrayList<>();
        javafx.scene.Scene scene = onFx(() -> stage.getScene());
        javafx.scene.control.TextField field = onFx(() -> (javafx.scene.control.TextField) lookup("#goToRowField")
                .query());
        for (int row : new int[] {500_001, 250_001, 999_961, 123_457, 750_001, 2}) {
            String target = key(row);
            long[] start = new long[1];
            long[] shown = new long[1];
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            // Checked after each layout pulse: the time is the first frame with the target row's key on screen.
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                if (shown[0] == 0 && visibleKeysNow().contains(target)) {
                    shown[0] = System.nanoTime();
                    done.countDown();
                }
            };
            onFx(() -> {
                scene.addPostLayoutPulseListener(check[0]);
                field.setText(String.valueOf(row));
                start[0] = System.nanoTime();
                field.fireEvent(new javafx.event.ActionEvent());
                return null;
            });
            assertThat(done.await(30, TimeUnit.SECONDS)).as("row " + row + " shown").isTrue();
            onFx(() -> {
                scene.removePostLayoutPulseListener(check[0]);
                return null;
            });
            jumps.add((shown[0] - start[0]) / 1e6);
        }

        ScrollBar bar = onFx(() -> lookup(".items-table .scroll-bar").queryAll().stream()
                .filter(node -> node instanceof ScrollBar s && s.getOrientation() == Orientation.VERTICAL)
                .map(node -> (ScrollBar) node).findFirst().orElseThrow());
        for (int step = 0; step <= 40; step++) {
            double value = 0.1 + 0.8 * step / 40.0;
            onFx(() -> {
                bar.setValue(value * bar.getMax());
                return null;
            });
            Thread.sleep(10);
        }
        long dragEnd = System.nanoTime();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> {
            List<String> keys = visibleKeys();
            return !keys.isEmpty() && keys.stream().noneMatch("…"::equals) && keys.get(0).startsWith("img/0")
                    && Integer.parseInt(keys.get(0).substring(4, 11)) > 850_000;
        }));
        double dragMillis = (System.nanoTime() - dragEnd) / 1e6;

        List<Double> sorted = jumps.stream().sorted().toList();
        System.out.println(String.format(Locale.ROOT, "BENCH {\"suite\":\"items-jump\",\"items\":%d,"
                + "\"jumps_ms\":%s,\"jump_median_ms\":%.1f,\"jump_max_ms\":%.1f,\"drag_to_rows_ms\":%.1f}",
                ITEMS, jumps.stream().map(j -> String.format(Locale.ROOT, "%.1f", j)).toList(),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), dragMillis));
        assertThat(jumps).hasSize(6);
    }

    /** The key cells on screen; on the FX thread (inside a pulse listener). */
    private List<String> visibleKeysNow() {
        return lookup(".items-table .table-cell").queryAll().stream()
                .filter(node -> node instanceof javafx.scene.control.TableCell<?, ?> cell
                        && cell.getTableColumn() != null && "key-column".equals(cell.getTableColumn().getId())
                        && cell.isVisible() && !cell.isEmpty() && cell.getTableRow() != null
                        && cell.getTableRow().isVisible())
                .map(node -> ((javafx.scene.control.Labeled) node).getText()).toList();
    }

    private static String key(int row) {
        return String.format(Locale.ROOT, "img/%07d.png", row);
    }
}
