package org.labelbench.assist;


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
        boolean anyAugmentation = Boolean.TRUE.equals(model.params().get("flip"))
                || Boolean.TRUE.equals(model.params().get("crop")) || Boolean.TRUE.equals(model.params().get("colour"));
        return new LogMelFeatures(model.audioInput(), augment && anyAugmentation);
    }
}
