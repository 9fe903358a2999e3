package org.labelbench.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;

/** Playback without a sound card: conversion, the player thread on a fake line, the real no-device path. */
class AudioPlaybackTest {
    private static final int RATE = 8000;

    private final List<FakeLine> lines = new ArrayList<>();

    @Test
    void convertsToSixteenBitLittleEndianClippingOutOfRangeValues() {
        PcmAudio audio = new PcmAudio(RATE, 1, new float[] {0f, 0.5f, -0.5f, 1f, -1f, 1.5f, -2f, Float.NaN});

        short[] pcm = shorts(AudioPlayback.toPcm16(audio));

        assertThat(pcm).containsExactly(0, 16384, -16384, 32767, -32768, 32767, -32768, 0);
    }

    @Test
    void playsSixteenBitAudioBitForBit() throws Exception {
        byte[] data = WavBuilder.le(2, -32768, 2, -1, 2, 0, 2, 1, 2, 12345, 2, 32767);
        PcmAudio audio = WavDecoder.decode(ByteSource.of(WavBuilder.wav(RATE, 2, 16).data(data).build()));

        assertThat(AudioPlayback.toPcm16(audio)).containsExactly(data);
    }

    @Test
    void playsEverythingToTheEndOnItsOwnThread() throws Exception {
        PcmAudio audio = tone(2, 0.3);
        try (AudioPlayback playback = new AudioPlayback(audio, this::fakeLine)) {
            playback.play(0);

            assertThat(playback.isPlaying()).isTrue();
            awaitEnd(playback);
            assertThat(playback.positionSeconds()).isEqualTo(audio.durationSeconds());
        }
        FakeLine line = lines.get(0);
        assertThat(line.getFormat().matches(new AudioFormat(RATE, 16, 2, true, false))).isTrue();
        assertThat(line.written()).containsExactly(AudioPlayback.toPcm16(audio));
        assertThat(line.isOpen()).isFalse();
    }

    @Test
    void startsAtTheGivenSecondClampedToTheAudio() throws Exception {
        PcmAudio audio = tone(1, 0.5);
        byte[] all = AudioPlayback.toPcm16(audio);
        try (AudioPlayback playback = new AudioPlayback(audio, this::fakeLine)) {
            playback.play(0.2);
            awaitEnd(playback);
            playback.play(-3);
            awaitEnd(playback);
            playback.play(99);
            awaitEnd(playback);
        }
        assertThat(lines.get(0).written()).containsExactly(Arrays.copyOfRange(all, 2 * 1600, all.length));
        assertThat(lines.get(1).written()).containsExactly(all);
        assertThat(lines.get(2).written()).isEmpty();
    }

    @Test
    void stopsWhereItIsAndStaysThere() throws Exception {
        PcmAudio audio = tone(1, 10);
        try (AudioPlayback playback = new AudioPlayback(audio, this::fakeLine)) {
            playback.play(1.0);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (playback.positionSeconds() <= 1.0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            playback.stop();

            double stoppedAt = playback.positionSeconds();
            assertThat(playback.isPlaying()).isFalse();
            assertThat(stoppedAt).isGreaterThan(1.0).isLessThan(9.0);
            Thread.sleep(50);
            assertThat(playback.positionSeconds()).isEqualTo(stoppedAt);
        }
        assertThat(lines.get(0).isOpen()).isFalse();
        assertThat(lines.get(0).written().length).isLessThan(2 * RATE * 9);
    }

    @Test
    void playingAgainStopsThePreviousPlayback() throws Exception {
        try (AudioPlayback playback = new AudioPlayback(tone(1, 3), this::fakeLine)) {
            playback.play(0);
            playback.play(2);

            assertThat(lines.get(0).isOpen()).isFalse();
            assertThat(lines.get(1).isOpen()).isTrue();
            assertThat(playback.isPlaying()).isTrue();
        }
        assertThat(lines.get(1).isOpen()).isFalse();
    }

    @Test
    void playsMoreThanTwoChannelsAsTheirMonoMix() throws Exception {
        PcmAudio surround = tone(6, 0.1);
        try (AudioPlayback playback = new AudioPlayback(surround, this::fakeLine)) {
            playback.play(0);
            awaitEnd(playback);
        }
        assertThat(lines.get(0).getFormat().getChannels()).isEqualTo(1);
        assertThat(lines.get(0).written())
                .containsExactly(AudioPlayback.toPcm16(new PcmAudio(RATE, 1, surround.mono())));
    }

    @Test
    void saysWhyTheLineCouldNotBeOpened() {
        AudioPlayback playback = new AudioPlayback(tone(1, 0.1), format -> {
            throw new LineUnavailableException("device busy\n  (held by another program)");
        });

        assertThatThrownBy(() -> playback.play(0)).isInstanceOf(MediaException.class)
                .hasMessage("no audio output device: device busy (held by another program)");
        assertThat(playback.isPlaying()).isFalse();
    }

    @Test
    void isStillBeforePlaying() {
        try (AudioPlayback playback = new AudioPlayback(tone(1, 0.1))) {
            playback.stop();

            assertThat(playback.isPlaying()).isFalse();
            assertThat(playback.positionSeconds()).isZero();
        }
    }

    @Test
    void playsHalfSpeedAsTwiceTheFramesAndEndsAtTheClipsDuration() throws Exception {
        PcmAudio audio = tone(1, 0.3);
        byte[] normal = playToTheEnd(audio, 1.0);
        byte[] half = playToTheEnd(audio, 0.5);

        assertThat(normal).containsExactly(AudioPlayback.toPcm16(audio));
        assertThat(half.length).isEqualTo(2 * normal.length);
        short[] halfSamples = shorts(half);
        short[] normalSamples = shorts(normal);
        for (int i = 0; i < normalSamples.length; i++) { // every other frame is a frame of the clip
            assertThat(halfSamples[2 * i]).isEqualTo(normalSamples[i]);
        }
    }

    @Test
    void endsAtTheClipsDurationAtEveryRate() throws Exception {
        PcmAudio audio = tone(2, 0.2);
        for (double rate : AudioPlayback.RATES) {
            try (AudioPlayback playback = new AudioPlayback(audio, this::fakeLine)) {
                playback.setRate(rate);
                playback.play(0);
                awaitEnd(playback);

                assertThat(playback.positionSeconds()).as("at rate %s", rate).isEqualTo(audio.durationSeconds());
            }
            FakeLine line = lines.get(lines.size() - 1);
            long frames = line.written().length / 4;
            assertThat(frames).as("frames at rate %s", rate)
                    .isEqualTo((long) Math.ceil(audio.frames() / rate));
        }
    }

    @Test
    void startsAtTheGivenSecondOfTheClipAtDoubleSpeed() throws Exception {
        PcmAudio audio = tone(1, 0.5);
        short[] all = shorts(AudioPlayback.toPcm16(audio));
        try (AudioPlayback playback = new AudioPlayback(audio, this::fakeLine)) {
            playback.setRate(2.0);
            playback.play(0.2);
            awaitEnd(playback);
        }
        short[] written = shorts(lines.get(0).written());
        assertThat(written).hasSize((all.length - 1600 + 1) / 2);
        for (int i = 0; i < written.length; i++) {
            assertThat(written[i]).isEqualTo(all[1600 + 2 * i]);
        }
    }

    @Test
    void interpolatesBetweenFramesOfEachChannel() {
        PcmAudio audio = new PcmAudio(RATE, 2, new float[] {0f, 1f, 1f, -1f, 0.5f, 0f});
        float[] out = new float[2 * 6];

        AudioPlayback.resample(audio, 0, 0.5, 0, 6, out);

        assertThat(out).containsExactly(0f, 1f, 0.5f, 0f, 1f, -1f, 0.75f, -0.5f, 0.5f, 0f, 0.5f, 0f);
        assertThat(AudioPlayback.outputFrames(3, 0, 0.5)).isEqualTo(6);
        assertThat(AudioPlayback.outputFrames(3, 1, 0.75)).isEqualTo(3); // frames 1, 1.75, 2.5
        assertThat(AudioPlayback.outputFrames(3, 3, 2.0)).isZero();
    }

    @Test
    void reportsThePositionInTheClipsTimeAtAnyRate() throws Exception {
        assertThat(AudioPlayback.clipFrame(8000, 1000, 500, 2.0)).isEqualTo(2000.0);
        assertThat(AudioPlayback.clipFrame(8000, 1000, 500, 0.75)).isEqualTo(1375.0);
        assertThat(AudioPlayback.clipFrame(8000, 1000, 9000, 1.5)).isEqualTo(8000.0);

        PcmAudio audio = tone(1, 10);
        for (double rate : new double[] {0.5, 2.0}) {
            try (AudioPlayback playback = new AudioPlayback(audio, this::fakeLine)) {
                playback.setRate(rate);
                long started = System.nanoTime();
                playback.play(1.0);
                Thread.sleep(400);
                double advanced = playback.positionSeconds() - 1.0;
                double wall = (System.nanoTime() - started) / 1e9;

                // The line plays in real time; the clip moves at the rate (the line starts a little late).
                assertThat(advanced).as("at rate %s", rate).isPositive().isLessThanOrEqualTo(rate * wall + 1e-6);
                if (rate > 1) {
                    assertThat(advanced).as("faster than real time").isGreaterThan(wall);
                } else {
                    assertThat(advanced).as("slower than real time").isLessThan(wall);
                }
            }
        }
    }

    @Test
    void changingTheRateWhilePlayingGoesOnFromTheSamePlace() throws Exception {
        try (AudioPlayback playback = new AudioPlayback(tone(1, 10), this::fakeLine)) {
            playback.play(2.0);
            Thread.sleep(100);
            playback.setRate(1.5);
            double after = playback.positionSeconds();

            assertThat(playback.rate()).isEqualTo(1.5);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).isOpen()).isFalse();
            assertThat(lines.get(1).isOpen()).isTrue();
            assertThat(playback.isPlaying()).isTrue();
            assertThat(after).isGreaterThan(2.0).isLessThan(3.0);

            playback.setRate(1.5); // the same rate: nothing to do
            assertThat(lines).hasSize(2);
        }
    }

    @Test
    void keepsTheRateForLaterPlaysAndRefusesOthers() throws Exception {
        try (AudioPlayback playback = new AudioPlayback(tone(1, 0.1), this::fakeLine)) {
            assertThat(playback.rate()).isEqualTo(1.0);
            playback.setRate(0.75);
            assertThat(lines).isEmpty(); // nothing was playing, so nothing started

            for (double bad : new double[] {0, -1, 0.6, 3, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY}) {
                assertThatThrownBy(() -> playback.setRate(bad)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("playback rate");
            }
            assertThat(playback.rate()).isEqualTo(0.75);
        }
    }

    private byte[] playToTheEnd(PcmAudio audio, double rate) throws Exception {
        try (AudioPlayback playback = new AudioPlayback(audio, this::fakeLine)) {
            playback.setRate(rate);
            playback.play(0);
            awaitEnd(playback);
            assertThat(playback.positionSeconds()).isEqualTo(audio.durationSeconds());
        }
        return lines.get(lines.size() - 1).written();
    }

    /** On the machine's real output: headless machines have none, and play must say so, not crash. */
    @Test
    void playsOnTheRealOutputOrSaysThereIsNone() throws Exception {
        PcmAudio silence = new PcmAudio(RATE, 1, new float[RATE / 4]);
        try (AudioPlayback playback = new AudioPlayback(silence)) {
            try {
                playback.play(0);
            } catch (MediaException e) {
                assertThat(e.getMessage()).startsWith("no audio output device: ").doesNotContain("\n");
                assertThat(playback.isPlaying()).isFalse();
                return;
            }
            playback.stop();
            assertThat(playback.isPlaying()).isFalse();
            assertThat(playback.positionSeconds()).isBetween(0.0, silence.durationSeconds());
        }
    }

    private FakeLine fakeLine(AudioFormat format) {
        FakeLine line = new FakeLine(format);
        lines.add(line);
        return line;
    }

    private static void awaitEnd(AudioPlayback playback) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (playback.isPlaying()) {
            assertThat(System.nanoTime()).as("playback ends in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** A 440 Hz tone on every channel, each channel at its own level so channels are told apart. */
    private static PcmAudio tone(int channels, double seconds) {
        int frames = (int) (RATE * seconds);
        float[] samples = new float[frames * channels];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                samples[f * channels + c] = (float) (Math.sin(2 * Math.PI * 440 * f / RATE) / (c + 1));
            }
        }
        return new PcmAudio(RATE, channels, samples);
    }

    private static short[] shorts(byte[] bytes) {
        short[] out = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }
}
