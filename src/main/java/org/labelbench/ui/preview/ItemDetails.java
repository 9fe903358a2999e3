package org.labelbench.ui.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.labelbench.project.CurrentLabel;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRow;
import org.labelbench.ui.DisplayFormats;

/** The facts the preview lists for an item, in the order a reviewer reads them. */
final class ItemDetails {
    private ItemDetails() {
    }

    static List<DetailSection> of(ItemRow row, MediaFiles media) {
        Item item = row.item();
        List<Detail> facts = new ArrayList<>();
        facts.add(new Detail("Key", item.key()));
        facts.add(new Detail("Path", item.path()));
        facts.add(new Detail("Format", item.format() == null ? "" : item.format().toUpperCase(java.util.Locale.ROOT)));
        facts.add(new Detail("Size", DisplayFormats.bytes(item.bytes()) + " (" + DisplayFormats.count(item.bytes(),
                "byte", "bytes") + ")"));
        if (item.isAudio()) {
            facts.add(new Detail("Duration", DisplayFormats.duration(item.durationMs())));
            String shape = DisplayFormats.audioShape(item.sampleRate(), item.channels());
            if (item.bitsPerSample() != null) {
                shape += " · " + item.bitsPerSample() + "-bit";
            }
            facts.add(new Detail("Audio", shape));
        } else {
            facts.add(new Detail("Dimensions", DisplayFormats.dimensions(item)));
        }
        facts.add(new Detail("SHA-256", DisplayFormats.shortHash(item.sha256())));
        facts.add(new Detail("Import batch", "#" + item.importBatch()));

        List<DetailSection> sections = new ArrayList<>();
        sections.add(new DetailSection("Item", facts));
        if (!row.attributes().isEmpty()) {
            List<Detail> attributes = new ArrayList<>();
            for (Map.Entry<String, String> attribute : row.attributes().entrySet()) {
                attributes.add(new Detail(attribute.getKey(), attribute.getValue()));
            }
            sections.add(new DetailSection("Attributes", attributes));
        }
        List<Detail> labels = new ArrayList<>();
        for (CurrentLabel label : row.labels()) {
            String value = label.label() + (label.guidelineVersion() == null ? ""
                    : " (guidelines v" + label.guidelineVersion() + ")");
            labels.add(new Detail(label.annotator(), value));
        }
        if (labels.isEmpty()) {
            labels.add(new Detail("", "No labels yet"));
        }
        sections.add(new DetailSection("Labels", labels));
        return sections;
    }
}
