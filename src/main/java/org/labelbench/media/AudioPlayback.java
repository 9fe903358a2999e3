package org.labelbench.media;

import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays decoded audio on the default output through Java Sound (no native media stack), from
 * a daemon thread, as 16-bit signed little-endian PCM, which every output device takes. Audio
 * with more than two channels is played as its mono mix, which every device takes too.
 * Samples are converted a piece at a time while playing, so creating a playback costs nothing.
 *
 * <p>It plays at one of {@link #RATES}: other rates than 1 resample the audio by linear
 * interpolation as it is written to the line, so at 0.5 the clip lasts twice as long and sounds an
 * octave lower, and at 2 half as long and an octave higher (no pitch correction). Positions, here
 * and in {@link #play}, are always in the clip's own time, whatever the rate.
 */
public final class AudioPlayback implements AutoCloseable {
    private static final int CHUNK_FRAMES = 4096;
    /** The playback rates {@link #setRate} takes, slowest first. */
    public static final List<Double> RATES = List.of(0.5, 0.75, 1.0, 1.25, 1.5, 2.0);

    private final PcmAudio audio;
    private final LineOpener lines;
    /** The current or last playback; guarded by this. */
    private Player player;
    /** The position while no playback is current: 0, or where the last one was stopped. */
    private volatile double restingSeconds;
    /** Frames of the clip per frame played; guarded by this. */
    private double rate = 1.0;

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
        player = new Player(openLine(), startFrame, rate);
        player.thread.start();
    }

    /**
     * Sets the playback rate: 1 is as recorded, 0.5 half speed, 2 double speed. A playback that is
     * running goes on from where it is at the new rate, on a newly opened line; should no output
     * line open now, it stops there as {@link #stop} would. The rate stays for later plays.
     *
     * @throws IllegalArgumentException unless {@code rate} is one of {@link #RATES}
     */
    public synchronized void setRate(double rate) {
        if (!RATES.contains(rate)) {
            throw new IllegalArgumentException("playback rate must be one of " + RATES + ": " + rate);
        }
        if (rate == this.rate) {
            return;
        }
        this.rate = rate;
        if (isPlaying()) {
            stop();
            try {
                play(restingSeconds);
            } catch (MediaException e) {
                // The output went away since the last play: stay stopped where it was.
            }
        }
    }

    /** The playback rate, one of {@link #RATES}; 1 until {@link #setRate} says otherwise. */
    public synchronized double rate() {
        return rate;
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

    /**
     * Where playback is, in seconds of the clip from its start, at any rate (so a playhead drawn
     * over the waveform stays right); the end once it has played out.
     */
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

    /** How many frames play the clip from {@code startFrame} to its end at {@code rate}. */
    static long outputFrames(long clipFrames, long startFrame, double rate) {
        return startFrame >= clipFrames ? 0 : (long) Math.ceil((clipFrames - startFrame) / rate);
    }

    /** The frame of the clip that {@code played} frames at {@code rate} from {@code startFrame} reach. */
    static double clipFrame(long clipFrames, long startFrame, long played, double rate) {
        return Math.min(clipFrames, startFrame + played * rate);
    }

    /**
     * Writes {@code count} output frames from output frame {@code first} of a playback at
     * {@code rate} from {@code startFrame} into {@code out}, interleaved: output frame {@code k}
     * is the clip at frame {@code startFrame + k * rate}, interpolated linearly between its two
     * neighbours (the last frame held past the end). At rate 1 these are the samples themselves.
     */
    static void resample(PcmAudio audio, long startFrame, double rate, long first, int count, float[] out) {
        float[] samples = audio.samples();
        int channels = audio.channels();
        int last = audio.frames() - 1;
        for (int k = 0; k < count; k++) {
            double position = startFrame + (first + k) * rate;
            int frame = (int) position;
            float fraction = (float) (position - frame);
            int next = Math.min(frame + 1, last);
            for (int c = 0; c < channels; c++) {
                float a = samples[frame * channels + c];
                out[k * channels + c] = fraction == 0 ? a
                        : a + (samples[next * channels + c] - a) * fraction;
            }
        }
    }

    /** One run of the output line, from a start frame at one rate to the end or until halted. */
    private final class Player {
        private final SourceDataLine line;
        private final long startFrame;
        private final double rate;
        private final Thread thread;
        private volatile boolean halted;
        private volatile boolean playedOut;

        Player(SourceDataLine line, long startFrame, double rate) {
            this.line = line;
            this.startFrame = startFrame;
            this.rate = rate;
            this.thread = new Thread(this::run, "audio-playback");
            thread.setDaemon(true);
        }

        private void run() {
            int channels = audio.channels();
            long frames = outputFrames(audio.frames(), startFrame, rate);
            float[] chunk = new float[CHUNK_FRAMES * channels];
            byte[] buffer = new byte[CHUNK_FRAMES * channels * 2];
            try {
                line.start();
                for (long k = 0; k < frames && !halted; k += CHUNK_FRAMES) {
                    int count = (int) Math.min(CHUNK_FRAMES, frames - k);
                    resample(audio, startFrame, rate, k, count, chunk);
                    toPcm16(chunk, 0, count * channels, buffer);
                    line.write(buffer, 0, count * channels * 2); // blocks while the line's buffer is full
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
            return clipFrame(audio.frames(), startFrame, played, rate) / audio.sampleRate();
        }
    }
}
