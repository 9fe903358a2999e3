package org.labelbench.dataset.export;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.labelbench.dataset.VersionEntry;

/**
 * Counts of a version's entries and, when media are placed, the file names each export folder
 * receives. Filled in a first pass when the format or the placement needs it before writing,
 * else while entries are written. What the first pass over a version learns before anything is written: counts per split and
 * class for the dataset card, the attribute names (CSV's columns), the classes (COCO's
 * categories), and which media file names meet in one export folder (those get a key suffix).
 */
final class ExportPlan {
    static final String NO_SPLIT = "(none)";
    static final String UNLABELED = "(unlabeled)";

    private long items;
    private long leftOut;
    private final SortedMap<String, SortedMap<String, Long>> classesPerSplit = new TreeMap<>();
    private final SortedSet<String> classes = new TreeSet<>();
    private final SortedSet<String> attributeNames = new TreeSet<>();
    private final SortedSet<Integer> guidelineVersions = new TreeSet<>();
    private final SortedMap<String, Long> media = new TreeMap<>();
    private final SortedMap<String, Long> labelRules = new TreeMap<>();
    /** "folder/name" to how many entries would be placed there; null when no media are placed. */
    private final Map<String, Integer> placements;

    ExportPlan(boolean placesMedia) {
        placements = placesMedia ? new HashMap<>() : null;
    }

    void add(VersionEntry entry, String mediaFolder) {
        items++;
        String split = entry.split() == null ? NO_SPLIT : entry.split();
        String label = entry.label() == null ? UNLABELED : entry.label();
        classesPerSplit.computeIfAbsent(split, s -> new TreeMap<>()).merge(label, 1L, Long::sum);
        if (entry.label() != null) {
            classes.add(entry.label());
        }
        attributeNames.addAll(entry.attributes().keySet());
        if (entry.guidelineVersion() != null) {
            guidelineVersions.add(entry.guidelineVersion());
        }
        media.merge(entry.media(), 1L, Long::sum);
        labelRules.merge(entry.labelRule() == null ? "(none)" : entry.labelRule(), 1L, Long::sum);
        if (mediaFolder == null) {
            leftOut++;
        } else if (placements != null) {
            placements.merge(mediaFolder + "/" + SafeNames.fileName(entry.path(), entry.key()), 1, Integer::sum);
        }
    }

    /** Whether more than one entry's file would land on {@code folder/name}. */
    boolean shared(String folder, String name) {
        return placements != null && placements.getOrDefault(folder + "/" + name, 0) > 1;
    }

    long items() {
        return items;
    }

    /** Entries the format leaves out (imagefolder's unlabeled items, COCO's audio). */
    long leftOut() {
        return leftOut;
    }

    SortedMap<String, SortedMap<String, Long>> classesPerSplit() {
        return classesPerSplit;
    }

    /** The classes the version gives, sorted by name. */
    SortedSet<String> classes() {
        return classes;
    }

    SortedSet<String> attributeNames() {
        return attributeNames;
    }

    SortedSet<Integer> guidelineVersions() {
        return guidelineVersions;
    }

    SortedMap<String, Long> media() {
        return media;
    }

    SortedMap<String, Long> labelRules() {
        return labelRules;
    }

    long unlabeled() {
        return classesPerSplit.values().stream().mapToLong(m -> m.getOrDefault(UNLABELED, 0L)).sum();
    }
}
