package org.labelbench.ui.analysis;

import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labelbench.analysis.ErrorSheet;
import org.labelbench.analysis.ItemProbabilities.ClassProbability;
import org.labelbench.project.ItemRow;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.UiExecutors;
import org.labelbench.ui.dialogs.FailureText;
import org.labelbench.ui.preview.ItemPreviewViewModel;
import org.labelbench.ui.preview.MediaFiles;

/**
 * The large item view of one error-sheet row: its media and facts (the item preview), every
 * annotator's label, the ground truth, the prediction and the run's class probabilities, most
 * probable first. The probabilities are read in the background when the view opens.
 */
public final class ItemDetailModel {
    private final ItemPreviewViewModel preview;
    private final ErrorSheet.Row row;
    private final ObservableList<ClassProbability> probabilities = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper probabilitiesNote = new ReadOnlyStringWrapper("Reading the probabilities…");

    ItemDetailModel(AnalysisCatalog catalog, MediaFiles media, UiExecutors executors, String runName,
            ErrorSheet.Row row) {
        this.row = row;
        this.preview = new ItemPreviewViewModel(media, executors);
        preview.show(new ItemRow(row.item(), row.attributes(), row.labels()));
        BackgroundCall.of(() -> catalog.probabilities(runName, row.item().id()))
                .onSuccess(read -> {
                    probabilities.setAll(read);
                    probabilitiesNote.set(read.isEmpty() ? "Run '" + runName + "' has no probabilities for this item"
                            : "");
                })
                .onFailure(failure -> probabilitiesNote.set("Cannot read the probabilities: "
                        + FailureText.of(failure)))
                .runOn(executors);
    }

    public String key() {
        return row.item().key();
    }

    /** "coat", or "no ground truth". */
    public String truthText() {
        return row.truth() == null ? "no ground truth" : row.truth();
    }

    /** "shirt (confidence 0.83), wrong", as the sheet's columns read. */
    public String predictionText() {
        String verdict = row.truth() == null ? "" : row.correct() ? ", right" : ", wrong";
        String confidence = Double.isNaN(row.confidence()) ? ""
                : String.format(Locale.ROOT, " (confidence %.2f)", row.confidence());
        return row.predicted() + confidence + verdict;
    }

    /** "ana: coat · ben: shirt", or "no labels". */
    public String labelsText() {
        return row.labels().isEmpty() ? "no labels" : row.labels().stream()
                .map(label -> label.annotator() + ": " + label.label()).collect(Collectors.joining(" · "));
    }

    public ItemPreviewViewModel preview() {
        return preview;
    }

    public ObservableList<ClassProbability> probabilities() {
        return probabilities;
    }

    /** Why no probabilities are listed (or that they are being read); empty when they are. */
    public ReadOnlyStringProperty probabilitiesNoteProperty() {
        return probabilitiesNote.getReadOnlyProperty();
    }

    /** The view closed: stop any playback. */
    public void dispose() {
        preview.dispose();
    }
}
