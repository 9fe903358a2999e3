package org.labelbench.dataset.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.SortedSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.labelbench.dataset.VersionEntry;
import org.labelbench.project.CsvCells;

/**
 * {@code items.csv}: the JSONL fields as columns (tags and annotators joined by {@code ;}), then one
 * {@code attr.NAME} column per attribute of the version, sorted; RFC 4180 quoting with {@code \n}
 * line ends; text cells that a spreadsheet would run as a formula get an apostrophe in front
 * ({@link CsvCells}).
 */
final class CsvFormat implements FormatWriter {
    static final String FILE = "items.csv";
    static final List<String> COLUMNS = List.of("key", "path", "sha256", "media", "label", "split", "tags",
            "label_rule", "annotators", "guideline_version", "model_run");
    static final String ATTRIBUTE_PREFIX = "attr.";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();
    private CSVPrinter printer;
    private List<String> attributes;

    @Override
    public boolean needsAttributeNames() {
        return true;
    }

    @Override
    public String mediaFolder(VersionEntry entry) {
        return MediaFolders.bySplitAndClass("media", entry);
    }

    @Override
    public void begin(ExportFolder out, ExportPlan plan, SortedSet<String> attributeNames, String versionName,
            String created)
            throws IOException {
        BufferedWriter writer = out.newTextFile(FILE);
        printer = new CSVPrinter(writer, FORMAT);
        attributes = List.copyOf(attributeNames);
        List<Object> header = new ArrayList<>(COLUMNS);
        attributes.forEach(name -> header.add(ATTRIBUTE_PREFIX + name));
        CsvCells.printRow(printer, header.toArray());
    }

    @Override
    public void write(ExportedItem item) throws IOException {
        VersionEntry e = item.entry();
        Object[] cells = new Object[COLUMNS.size() + attributes.size()];
        int c = 0;
        cells[c++] = e.key();
        cells[c++] = item.path();
        cells[c++] = e.sha256();
        cells[c++] = e.media();
        cells[c++] = e.label();
        cells[c++] = e.split();
        cells[c++] = String.join(";", e.tags());
        cells[c++] = e.labelRule();
        cells[c++] = String.join(";", e.annotators());
        cells[c++] = e.guidelineVersion();
        cells[c++] = e.modelRun();
        for (String name : attributes) {
            cells[c++] = e.attributes().get(name);
        }
        CsvCells.printRow(printer, cells);
    }

    @Override
    public void finish(ExportPlan plan) throws IOException {
        printer.close();
    }

    @Override
    public String layout() {
        return "`items.csv`: one row per item (key, path, sha256, media, label, split, tags, label_rule, annotators,"
                + " guideline_version, model_run, then `attr.NAME` per attribute); tags and annotators joined by `;`;"
                + " cells starting with = + - @ tab or CR carry a leading apostrophe.";
    }
}
