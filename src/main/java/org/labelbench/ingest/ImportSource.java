package org.labelbench.ingest;

/**
 * What an import reads: a folder of images, a folder of audio, a CSV/JSONL manifest, a Label
 * Studio JSON export, or a Labelbench {@code csv}/{@code jsonl} dataset export.
 */
public enum ImportSource {
    // import_batch.kind allows images, audio and manifest (V001); the two export formats are
    // manifests of a kind, told apart by the batch's options ("format").
    IMAGES("images", null), AUDIO("audio", null), MANIFEST("manifest", null),
    LABEL_STUDIO("manifest", "labelstudio"), DATASET("manifest", "dataset");

    private final String batchKind;
    private final String format;

    ImportSource(String batchKind, String format) {
        this.batchKind = batchKind;
        this.format = format;
    }

    /** The word stored in {@code import_batch.kind}. */
    public String batchKind() {
        return batchKind;
    }

    /** The export format read, stored in the batch's options; null for folders and manifests. */
    public String format() {
        return format;
    }
}
