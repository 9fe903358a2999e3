package org.labelbench.dataset.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.labelbench.dataset.VersionEntry;

/**
 * What an export reads of one dataset version: its facts, its entries in key order (read twice:
 * once to plan, once to write, so a million entries never sit in memory) and its manifest.json.
 */
public interface ExportedVersion {
    /** The version's name. */
    String name();

    /** When the version was made, as the version stores it: the only time an export writes. */
    String created();

    /** The version's manifest hash (VersionManifest's definition). */
    String manifestSha256();

    /** How many entries the version holds (the progress bar's total). */
    long items();

    /** The attribute names of all entries, sorted (CSV's and HF's columns); this default reads every entry. */
    default SortedSet<String> attributeNames() throws IOException {
        SortedSet<String> names = new TreeSet<>();
        entries(entry -> names.addAll(entry.attributes().keySet()));
        return names;
    }

    /** The folder relative media paths are resolved against (the project's folder). */
    Path mediaRoot();

    /** Short lines on where the version came from (parent, import batches, note) for the dataset card. */
    List<String> lineage();

    /** Calls {@code consumer} with every entry, in key order. */
    void entries(Consumer<VersionEntry> consumer) throws IOException;

    /** Writes the version's manifest.json to {@code file}. */
    void writeManifest(Path file) throws IOException;
}
