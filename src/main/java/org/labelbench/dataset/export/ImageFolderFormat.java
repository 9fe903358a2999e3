package org.labelbench.dataset.export;

import java.io.IOException;
import java.util.SortedSet;
import org.labelbench.dataset.VersionEntry;

/**
 * torchvision's ImageFolder (and Keras' image_dataset_from_directory): {@code <split>/<class>/<file>},
 * items without a split under {@code <class>/}. The folders are the labels, so unlabeled items are
 * left out (the dataset card counts them) and the format needs the media copied or linked.
 */
final class ImageFolderFormat implements FormatWriter {
    @Override
    public String mediaFolder(VersionEntry entry) {
        if (entry.label() == null) {
            return null;
        }
        String label = SafeNames.segment(entry.label(), MediaFolders.UNLABELED);
        return entry.split() == null ? label : SafeNames.segment(entry.split(), MediaFolders.NO_SPLIT) + "/" + label;
    }

    @Override
    public void begin(ExportFolder out, ExportPlan plan, SortedSet<String> attributeNames, String versionName,
            String created) {
    }

    @Override
    public void write(ExportedItem item) throws IOException {
        // the placed file is the whole record
    }

    @Override
    public void finish(ExportPlan plan) {
    }

    @Override
    public String layout() {
        return "`<split>/<class>/<file>` (items without a split: `<class>/<file>`); unlabeled items are left out.";
    }
}
