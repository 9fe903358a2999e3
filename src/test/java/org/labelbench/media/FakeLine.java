package org.labelbench.media;

import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Control;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.SourceDataLine;

/**
 * An output line that needs no sound card: it keeps what is written and "plays" it in real
 * time, blocking writes and drain as a real line with a short buffer does, until stopped.
 */
final class FakeLine implements SourceDataLine {
    private static final double BUFFER_SECONDS = 0.05;

    private final AudioFormat format;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private long startNanos;
    private boolean open = true;
    private boolean running;

    FakeLine(AudioFormat format) {
        this.format = format;
    }

    synchronized byte[] written() {
        return written.toByteArray();
    }

    @Override
    public AudioFormat getFormat() {
        return format;
    }

    @Override
    public synchronized int write(byte[] b, int off, int len) {
        if (!open) {
            return 0;
        }
        written.write(b, off, len);
        // Block until the frames before the last buffer-full have played, as a real line would.
        awaitPlayed(framesWritten() - (long) (BUFFER_SECONDS * format.getSampleRate()));
        return len;
    }

    @Override
    public synchronized void drain() {
        awaitPlayed(framesWritten());
    }

    private void awaitPlayed(long frames) {
        while (running && open && framesPlayed() < frames) {
            try {
                wait(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long framesWritten() {
        return written.size() / format.getFrameSize();
    }

    private long framesPlayed() {
        if (!running) {
            return 0;
        }
        long elapsed = (long) ((System.nanoTime() - startNanos) / 1e9 * format.getSampleRate());
        return Math.min(framesWritten(), elapsed);
    }

    @Override
    public synchronized void start() {
        if (open && !running) {
            running = true;
            startNanos = System.nanoTime();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        notifyAll();
    }

    @Override
    public synchronized void flush() {
        notifyAll();
    }

    @Override
    public synchronized void close() {
        open = false;
        running = false;
        notifyAll();
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized long getLongFramePosition() {
        return framesPlayed();
    }

    @Override
    public int getFramePosition() {
        return (int) getLongFramePosition();
    }

    @Override
    public long getMicrosecondPosition() {
        return (long) (getLongFramePosition() * 1e6 / format.getSampleRate());
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public boolean isActive() {
        return isRunning();
    }

    @Override
    public int getBufferSize() {
        return (int) (BUFFER_SECONDS * format.getSampleRate()) * format.getFrameSize();
    }

    @Override
    public int available() {
        return getBufferSize();
    }

    @Override
    public float getLevel() {
        return AudioSystem.NOT_SPECIFIED;
    }

    @Override
    public void open(AudioFormat format, int bufferSize) {
    }

    @Override
    public void open(AudioFormat format) {
    }

    @Override
    public void open() {
    }

    @Override
    public Line.Info getLineInfo() {
        return new DataLine.Info(SourceDataLine.class, format);
    }

    @Override
    public Control[] getControls() {
        return new Control[0];
    }

    @Override
    public boolean isControlSupported(Control.Type control) {
        return false;
    }

    @Override
    public Control getControl(Control.Type control) {
        throw new IllegalArgumentException("no controls");
    }

    @Override
    public void addLineListener(LineListener listener) {
    }

    @Override
    public void removeLineListener(LineListener listener) {
    }
}
