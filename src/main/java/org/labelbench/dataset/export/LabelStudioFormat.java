package org.labelbench.dataset.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.util.SortedSet;
import java.util.Set;
import org.labelbench.dataset.VersionEntry;

/**
 * Label Studio's task import format: {@code tasks.json}, a JSON array of tasks, each with
 * {@code data} ({@code image} or {@code audio}: the media path; {@code key}, {@code split}) and,
 * for a labeled item, one annotation whose {@code result} holds one {@code choices} region from
 * {@code label} to {@code image}/{@code audio}. {@code label_config.xml} is the labeling
 * configuration those names belong to, with the version's classes.
 */
final class LabelStudioFormat implements FormatWriter {
    static final String TASKS = "tasks.json";
    static final String CONFIG = "label_config.xml";
    static final String FROM_NAME = "label";
    private JsonGenerator json;
    private boolean mixedMedia;

    @Override
    public boolean needsPlan() {
        return true; // the labeling config and from_name depend on the classes and media kinds
    }

    @Override
    public String mediaFolder(VersionEntry entry) {
        return MediaFolders.bySplitAndClass("media", entry);
    }

    @Override
    public void begin(ExportFolder out, ExportPlan plan, SortedSet<String> attributeNames, String versionName,
            String created)
            throws IOException {
        mixedMedia = plan.media().size() > 1;
        writeConfig(out, plan);
        json = new JsonFactory().createGenerator(out.newFile(TASKS), JsonEncoding.UTF8);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        pretty.indentArraysWith(new DefaultIndenter("  ", "\n"));
        json.setPrettyPrinter(pretty);
        json.writeStartArray();
    }

    private static void writeConfig(ExportFolder out, ExportPlan summary) throws IOException {
        Set<String> media = summary.media().keySet();
        try (BufferedWriter xml = out.newTextFile(CONFIG)) {
            xml.write("<View>\n");
            for (String kind : media) {
                String tag = "audio".equals(kind) ? "Audio" : "Image";
                xml.write("  <" + tag + " name=\"" + kind + "\" value=\"$" + kind + "\"/>\n");
            }
            for (String kind : media) {
                xml.write("  <Choices name=\"" + fromName(media.size() > 1, kind)
                        + "\" toName=\"" + kind + "\" choice=\"single\">\n");
                for (String label : summary.classes()) {
                    xml.write("    <Choice value=\"" + xmlAttribute(label) + "\"/>\n");
                }
                xml.write("  </Choices>\n");
            }
            xml.write("</View>\n");
        }
    }

    /** One Choices control per media kind: {@code label}, or {@code label_image} and {@code label_audio} when both occur. */
    private static String fromName(boolean mixed, String kind) {
        return mixed ? FROM_NAME + "_" + kind : FROM_NAME;
    }

    private static String xmlAttribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void write(ExportedItem item) throws IOException {
        VersionEntry e = item.entry();
        String kind = "audio".equals(e.media()) ? "audio" : "image";
        json.writeStartObject();
        json.writeObjectFieldStart("data");
        json.writeStringField(kind, item.path());
        json.writeStringField("key", e.key());
        if (e.split() != null) {
            json.writeStringField("split", e.split());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("annotations");
        if (e.label() != null) {
            json.writeStartObject();
            json.writeArrayFieldStart("result");
            json.writeStartObject();
            json.writeStringField("from_name", fromName(mixedMedia, kind));
            json.writeStringField("to_name", kind);
            json.writeStringField("type", "choices");
            json.writeObjectFieldStart("value");
            json.writeArrayFieldStart("choices");
            json.writeString(e.label());
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndArray();
            json.writeBooleanField("was_cancelled", false);
            json.writeBooleanField("ground_truth", "adjudicated".equals(e.labelRule()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("meta");
        json.writeStringField("sha256", e.sha256());
        json.writeStringField("label_rule", e.labelRule());
        json.writeArrayFieldStart("annotators");
        for (String annotator : e.annotators()) {
            json.writeString(annotator);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void finish(ExportPlan plan) throws IOException {
        json.writeEndArray();
        json.writeRaw('\n');
        json.close();
    }

    @Override
    public String layout() {
        return "Label Studio: `tasks.json` (an array of tasks: `data.image` or `data.audio` with the media path,"
                + " `annotations[0].result[0]` a `choices` result from `label` to `image`/`audio`) and"
                + " `label_config.xml`, the labeling configuration to create the project with.";
    }
}
