package org.labelbench.ui.start;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.project.BadInputException;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.RecentProjects;
import org.labelbench.project.SampleProjects;

/** The start screen: the new-project form, recent projects and sample projects. */
public final class StartViewModel {
    /** Shown when no samples are found: how to get them. */
    public static final String NO_SAMPLES_HINT = "No sample projects found. Build them with"
            + " sample-projects/build-samples.sh (see sample-projects/README.md), then restart.";

    private final StringProperty projectName = new SimpleStringProperty("");
    private final StringProperty classes = new SimpleStringProperty("");
    private final BooleanProperty multiLabel = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<Path> recentProjects;
    private final ObservableList<String> samples;
    private final ProjectOpener opener;

    public StartViewModel(RecentProjects recent, SampleProjects sampleProjects, ProjectOpener opener) {
        this.opener = opener;
        this.recentProjects = FXCollections.observableArrayList(recent.list());
        this.samples = FXCollections.observableArrayList(available(sampleProjects));
    }

    /** The form's settings if they are valid; otherwise empty, with {@link #formErrorProperty()} saying why. */
    public Optional<ProjectSettings> validatedSettings() {
        try {
            // The name is checked before the classes: the form reads top-down, so do its errors.
            ProjectSettings named = new ProjectSettings(projectName.get().strip(), List.of(), multiLabel.get());
            List<String> classList = LabelClassRepository.parseList(classes.get());
            ProjectSettings settings = new ProjectSettings(named.name(), classList, named.multiLabel());
            formError.set("");
            return Optional.of(settings);
        } catch (BadInputException e) {
            formError.set(sentence(e.getMessage()));
            return Optional.empty();
        }
    }

    /** "Street Signs" → "Street-Signs.lbproj": what the save dialog proposes. */
    public String suggestedFileName() {
        String base = projectName.get().strip().replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return (base.isEmpty() ? "project" : base) + ProjectStore.EXTENSION;
    }

    public void create(Path file, ProjectSettings settings) {
        Path target = file.getFileName().toString().endsWith(ProjectStore.EXTENSION) ? file
                : file.resolveSibling(file.getFileName() + ProjectStore.EXTENSION);
        whileBusy(() -> opener.create(target, settings));
    }

    public void open(Path projectFile) {
        whileBusy(() -> opener.open(projectFile));
    }

    public void openSample(String name) {
        whileBusy(() -> opener.openSample(name));
    }

    private void whileBusy(Supplier<CompletionStage<Boolean>> action) {
        if (busy.get()) {
            return; // one open at a time: a double-click must not open the project twice
        }
        busy.set(true);
        action.get().whenComplete((opened, error) -> busy.set(false));
    }

    public StringProperty projectNameProperty() {
        return projectName;
    }

    public StringProperty classesProperty() {
        return classes;
    }

    public BooleanProperty multiLabelProperty() {
        return multiLabel;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<Path> recentProjects() {
        return recentProjects;
    }

    public ObservableList<String> samples() {
        return samples;
    }

    private static List<String> available(SampleProjects sampleProjects) {
        try {
            return sampleProjects.available();
        } catch (RuntimeException e) {
            return List.of(); // an unreadable samples folder only costs the shortcuts
        }
    }

    private static String sentence(String message) {
        if (message == null || message.isEmpty()) {
            return "Invalid input";
        }
        return message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
    }
}
