package org.labelbench.ui.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.labelbench.media.AudioPlayback;
import org.labelbench.media.PcmAudio;

/** The playbacks a transport made, on a test's output ({@code FakeOutput::line} or {@code ::none}), in order. */
public final class MadePlaybacks implements Function<PcmAudio, AudioPlayback> {
    private final Function<PcmAudio, AudioPlayback> output;
    private final List<AudioPlayback> made = new ArrayList<>();

    public MadePlaybacks(Function<PcmAudio, AudioPlayback> output) {
        this.output = output;
    }

    @Override
    public AudioPlayback apply(PcmAudio clip) {
        AudioPlayback playback = output.apply(clip);
        made.add(playback);
        return playback;
    }

    public AudioPlayback get(int index) {
        return made.get(index);
    }

    public boolean isEmpty() {
        return made.isEmpty();
    }
}
