package org.labelbench.dataset.export;

import java.io.IOException;
import java.util.SortedSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.labelbench.dataset.VersionEntry;

/**
 * Hugging Face's ImageFolder / AudioFolder with metadata: one folder per split under the names
 * the datasets library recognises (train, validation, test), each holding its media files and a
 * {@code metadata.csv} whose first column, {@code file_name}, names a file beside it, then
 * {@code label} and one column per attribute. Items without a split go to train. An attribute
 * named like one of HF's own columns ({@code file_name}, {@code label}, {@code image},
 * {@code audio}) is written as {@code attr_NAME}: under its own name it would be read as the file
 * reference, the class or the decoded media instead of as a feature.
 */
final class HuggingFaceFormat implements FormatWriter {
    static final String METADATA = "metadata.csv";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();
    private ExportFolder out;
    /** Columns HF's folder loaders give a meaning of their own: file reference, class, decoded media. */
    static final Set<String> RESERVED = Set.of("file_name", "label", "image", "audio");
    private List<String> attributes;
    private List<String> attributeColumns;
    private final Map<String, CSVPrinter> printers = new TreeMap<>();

    /** HF's split name for one of ours: dev and val are its validation; unsplit items are train. */
    static String hfSplit(String split) {
        if (split == null) {
            return "train";
        }
        return switch (split.toLowerCase(Locale.ROOT)) {
            case "dev", "val", "valid", "validation" -> "validation";
            case "train", "training" -> "train";
            case "test", "testing", "eval" -> "test";
            default -> SafeNames.segment(split, "train");
        };
    }

    @Override
    public boolean needsAttributeNames() {
        return true;
    }

    @Override
    public String mediaFolder(VersionEntry entry) {
        return hfSplit(entry.split());
    }

    @Override
    public void begin(ExportFolder out, ExportPlan plan, SortedSet<String> attributeNames, String versionName,
            String created) {
        this.out = out;
        attributes = List.copyOf(attributeNames);
        attributeColumns = columnNames(attributes);
    }

    /**
     * The metadata.csv column of each attribute: its own name, or {@code attr_NAME} for a reserved
     * one, prefixed again while that is taken (an attribute may itself be called attr_label).
     */
    static List<String> columnNames(List<String> attributeNames) {
        Set<String> taken = new HashSet<>(RESERVED);
        taken.addAll(attributeNames);
        List<String> columns = new ArrayList<>(attributeNames.size());
        for (String name : attributeNames) {
            String column = name;
            if (RESERVED.contains(name)) {
                column = "attr_" + name;
                while (taken.contains(column)) {
                    column = "attr_" + column;
                }
                taken.add(column);
            }
            columns.add(column);
        }
        return columns;
    }

    @Override
    public void write(ExportedItem item) throws IOException {
        String split = hfSplit(item.entry().split());
        CSVPrinter printer = printers.get(split);
        if (printer == null) {
            printer = new CSVPrinter(out.newTextFile(split + "/" + METADATA), FORMAT);
            List<String> header = new ArrayList<>(List.of("file_name", "label"));
            header.addAll(attributeColumns);
            printer.printRecord(header);
            printers.put(split, printer);
        }
        List<String> row = new ArrayList<>(2 + attributes.size());
        row.add(item.placed().getFileName().toString());
        row.add(item.entry().label() == null ? "" : item.entry().label());
        for (String name : attributes) {
            row.add(item.entry().attributes().getOrDefault(name, ""));
        }
        printer.printRecord(row);
    }

    @Override
    public void finish(ExportPlan plan) throws IOException {
        for (CSVPrinter printer : printers.values()) {
            printer.close();
        }
    }

    @Override
    public String layout() {
        return "Hugging Face ImageFolder/AudioFolder: `<split>/` per split (train, validation for dev/val, test;"
                + " items without a split in train), each with its files and `metadata.csv` (file_name, label,"
                + " then the attributes, file_name/label/image/audio as attr_NAME); load with `load_dataset(\"imagefolder\", data_dir=OUT)` (or \"audiofolder\").";
    }
}
