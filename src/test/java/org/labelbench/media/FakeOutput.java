package org.labelbench.media;

import javax.sound.sampled.LineUnavailableException;

/** Playbacks for tests outside this package: on a line that needs no sound card, or with no output at all. */
public final class FakeOutput {
    private FakeOutput() {
    }

    /** Plays in real time into a {@link FakeLine}. */
    public static AudioPlayback line(PcmAudio audio) {
        return new AudioPlayback(audio, FakeLine::new);
    }

    /** As on a machine without a sound card: every play fails with "no audio output device: …". */
    public static AudioPlayback none(PcmAudio audio) {
        return new AudioPlayback(audio, format -> {
            throw new LineUnavailableException("No line matching " + format);
        });
    }
}
