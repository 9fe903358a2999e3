package org.labelbench.ingest;

/** What an import reads: a folder of images, a folder of audio, or a CSV/JSONL manifest. */
public enum ImportSource {
    IMAGES("images"), AUDIO("audio"), MANIFEST("manifest");

    private final String batchKind;

    ImportSource(String batchKind) {
        this.batchKind = batchKind;
    }

    /** The word stored in {@code import_batch.kind}. */
    public String batchKind() {
        return batchKind;
    }
}
