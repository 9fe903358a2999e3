package org.labelbench.dataset.export;

import org.labelbench.dataset.VersionEntry;

/** The media folder of formats that keep every item: {@code media/<split or _>/<class or _unlabeled>}. */
final class MediaFolders {
    static final String NO_SPLIT = "_";
    static final String UNLABELED = "_unlabeled";

    private MediaFolders() {
    }

    static String bySplitAndClass(String top, VersionEntry entry) {
        return top + "/" + SafeNames.segment(entry.split(), NO_SPLIT) + "/" + SafeNames.segment(entry.label(),
                UNLABELED);
    }
}
