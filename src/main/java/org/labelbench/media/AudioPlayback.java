package org.labelbench.media;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays decoded audio on the default output through Java Sound (no native media stack), on a
 * daemon thread, converted to 16-bit PCM which every output device accepts.
 */
public final class AudioPlayback implements AutoCloseable {
    private final PcmAudio audio;
    private final byte[] pcm16;
    private volatile SourceDataLine line;
    private volatile Thread player;
    private volatile long startFrame;

    public AudioPlayback(PcmAudio audio) {
        this.audio = audio;
        this.pcm16 = toPcm16(audio);
    }

    /** Starts playing at {@code fromSeconds}; returns at once. */
    public synchronized void play(double fromSeconds) throws MediaException {
        stop();
        AudioFormat format = new AudioFormat(audio.sampleRate(), 16, audio.channels(), true, false);
        SourceDataLine opened;
        try {
            opened = AudioSystem.getSourceDataLine(format);
            opened.open(format);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new MediaException("no audio output device: " + e.getMessage());
        }
        int frameBytes = 2 * audio.channels();
        long frame = Math.max(0, Math.min(audio.frames(), Math.round(fromSeconds * audio.sampleRate())));
        startFrame = frame;
        int offset = (int) (frame * frameBytes);
        line = opened;
        opened.start();
        Thread thread = new Thread(() -> {
            int position = offset;
            while (position < pcm16.length && !Thread.currentThread().isInterrupted()) {
                int chunk = Math.min(frameBytes * 1024, pcm16.length - position);
                position += opened.write(pcm16, position, chunk);
            }
            if (!Thread.currentThread().isInterrupted()) {
                opened.drain();
            }
            opened.close();
        }, "audio-playback");
        thread.setDaemon(true);
        player = thread;
        thread.start();
    }

    public synchronized void stop() {
        Thread thread = player;
        SourceDataLine current = line;
        if (thread != null) {
            thread.interrupt();
        }
        if (current != null) {
            current.stop();
            current.flush();
            current.close();
        }
        player = null;
        line = null;
    }

    public boolean isPlaying() {
        Thread thread = player;
        return thread != null && thread.isAlive();
    }

    /** Where playback is now, in seconds from the start of the audio. */
    public double positionSeconds() {
        SourceDataLine current = line;
        long played = current == null ? 0 : current.getLongFramePosition();
        return Math.min(audio.durationSeconds(), (startFrame + played) / (double) audio.sampleRate());
    }

    @Override
    public void close() {
        stop();
    }

    /** Interleaved 16-bit signed little-endian PCM, clipped to range. */
    static byte[] toPcm16(PcmAudio audio) {
        float[] samples = audio.samples();
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int value = Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767f);
            out[2 * i] = (byte) value;
            out[2 * i + 1] = (byte) (value >> 8);
        }
        return out;
    }
}
