package org.labelbench.ui.label;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.labeling.Guideline;
import org.labelbench.labeling.GuidelineExample;

/** The guideline beside the item while labeling: its version in the header, its text and examples, and whether the pane shows. */
public final class ShownGuideline {
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper markdown = new ReadOnlyStringWrapper("");
    private final ObservableList<GuidelineExample> examples = FXCollections.observableArrayList();
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final Path directory;

    ShownGuideline(Path directory) {
        this.directory = directory;
    }

    /** The project's current guideline; null when none was written yet. */
    void show(Guideline guideline) {
        if (guideline == null) {
            version.set("No guideline yet");
            markdown.set("*No guideline has been written for this project yet.*");
            examples.clear();
        } else {
            version.set("Guideline v" + guideline.version());
            markdown.set(guideline.markdown());
            examples.setAll(guideline.examples());
        }
    }

    /** Where the guideline's relative links and the examples' files are: the project's folder. */
    public Path directory() {
        return directory;
    }

    /** "Guideline v3", or "No guideline yet". */
    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty markdownProperty() {
        return markdown.getReadOnlyProperty();
    }

    public ObservableList<GuidelineExample> examples() {
        return examples;
    }

    /** F1 toggles the guideline pane. */
    public BooleanProperty shownProperty() {
        return shown;
    }
}
