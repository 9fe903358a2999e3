package org.labelbench.ui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbench.testing.TestMedia;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

class MarkdownViewTest extends ApplicationTest {
    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
    }

    @TempDir
    Path folder;

    @Test
    void rendersHeadingsEmphasisListsAndCode() throws Exception {
        MarkdownView view = onFx(MarkdownView::new);
        onFx(() -> {
            view.setMarkdown("# Shirt or T-shirt\n\nA **shirt** has *buttons* or a `collar`.\n\n"
                    + "- long sleeves\n- a placket\n\n1. look at the neck\n2. then the sleeves\n\n```\nraw\n```");
            return null;
        });
        List<javafx.scene.Node> blocks = view.renderedContent().getChildren();
        assertThat(blocks).hasSize(5);
        assertThat(text(blocks.get(0))).isEqualTo("Shirt or T-shirt");
        assertThat(blocks.get(0).getStyleClass()).contains("md-h1");
        assertThat(text(blocks.get(1))).isEqualTo("A shirt has buttons or a collar.");
        List<Text> runs = texts(blocks.get(1));
        assertThat(runs.stream().filter(t -> t.getText().equals("shirt")).findFirst().orElseThrow().getStyleClass())
                .contains("md-strong");
        assertThat(runs.stream().filter(t -> t.getText().equals("collar")).findFirst().orElseThrow().getStyleClass())
                .contains("md-code");
        assertThat(labels(blocks.get(2))).contains("\u2022");
        assertThat(text(blocks.get(2))).contains("long sleeves", "a placket");
        assertThat(labels(blocks.get(3))).contains("1.", "2.");
        assertThat(((Label) blocks.get(4)).getText()).isEqualTo("raw");
    }

    @Test
    void showsImagesInsideTheProjectAndAltTextOtherwise() throws Exception {
        TestMedia.png(folder.resolve("img/shirt.png"), 8, 8, 1);
        MarkdownView view = onFx(MarkdownView::new);
        onFx(() -> {
            view.setBaseDirectory(folder);
            view.setMarkdown("![a shirt](img/shirt.png) ![outside](../etc/passwd.png) ![gone](img/none.png)");
            return null;
        });
        TextFlow paragraph = (TextFlow) view.renderedContent().getChildren().get(0);
        assertThat(paragraph.getChildren().stream().filter(ImageView.class::isInstance)).hasSize(1);
        assertThat(text(paragraph)).contains("[image: outside]", "[image: gone]");
    }

    private static String text(javafx.scene.Node node) {
        StringBuilder all = new StringBuilder();
        texts(node).forEach(t -> all.append(t.getText()));
        return all.toString();
    }

    private static List<Text> texts(javafx.scene.Node node) {
        List<Text> found = new ArrayList<>();
        if (node instanceof Text text) {
            found.add(text);
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> found.addAll(texts(child)));
        }
        return found;
    }

    private static List<String> labels(javafx.scene.Node node) {
        List<String> found = new ArrayList<>();
        if (node instanceof Label label) {
            found.add(label.getText());
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> found.addAll(labels(child)));
        }
        return found;
    }
}
