package org.labelbench.dataset.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.util.SortedSet;
import java.util.Map;
import org.labelbench.dataset.VersionEntry;
import org.labelbench.project.CsvCells;

/**
 * {@code items.jsonl}: one JSON object per item, in key order, with the fields in formats.md's
 * order. Text values are neutralised as CSV cells are (a JSONL file opened in a spreadsheet shows
 * the same cells), and the re-importer undoes it the same way.
 */
final class JsonlFormat implements FormatWriter {
    static final String FILE = "items.jsonl";
    private JsonGenerator json;
    private long written;

    @Override
    public String mediaFolder(VersionEntry entry) {
        return MediaFolders.bySplitAndClass("media", entry);
    }

    @Override
    public void begin(ExportFolder out, ExportPlan plan, SortedSet<String> attributeNames, String versionName,
            String created)
            throws IOException {
        json = new JsonFactory().createGenerator(out.newFile(FILE), JsonEncoding.UTF8);
        json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
    }

    @Override
    public void write(ExportedItem item) throws IOException {
        VersionEntry e = item.entry();
        written++;
        json.writeStartObject();
        text("key", e.key());
        text("path", item.path());
        text("sha256", e.sha256());
        text("media", e.media());
        text("label", e.label());
        text("split", e.split());
        json.writeArrayFieldStart("tags");
        for (String tag : e.tags()) {
            json.writeString(CsvCells.neutralise(tag));
        }
        json.writeEndArray();
        json.writeObjectFieldStart("attributes");
        for (Map.Entry<String, String> attribute : e.attributes().entrySet()) {
            text(CsvCells.neutralise(attribute.getKey()), attribute.getValue());
        }
        json.writeEndObject();
        text("label_rule", e.labelRule());
        json.writeArrayFieldStart("annotators");
        for (String annotator : e.annotators()) {
            json.writeString(CsvCells.neutralise(annotator));
        }
        json.writeEndArray();
        if (e.guidelineVersion() == null) {
            json.writeNullField("guideline_version");
        } else {
            json.writeNumberField("guideline_version", e.guidelineVersion());
        }
        text("model_run", e.modelRun());
        json.writeEndObject();
    }

    private void text(String field, String value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, CsvCells.neutralise(value));
        }
    }

    @Override
    public void finish(ExportPlan plan) throws IOException {
        if (written > 0) {
            json.writeRaw('\n');
        }
        json.close();
    }

    @Override
    public String layout() {
        return "`items.jsonl`: one JSON object per item (key, path, sha256, media, label, split, tags, attributes,"
                + " label_rule, annotators, guideline_version, model_run); text starting with = + - @ tab or CR"
                + " carries a leading apostrophe.";
    }
}
