package org.labelbench.dataset.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.util.SortedSet;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbench.dataset.VersionEntry;
import org.labelbench.project.BadInputException;

/**
 * COCO for classification: {@code annotations.json} with {@code images} (id from 1 in key order,
 * file_name, width and height as shown, after EXIF orientation, plus the item's key and split),
 * {@code categories} (the version's classes sorted by name, ids from 1: COCO keeps 0 for
 * background) and one annotation per labeled image whose bbox is the whole image
 * ({@code [0, 0, width, height]}, area width x height, iscrowd 0). Audio items are left out.
 */
final class CocoFormat implements FormatWriter {
    static final String FILE = "annotations.json";
    private final Map<String, Integer> categories = new LinkedHashMap<>();
    /** Per labeled image: image id, width, height; its class in {@link #annotationLabels}. */
    private final List<long[]> annotations = new ArrayList<>();
    private final List<String> annotationLabels = new ArrayList<>();
    private JsonGenerator json;
    private int nextImage = 1;

    @Override
    public String mediaFolder(VersionEntry entry) {
        return "image".equals(entry.media()) ? "images/" + SafeNames.segment(entry.split(), MediaFolders.NO_SPLIT)
                : null;
    }

    @Override
    public void begin(ExportFolder out, ExportPlan plan, SortedSet<String> attributeNames, String versionName,
            String created)
            throws IOException {
        json = new JsonFactory().createGenerator(out.newFile(FILE), JsonEncoding.UTF8);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        pretty.indentArraysWith(new DefaultIndenter("  ", "\n"));
        json.setPrettyPrinter(pretty);
        json.writeStartObject();
        json.writeObjectFieldStart("info");
        json.writeStringField("description", "Labelbench dataset version " + versionName);
        json.writeStringField("version", versionName);
        json.writeStringField("date_created", created);
        json.writeEndObject();
        json.writeArrayFieldStart("licenses");
        json.writeEndArray();
        json.writeArrayFieldStart("images");
    }

    @Override
    public void write(ExportedItem item) throws IOException {
        VersionEntry e = item.entry();
        if (e.width() == null || e.height() == null) {
            throw new BadInputException("item " + e.key() + " has no stored width and height for COCO");
        }
        int orientation;
        try {
            orientation = ExifOrientation.of(item.source());
        } catch (NoSuchFileException missing) {
            throw new BadInputException("media file " + item.source() + " of item " + e.key()
                    + " is missing (COCO reads its EXIF orientation)", missing);
        }
        boolean swap = ExifOrientation.swapsSides(orientation);
        int width = swap ? e.height() : e.width();
        int height = swap ? e.width() : e.height();
        int id = nextImage++;
        json.writeStartObject();
        json.writeNumberField("id", id);
        json.writeStringField("file_name", item.path());
        json.writeNumberField("width", width);
        json.writeNumberField("height", height);
        json.writeStringField("key", e.key());
        json.writeStringField("split", e.split());
        json.writeEndObject();
        if (e.label() != null) {
            annotations.add(new long[] {id, width, height});
            annotationLabels.add(e.label());
        }
    }

    @Override
    public void finish(ExportPlan plan) throws IOException {
        json.writeEndArray();
        int next = 1;
        for (String label : plan.classes()) {
            categories.put(label, next++);
        }
        json.writeArrayFieldStart("categories");
        for (Map.Entry<String, Integer> category : categories.entrySet()) {
            json.writeStartObject();
            json.writeNumberField("id", category.getValue());
            json.writeStringField("name", category.getKey());
            json.writeStringField("supercategory", "");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("annotations");
        for (int i = 0; i < annotations.size(); i++) {
            long[] a = annotations.get(i);
            json.writeStartObject();
            json.writeNumberField("id", i + 1);
            json.writeNumberField("image_id", a[0]);
            json.writeNumberField("category_id", categories.get(annotationLabels.get(i)));
            json.writeArrayFieldStart("bbox");
            json.writeNumber(0);
            json.writeNumber(0);
            json.writeNumber(a[1]);
            json.writeNumber(a[2]);
            json.writeEndArray();
            json.writeNumberField("area", a[1] * a[2]);
            json.writeNumberField("iscrowd", 0);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        json.close();
    }

    @Override
    public String layout() {
        return "COCO: `annotations.json` with images (id from 1 in key order, file_name, width and height after EXIF"
                + " orientation), categories (the classes sorted by name, ids from 1) and one annotation per labeled"
                + " image (category_id; bbox the whole image [0, 0, width, height], area width x height).";
    }
}
