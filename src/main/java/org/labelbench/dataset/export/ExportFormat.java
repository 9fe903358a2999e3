package org.labelbench.dataset.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.labelbench.project.BadInputException;

/** The layouts an export can write; each names the writer that lays it out. */
public enum ExportFormat {
    CSV("csv", false),
    JSONL("jsonl", false),
    IMAGEFOLDER("imagefolder", true),
    HF("hf", true),
    LABELSTUDIO("labelstudio", false),
    COCO("coco", false);

    private final String id;
    private final boolean needsMedia;

    ExportFormat(String id, boolean needsMedia) {
        this.id = id;
        this.needsMedia = needsMedia;
    }

    public String id() {
        return id;
    }

    /** Whether the layout is made of the media files themselves, so it needs --copy or --link. */
    public boolean needsMedia() {
        return needsMedia;
    }

    FormatWriter newWriter() {
        return switch (this) {
            case CSV -> new CsvFormat();
            case JSONL -> new JsonlFormat();
            case IMAGEFOLDER -> new ImageFolderFormat();
            case HF -> new HuggingFaceFormat();
            case LABELSTUDIO -> new LabelStudioFormat();
            case COCO -> new CocoFormat();
        };
    }

    public static ExportFormat parse(String text) {
        for (ExportFormat format : values()) {
            if (format.id.equals(text == null ? "" : text.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new BadInputException("unknown export format '" + text + "' (" + Arrays.stream(values())
                .map(ExportFormat::id).collect(Collectors.joining(", ")) + ")");
    }
}
