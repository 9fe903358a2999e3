package org.labelbench.assist;

import org.labelbench.project.BadInputException;

/** The features an audio model reads: its own log-mel spectrogram when trained here, the waveform when loaded. */
final class AudioFeaturesFactory {
    private AudioFeaturesFactory() {
    }

    static ItemFeatures forModel(StoredModel model) {
        if (model.audioInput().melBands() == 0) {
            return new WaveformFeatures(model.audioInput());
        }
        return training(model, false);
    }

    /** A trained audio model's log-mel features, augmented or not. */
    static ItemFeatures training(StoredModel model, boolean augment) {
        throw new BadInputException("model '" + model.name() + "' reads log-mel features, which this build cannot"
                + " compute");
    }
}
