package org.labelbench.ui.audio;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.labelbench.media.AudioPlayback;
import org.labelbench.media.MediaException;
import org.labelbench.media.PcmAudio;
import org.labelbench.ui.BackgroundCall;
import org.labelbench.ui.dialogs.FailureText;

/**
 * The play / pause / seek / speed controls over one decoded clip at a time, and what a view
 * shows of them: whether it plays, the playhead (0 to 1, moved by {@link #tick} while playing),
 * the rate, and why the last try could not play (no output device). Opening an output line can
 * take a moment, so that happens on the media executor; everything else is FX thread only.
 *
 * <p>{@code playing} turns true when playback is asked for, not when the line is open, so a
 * second press of Stop or Play while the line opens does what the button says. A request that a
 * later play, stop or clip made obsolete never starts the line: the media side checks, under the
 * playback's own lock, that it is still the wanted request.
 */
public final class AudioTransport {
    /** Playback speeds, slowest first. */
    public static final List<Double> RATES = AudioPlayback.RATES;
    /** What a playhead at or past this fraction counts as: the end, from which a play starts over. */
    private static final double AT_END = 0.999;

    private final Executor media;
    private final Executor fx;
    private final Function<PcmAudio, AudioPlayback> playbacks;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper playhead = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(1.0);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** Bumped on every play, stop and clip: the request the media side may still start. */
    private final AtomicLong wanted = new AtomicLong();
    /** The rate the media side applies; read there when the work runs, so a late speed change wins. */
    private volatile double speed = 1.0;

    private PcmAudio audio;
    private AudioPlayback playback;
    /** True from a play request until its line is open (or it failed): {@link #tick} waits. */
    private boolean opening;

    /** Plays through Java Sound's default output; lines are opened on {@code media}, answers come on {@code fx}. */
    public AudioTransport(Executor media, Executor fx) {
        this(media, fx, AudioPlayback::new);
    }

    /** With playbacks from {@code playbacks}: tests play on a line that needs no sound card. */
    public AudioTransport(Executor media, Executor fx, Function<PcmAudio, AudioPlayback> playbacks) {
        this.media = media;
        this.fx = fx;
        this.playbacks = playbacks;
    }

    /** The clip to play from now on (null: none); stops what plays and puts the playhead at the start. */
    public void load(PcmAudio clip) {
        stop();
        if (playback != null) {
            playback.close();
        }
        audio = clip;
        playback = clip == null ? null : playbacks.apply(clip); // costs nothing until it plays
        playhead.set(0);
    }

    public boolean hasAudio() {
        return audio != null;
    }

    /** Plays from {@code fromSeconds} of the clip (clamped), at the current rate. */
    public void play(double fromSeconds) {
        AudioPlayback player = playback;
        if (player == null) {
            return;
        }
        long request = wanted.incrementAndGet();
        double from = Math.max(0, Math.min(audio.durationSeconds(), fromSeconds));
        playhead.set(fractionOf(from));
        playing.set(true);
        opening = true;
        onMedia(BackgroundCall.of(() -> start(player, request, from))
                .onSuccess(started -> {
                    opening = false;
                    problem.set("");
                })
                .onFailure(error -> {
                    opening = false;
                    problem.set(FailureText.of(error)); // first: who sees playing end may ask why
                    playing.set(false);
                })
                .unlessStale(() -> request == wanted.get()));
    }

    /** Plays from the start, unless the last try found no output: then the clip stays silent until asked. */
    public void autoPlay() {
        if (problem.get().isEmpty()) {
            play(0);
        }
    }

    /** Plays again from the start, or from where a click or an arrow put the stopped playhead. */
    public void replay() {
        if (audio == null) {
            return;
        }
        play(playing.get() || playhead.get() >= AT_END ? 0 : secondsAt(playhead.get()));
    }

    /** Play / Stop: stops what plays, else plays from the playhead (from the start once it reached the end). */
    public void toggle() {
        if (playing.get()) {
            stop();
        } else if (audio != null) {
            play(playhead.get() >= AT_END ? 0 : secondsAt(playhead.get()));
        }
    }

    /** Stops; the playhead stays where it was. */
    public void stop() {
        wanted.incrementAndGet();
        opening = false;
        playing.set(false);
        if (playback != null) {
            playback.stop(); // waits for a line still opening under the playback's lock, then stops it
        }
    }

    /** Moves the playhead to {@code fraction} of the clip; what plays goes on from there. */
    public void seek(double fraction) {
        if (audio == null) {
            return;
        }
        double clamped = Math.max(0, Math.min(1, fraction));
        playhead.set(clamped);
        if (playing.get()) {
            play(secondsAt(clamped));
        }
    }

    /** Moves the playhead and plays from there (a stopped clip stays stopped where there is no output). */
    public void seekAndPlay(double fraction) {
        if (audio == null) {
            return;
        }
        double clamped = Math.max(0, Math.min(1, fraction));
        playhead.set(clamped);
        if (playing.get() || problem.get().isEmpty()) {
            play(secondsAt(clamped));
        }
    }

    /** Moves the playhead by {@code seconds} (negative: back), as {@link #seekAndPlay}. */
    public void seekBy(double seconds) {
        if (audio == null) {
            return;
        }
        double now = playing.get() && !opening ? playback.positionSeconds() : secondsAt(playhead.get());
        seekAndPlay(fractionOf(now + seconds));
    }

    /** The next slower rate (the slowest stays); what plays goes on at it. Returns the rate. */
    public double slower() {
        return stepRate(-1);
    }

    /** The next faster rate (the fastest stays); what plays goes on at it. Returns the rate. */
    public double faster() {
        return stepRate(1);
    }

    private double stepRate(int direction) {
        int index = RATES.indexOf(rate.get());
        int next = Math.max(0, Math.min(RATES.size() - 1, (index < 0 ? RATES.indexOf(1.0) : index) + direction));
        rate.set(RATES.get(next));
        speed = rate.get();
        AudioPlayback player = playback;
        if (player != null) {
            // A running playback reopens its line at the new rate: not on the FX thread.
            onMedia(BackgroundCall.of(() -> player.setRate(speed))
                    .onFailure(error -> problem.set(FailureText.of(error))));
        }
        return rate.get();
    }

    /** Called every frame while playing: moves the playhead, and notices the end of the clip. */
    public void tick() {
        AudioPlayback player = playback;
        if (!playing.get() || opening || player == null) {
            return;
        }
        if (!player.isPlaying()) {
            playing.set(false);
            playhead.set(1);
            return;
        }
        playhead.set(Math.min(1, fractionOf(player.positionSeconds())));
    }

    /** Stops for good and lets the clip go (the view is closing). */
    public void dispose() {
        load(null);
    }

    /** "1×", "0.75×". */
    public static String rateText(double value) {
        return String.format(Locale.ROOT, "%s×", value == Math.rint(value) ? String.valueOf((int) value)
                : String.valueOf(value));
    }

    /** On the media thread: opens the line, unless a later request made this one obsolete. */
    private boolean start(AudioPlayback player, long request, double fromSeconds) {
        synchronized (player) { // AudioPlayback's own lock: a stop() on the FX thread waits for this
            if (request != wanted.get()) {
                return false;
            }
            player.setRate(speed);
            try {
                player.play(fromSeconds);
            } catch (MediaException e) {
                throw new CannotPlay(e);
            }
            return true;
        }
    }

    private void onMedia(BackgroundCall<?> call) {
        try {
            call.runOn(media, fx);
        } catch (RejectedExecutionException closing) {
            // the project is closing: nothing will be heard any more
            opening = false;
            playing.set(false);
        }
    }

    private double secondsAt(double fraction) {
        return fraction * audio.durationSeconds();
    }

    private double fractionOf(double seconds) {
        double duration = audio.durationSeconds();
        return duration <= 0 ? 0 : seconds / duration;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** From 0 (start) to 1 (end). */
    public ReadOnlyDoubleProperty playheadProperty() {
        return playhead.getReadOnlyProperty();
    }

    /** One of {@link #RATES}; kept from clip to clip. */
    public ReadOnlyDoubleProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    /**
     * Why the last try could not play, in Java Sound's words ("no audio output device: No line
     * matching…"); empty until then, and again once a play succeeds.
     */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A checked {@link MediaException} carried out of the background work. */
    private static final class CannotPlay extends RuntimeException {
        CannotPlay(MediaException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
