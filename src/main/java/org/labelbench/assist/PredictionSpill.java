package org.labelbench.assist;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A prediction's probability rows parked on disk between the forward passes and the one write
 * transaction: a run over a million items would otherwise hold a million rows in memory (40 MB
 * of floats for ten classes, several times that as Java objects) while it waits to be written.
 * Rows are floats end to end in a temporary file beside the project (not in /tmp, which may be
 * memory), read back in the order they were written; {@link #close()} deletes the file.
 */
final class PredictionSpill implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final int width;
    private DataOutputStream out;
    private long rows;

    /** A spill for rows of {@code width} probabilities, in {@code folder}. */
    PredictionSpill(Path folder, int width) {
        this.width = width;
        try {
            file = Files.createTempFile(folder, ".labelbench-predict-", ".tmp");
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the prediction's temporary file in " + folder, e);
        }
    }

    void append(float[] row) {
        if (row.length != width) {
            throw new IllegalArgumentException(row.length + " probabilities for " + width + " classes");
        }
        try {
            for (float p : row) {
                out.writeFloat(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the prediction's temporary file " + file, e);
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Hands every row to {@code each}, in the order they were appended; a fresh array each. */
    void replay(Consumer<float[]> each) {
        try {
            out.close();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
                for (long r = 0; r < rows; r++) {
                    float[] row = new float[width];
                    for (int c = 0; c < width; c++) {
                        row[c] = in.readFloat();
                    }
                    each.accept(row);
                }
            }
        } catch (EOFException e) {
            throw new IllegalStateException(file + " ends before its " + rows + " rows", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prediction's temporary file " + file, e);
        }
    }

    /** Where the rows are: for tests that check it is gone. */
    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // the file is deleted next: nothing of it is kept
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the prediction's temporary file " + file, e);
        }
    }
}
