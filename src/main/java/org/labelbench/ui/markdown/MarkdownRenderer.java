package org.labelbench.ui.markdown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;

/** Turns a CommonMark tree into JavaFX nodes styled by classes in workbench.css (md-*). */
final class MarkdownRenderer {
    private final Path baseDirectory;

    MarkdownRenderer(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    List<javafx.scene.Node> blocks(Node parent) {
        List<javafx.scene.Node> nodes = new ArrayList<>();
        for (Node block = parent.getFirstChild(); block != null; block = block.getNext()) {
            javafx.scene.Node rendered = block(block);
            if (rendered != null) {
                nodes.add(rendered);
            }
        }
        return nodes;
    }

    private javafx.scene.Node block(Node block) {
        if (block instanceof Heading heading) {
            TextFlow flow = inline(heading);
            flow.getStyleClass().addAll("md-heading", "md-h" + Math.min(heading.getLevel(), 4));
            return flow;
        }
        if (block instanceof Paragraph paragraph) {
            TextFlow flow = inline(paragraph);
            flow.getStyleClass().add("md-paragraph");
            return flow;
        }
        if (block instanceof BulletList || block instanceof OrderedList) {
            return list(block);
        }
        if (block instanceof BlockQuote quote) {
            VBox box = new VBox(6);
            box.getStyleClass().add("md-quote");
            box.getChildren().setAll(blocks(quote));
            return box;
        }
        if (block instanceof FencedCodeBlock fenced) {
            return codeBlock(fenced.getLiteral());
        }
        if (block instanceof IndentedCodeBlock indented) {
            return codeBlock(indented.getLiteral());
        }
        if (block instanceof ThematicBreak) {
            return new Separator();
        }
        if (block instanceof HtmlBlock html) {
            // Guidelines are text, not web pages: raw HTML is shown as written.
            return codeBlock(html.getLiteral());
        }
        return null;
    }

    private VBox list(Node list) {
        VBox box = new VBox(4);
        box.getStyleClass().add("md-list");
        int number = list instanceof OrderedList ordered ? ordered.getStartNumber() : 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Label marker = new Label(list instanceof OrderedList ? (number++) + "." : "\u2022");
            marker.getStyleClass().add("md-list-marker");
            marker.setMinWidth(18);
            VBox body = new VBox(4);
            body.getChildren().setAll(blocks(item));
            HBox.setHgrow(body, Priority.ALWAYS);
            HBox row = new HBox(6, marker, body);
            box.getChildren().add(row);
        }
        return box;
    }

    private static Label codeBlock(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.getStyleClass().add("md-code-block");
        code.setWrapText(true);
        code.setMaxWidth(Double.MAX_VALUE);
        return code;
    }

    private TextFlow inline(Node parent) {
        TextFlow flow = new TextFlow();
        appendInline(flow, parent, false, false);
        return flow;
    }

    private void appendInline(TextFlow flow, Node parent, boolean bold, boolean italic) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Text text) {
                flow.getChildren().add(styled(text.getLiteral(), bold, italic));
            } else if (node instanceof Emphasis) {
                appendInline(flow, node, bold, true);
            } else if (node instanceof StrongEmphasis) {
                appendInline(flow, node, true, italic);
            } else if (node instanceof Code code) {
                Text text = new Text(code.getLiteral());
                text.getStyleClass().addAll("md-text", "md-code");
                flow.getChildren().add(text);
            } else if (node instanceof SoftLineBreak) {
                flow.getChildren().add(styled(" ", bold, italic));
            } else if (node instanceof HardLineBreak) {
                flow.getChildren().add(styled("\n", bold, italic));
            } else if (node instanceof Link link) {
                int before = flow.getChildren().size();
                appendInline(flow, link, bold, italic);
                flow.getChildren().subList(before, flow.getChildren().size())
                        .forEach(n -> n.getStyleClass().add("md-link"));
            } else if (node instanceof org.commonmark.node.Image image) {
                flow.getChildren().add(image(image));
            } else if (node instanceof HtmlInline html) {
                flow.getChildren().add(styled(html.getLiteral(), bold, italic));
            } else {
                appendInline(flow, node, bold, italic);
            }
        }
    }

    /** An image relative to the project folder, loaded in the background; its alt text if it is not there. */
    private javafx.scene.Node image(org.commonmark.node.Image image) {
        String destination = image.getDestination();
        if (baseDirectory != null && destination != null && !destination.contains(":")) {
            Path file = baseDirectory.resolve(destination).normalize();
            if (file.startsWith(baseDirectory.normalize()) && Files.isRegularFile(file)) {
                ImageView view = new ImageView(new Image(file.toUri().toString(), 320, 320, true, true, true));
                view.getStyleClass().add("md-image");
                return view;
            }
        }
        StringBuilder alt = new StringBuilder();
        for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Text text) {
                alt.append(text.getLiteral());
            }
        }
        Text missing = new Text("[image: " + (alt.length() > 0 ? alt : destination) + "]");
        missing.getStyleClass().addAll("md-text", "md-missing-image");
        return missing;
    }

    private static Text styled(String literal, boolean bold, boolean italic) {
        Text text = new Text(literal);
        text.getStyleClass().add("md-text");
        if (bold) {
            text.getStyleClass().add("md-strong");
        }
        if (italic) {
            text.getStyleClass().add("md-emphasis");
        }
        return text;
    }
}
