package org.labelbench.ui.markdown;

import java.nio.file.Path;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Guideline text rendered from Markdown (CommonMark) into JavaFX nodes: headings, paragraphs
 * with emphasis and code, lists, quotes, code blocks and images relative to the project folder.
 * Plain nodes instead of a WebView keep the theme's fonts and colours and need no browser engine.
 */
public final class MarkdownView extends ScrollPane {
    private static final Parser PARSER = Parser.builder().build();

    private final VBox content = new VBox(8);
    private Path baseDirectory;
    private String markdown = "";

    public MarkdownView() {
        getStyleClass().add("markdown-view");
        content.getStyleClass().add("markdown-content");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    /** Replaces the shown text. Null shows nothing. */
    public void setMarkdown(String text) {
        markdown = text == null ? "" : text;
        render();
    }

    public String getMarkdown() {
        return markdown;
    }

    /** Where relative image links point (the project folder). */
    public void setBaseDirectory(Path directory) {
        baseDirectory = directory;
        render();
    }

    /** The rendered block nodes, for tests and for callers that embed them elsewhere. */
    public VBox renderedContent() {
        return content;
    }

    private void render() {
        Node document = PARSER.parse(markdown);
        content.getChildren().setAll(new MarkdownRenderer(baseDirectory).blocks(document));
    }
}
