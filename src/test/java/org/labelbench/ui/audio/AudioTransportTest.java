package org.labelbench.ui.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.labelbench.media.AudioPlayback;
import org.labelbench.media.FakeOutput;
import org.labelbench.media.PcmAudio;
import org.labelbench.testing.HeldExecutor;

/** The transport without a sound card: playbacks on a fake line, or with no output at all. */
class AudioTransportTest {
    private static final int RATE = 8000;

    private final HeldExecutor media = new HeldExecutor();
    private MadePlaybacks made;
    private final List<Boolean> playingChanges = new ArrayList<>();
    private AudioTransport transport;

    private AudioTransport transport(Function<PcmAudio, AudioPlayback> output) {
        made = new MadePlaybacks(output);
        transport = new AudioTransport(media, Runnable::run, made);
        transport.playingProperty().addListener((observable, was, now) -> playingChanges.add(now));
        return transport;
    }

    @AfterEach
    void stopPlaying() {
        if (transport != null) {
            transport.dispose();
        }
    }

    @Test
    void playsMovesThePlayheadWhileTickedAndNoticesTheEnd() throws Exception {
        transport(FakeOutput::line).load(tone(0.4));
        assertThat(transport.hasAudio()).isTrue();

        transport.play(0);
        assertThat(transport.playingProperty().get()).isTrue();
        assertThat(made.get(0).isPlaying()).isTrue();
        tickUntil(() -> transport.playheadProperty().get() > 0);
        assertThat(transport.playheadProperty().get()).isLessThan(1);
        tickUntil(() -> !transport.playingProperty().get());

        assertThat(transport.playheadProperty().get()).isEqualTo(1);
        assertThat(transport.problemProperty().get()).isEmpty();
    }

    @Test
    void noOutputIsSaidOnceAndAutoPlayThenStaysSilentUntilAsked() {
        transport(FakeOutput::none).load(tone(1));
        List<String> problems = new ArrayList<>();
        transport.problemProperty().addListener((observable, was, now) -> problems.add(now));

        transport.autoPlay();
        assertThat(transport.playingProperty().get()).isFalse();
        assertThat(transport.problemProperty().get()).startsWith("no audio output device: No line matching");
        assertThat(playingChanges).containsExactly(true, false);

        transport.load(tone(1)); // the next clip
        transport.autoPlay();
        transport.seekAndPlay(0.5); // moves the playhead only: nothing would be heard
        assertThat(playingChanges).containsExactly(true, false);
        assertThat(transport.playheadProperty().get()).isEqualTo(0.5);

        transport.replay(); // asked for: it tries again, and the reason is not said twice
        assertThat(playingChanges).containsExactly(true, false, true, false);
        assertThat(problems).hasSize(1);
    }

    @Test
    void aSuccessfulPlayClearsTheProblem() {
        List<Function<PcmAudio, AudioPlayback>> outputs = new ArrayList<>(List.of(FakeOutput::none, FakeOutput::line));
        transport(clip -> outputs.remove(0).apply(clip)).load(tone(1));
        transport.play(0);
        assertThat(transport.problemProperty().get()).isNotEmpty();

        transport.load(tone(1)); // a device was plugged in meanwhile
        transport.play(0);

        assertThat(transport.playingProperty().get()).isTrue();
        assertThat(transport.problemProperty().get()).isEmpty();
    }

    @Test
    void aStopWhileTheLineOpensWinsAndTheLateAnswerIsDropped() {
        transport(FakeOutput::line).load(tone(2));
        media.hold();

        transport.play(0);
        assertThat(transport.playingProperty().get()).isTrue();
        transport.toggle(); // Stop, before the line is open
        media.release();

        assertThat(made.get(0).isPlaying()).isFalse();
        assertThat(transport.playingProperty().get()).isFalse();
        transport.tick();
        assertThat(transport.playheadProperty().get()).isZero();
    }

    @Test
    void theLatestOfTwoQuickPlaysIsTheOneHeard() {
        transport(FakeOutput::line).load(tone(2));
        media.hold();

        transport.play(0);
        transport.play(1);
        assertThat(transport.playheadProperty().get()).isEqualTo(0.5);
        media.release();

        assertThat(made.get(0).isPlaying()).isTrue();
        assertThat(made.get(0).positionSeconds()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void toggleStopsWhereItIsAndPlaysFromThePlayheadOrFromTheStartAtTheEnd() {
        transport(FakeOutput::line).load(tone(2));
        transport.seek(0.25); // stopped: only the playhead moves
        assertThat(transport.playingProperty().get()).isFalse();
        assertThat(transport.playheadProperty().get()).isEqualTo(0.25);

        transport.toggle();
        assertThat(transport.playingProperty().get()).isTrue();
        assertThat(made.get(0).positionSeconds()).isGreaterThanOrEqualTo(0.5);
        transport.seek(0.75); // playing: it goes on from there
        assertThat(transport.playingProperty().get()).isTrue();
        assertThat(made.get(0).positionSeconds()).isGreaterThanOrEqualTo(1.5);
        transport.toggle();
        assertThat(made.get(0).isPlaying()).isFalse();
        assertThat(transport.playheadProperty().get()).isEqualTo(0.75);

        transport.seek(1);
        transport.toggle();
        assertThat(transport.playheadProperty().get()).isZero();
        assertThat(made.get(0).positionSeconds()).isLessThan(1.0);
    }

    @Test
    void replayStartsOverWhilePlayingAndArrowsMoveByASecondAndPlay() {
        transport(FakeOutput::line).load(tone(4));
        transport.seekBy(1);
        assertThat(transport.playingProperty().get()).isTrue();
        assertThat(transport.playheadProperty().get()).isEqualTo(0.25);

        transport.replay();
        assertThat(transport.playheadProperty().get()).isZero();
        transport.seekBy(-1); // clamped to the start
        assertThat(transport.playheadProperty().get()).isZero();
        transport.seekAndPlay(2);
        assertThat(transport.playheadProperty().get()).isEqualTo(1);
    }

    @Test
    void theRateStepsThroughTheRatesAndStaysFromClipToClip() {
        transport(FakeOutput::line).load(tone(1));
        assertThat(transport.slower()).isEqualTo(0.75);
        assertThat(transport.slower()).isEqualTo(0.5);
        assertThat(transport.slower()).isEqualTo(0.5);
        for (int i = 0; i < 10; i++) {
            transport.faster();
        }
        assertThat(transport.rateProperty().get()).isEqualTo(2.0);
        assertThat(made.get(0).rate()).isEqualTo(2.0);

        transport.load(tone(1));
        transport.play(0);
        assertThat(made.get(1).rate()).isEqualTo(2.0);
        assertThat(AudioTransport.rateText(2.0)).isEqualTo("2×");
        assertThat(AudioTransport.rateText(0.75)).isEqualTo("0.75×");
    }

    @Test
    void aNewClipOrDisposeStopsWhatPlays() {
        transport(FakeOutput::line).load(tone(2));
        transport.play(1);
        transport.load(tone(2));
        assertThat(made.get(0).isPlaying()).isFalse();
        assertThat(transport.playingProperty().get()).isFalse();
        assertThat(transport.playheadProperty().get()).isZero();

        transport.play(0);
        transport.dispose();
        assertThat(made.get(1).isPlaying()).isFalse();
        assertThat(transport.hasAudio()).isFalse();
        transport.replay(); // nothing loaded: nothing happens
        assertThat(transport.playingProperty().get()).isFalse();
    }

    @Test
    void aClosingProjectPlaysNothingAndThrowsNothing() {
        transport = new AudioTransport(work -> {
            throw new RejectedExecutionException("shut down");
        }, Runnable::run, FakeOutput::line);
        transport.load(tone(1));

        transport.play(0);
        transport.faster();

        assertThat(transport.playingProperty().get()).isFalse();
        assertThat(transport.rateProperty().get()).isEqualTo(1.25);
    }

    private void tickUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
            transport.tick();
        }
        assertThat(condition.getAsBoolean()).as("in time").isTrue();
    }

    private static PcmAudio tone(double seconds) {
        float[] samples = new float[(int) (RATE * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        return new PcmAudio(RATE, 1, samples);
    }
}
