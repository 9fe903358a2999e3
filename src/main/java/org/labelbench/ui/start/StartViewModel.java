package org.labelbench.ui.start;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectSettings;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.RecentProjects;
import org.labelbench.project.SampleProjects;
import org.labelbench.ui.Dialogs;

/** The start screen's state: the new-project form, recent projects, samples, and the last error. */
public final class StartViewModel {
    private final RecentProjects recent;
    private final SampleProjects samples;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty classes = new SimpleStringProperty("");
    private final BooleanProperty multiLabel = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();

    public StartViewModel(RecentProjects recent, SampleProjects samples) {
        this.recent = recent;
        this.samples = samples;
        recentProjects.setAll(recent.list());
    }

    /** Checks the form before a file dialog is shown; returns false with {@link #errorProperty} set. */
    public boolean validateForm() {
        try {
            new ProjectSettings(name.get(), LabelClassRepository.parseList(classes.get()), multiLabel.get());
            error.set("");
            return true;
        } catch (RuntimeException e) {
            error.set(Dialogs.reason(e));
            return false;
        }
    }

    public Optional<ProjectStore> create(Path file) {
        return attempt(() -> ProjectStore.create(file, new ProjectSettings(name.get(),
                LabelClassRepository.parseList(classes.get()), multiLabel.get())));
    }

    public Optional<ProjectStore> open(Path file) {
        return attempt(() -> ProjectStore.open(file));
    }

    public Optional<ProjectStore> openSample(String sample) {
        return attempt(() -> ProjectStore.open(samples.workingCopy(sample)));
    }

    private Optional<ProjectStore> attempt(java.util.function.Supplier<ProjectStore> action) {
        try {
            ProjectStore store = action.get();
            error.set("");
            return Optional.of(store);
        } catch (RuntimeException e) {
            error.set(Dialogs.reason(e));
            return Optional.empty();
        }
    }

    public List<String> sampleNames() {
        return samples.available();
    }

    public String suggestedFileName() {
        String base = name.get().strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return base.isEmpty() ? "project" : base;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty classesProperty() {
        return classes;
    }

    public BooleanProperty multiLabelProperty() {
        return multiLabel;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<Path> recentProjects() {
        return recentProjects;
    }
}
