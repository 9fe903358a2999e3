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
