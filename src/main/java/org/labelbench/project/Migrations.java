package org.labelbench.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered list of schema migrations, read from a folder of the class path whose
 * {@code index.txt} names the scripts in order (a jar cannot be listed, an index can).
 */
public final class Migrations {
    public static final String DEFAULT_FOLDER = "db/migration";

    private final List<Migration> steps;

    private Migrations(List<Migration> steps) {
        this.steps = List.copyOf(steps);
    }

    static Migrations of(List<Migration> steps) {
        return new Migrations(steps);
    }

    public static Migrations builtIn() {
        return fromClasspath(DEFAULT_FOLDER);
    }

    public static Migrations fromClasspath(String folder) {
        String index = readResource(folder + "/index.txt");
        List<Migration> steps = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            int version = steps.size() + 1;
            if (!name.startsWith(String.format("V%03d__", version))) {
                throw new IllegalStateException("migration " + name + " is out of order: expected V"
                        + String.format("%03d", version) + "__...");
            }
            steps.add(new Migration(version, name, readResource(folder + "/" + name)));
        }
        return new Migrations(steps);
    }

    public List<Migration> steps() {
        return steps;
    }

    public int latestVersion() {
        return steps.size();
    }

    private static String readResource(String path) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
