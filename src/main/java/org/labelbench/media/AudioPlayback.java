package org.labelbench.media;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays decoded audio on the default output through Java Sound (no native media stack), from
 * a daemon thread, as 16-bit signed little-endian PCM, which every output device takes. Audio
 * with more than two channels is played as its mono mix, which every device takes too.
 * Samples are converted a piece at a time while playing, so creating a playback costs nothing.
 */
public final class AudioPlayback implements AutoCloseable {
    private static final int CHUNK_FRAMES = 4096;

    private final PcmAudio audio;
    private final LineOpener lines;
    /** The current or last playback; guarded by this. */
    private Player player;
    /** The position while no playback is current: 0, or where the last one was stopped. */
    private volatile double restingSeconds;

    public AudioPlayback(PcmAudio audio) {
        this(audio, AudioPlayback::openDefaultLine);
    }

    /** With lines from {@code lines}: tests play into a line that needs no sound card. */
    AudioPlayback(PcmAudio audio, LineOpener lines) {
        this.audio = audio.channels() <= 2 ? audio : new PcmAudio(audio.sampleRate(), 1, audio.mono());
        this.lines = lines;
    }

    /** Opens an output line for a format. */
    @FunctionalInterface
    interface LineOpener {
        SourceDataLine open(AudioFormat format) throws LineUnavailableException;
    }

    /**
     * Starts playing at {@code fromSeconds} (clamped to the audio) and returns at once; a playback
     * already running is stopped first.
     *
     * @throws MediaException "no audio output device: ..." when no output can play the audio
     */
    public synchronized void play(double fromSeconds) throws MediaException {
        stop();
        long startFrame = Math.max(0, Math.min(audio.frames(), Math.round(fromSeconds * audio.sampleRate())));
        player = new Player(openLine(), startFrame);
        player.thread.start();
    }

    /** Stops playing; the position stays where it stopped. Does nothing when not playing. */
    public synchronized void stop() {
        if (player != null) {
            restingSeconds = player.positionSeconds();
            player.halt();
            player = null;
        }
    }

    /** True from {@link #play} until {@link #stop} or the end of the audio. */
    public synchronized boolean isPlaying() {
        return player != null && player.thread.isAlive();
    }

    /** Where playback is, in seconds from the start of the audio; the end once it has played out. */
    public synchronized double positionSeconds() {
        return player != null ? player.positionSeconds() : restingSeconds;
    }

    @Override
    public void close() {
        stop();
    }

    private SourceDataLine openLine() throws MediaException {
        AudioFormat format = new AudioFormat(audio.sampleRate(), 16, audio.channels(), true, false);
        try {
            return lines.open(format);
        } catch (LineUnavailableException | IllegalArgumentException | IllegalStateException
                | SecurityException e) {
            // Headless machines have no mixer at all; IllegalArgumentException is how Java Sound says so.
            throw new MediaException("no audio output device: " + oneLine(e));
        }
    }

    private static SourceDataLine openDefaultLine(AudioFormat format) throws LineUnavailableException {
        SourceDataLine line = AudioSystem.getSourceDataLine(format);
        line.open(format);
        return line;
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.strip().replaceAll("\\s+", " ");
    }

    /** Interleaved 16-bit signed little-endian PCM of all of {@code audio}, clipped to range. */
    static byte[] toPcm16(PcmAudio audio) {
        float[] samples = audio.samples();
        byte[] out = new byte[Math.multiplyExact(samples.length, 2)];
        toPcm16(samples, 0, samples.length, out);
        return out;
    }

    /**
     * Converts {@code count} samples from {@code from} into {@code out}. Scaled by 32768, like the
     * decoder, so a 16-bit file plays back bit for bit; +1.0 clips to 32767.
     */
    static void toPcm16(float[] samples, int from, int count, byte[] out) {
        for (int i = 0; i < count; i++) {
            int value = Math.round(samples[from + i] * 32768f); // NaN rounds to 0
            value = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
            out[2 * i] = (byte) value;
            out[2 * i + 1] = (byte) (value >> 8);
        }
    }

    /** One run of the output line, from a start frame to the end or until halted. */
    private final class Player {
        private final SourceDataLine line;
        private final long startFrame;
        private final Thread thread;
        private volatile boolean halted;
        private volatile boolean playedOut;

        Player(SourceDataLine line, long startFrame) {
            this.line = line;
            this.startFrame = startFrame;
            this.thread = new Thread(this::run, "audio-playback");
            thread.setDaemon(true);
        }

        private void run() {
            float[] samples = audio.samples();
            int channels = audio.channels();
            byte[] buffer = new byte[CHUNK_FRAMES * channels * 2];
            try {
                line.start();
                for (long frame = startFrame; frame < audio.frames() && !halted; frame += CHUNK_FRAMES) {
                    int count = (int) Math.min(CHUNK_FRAMES, audio.frames() - frame) * channels;
                    toPcm16(samples, (int) (frame * channels), count, buffer);
                    line.write(buffer, 0, count * 2); // blocks while the line's buffer is full
                }
                if (!halted) {
                    line.drain();
                    playedOut = true;
                }
            } catch (IllegalStateException | IllegalArgumentException e) {
                if (!halted) { // otherwise halt() closed the line under us, which is expected
                    throw e;
                }
            } finally {
                line.close();
            }
        }

        /** Unblocks the thread: a stopped, flushed, closed line makes write and drain return. */
        void halt() {
            halted = true;
            line.stop();
            line.flush();
            line.close();
        }

        double positionSeconds() {
            if (playedOut) {
                return audio.durationSeconds();
            }
            long played = line.isOpen() ? line.getLongFramePosition() : 0;
            return Math.min(audio.frames(), startFrame + played) / (double) audio.sampleRate();
        }
    }
}
