package org.labelbench.ingest;

import java.nio.file.Path;
import java.util.Map;

/**
 * A file found by a scan or named by a manifest row, not yet read.
 *
 * @param origin how to name it in a report: its path relative to the source, or "manifest row N"
 * @param label a label that comes with it (folder name, manifest column), or null
 */
record ImportCandidate(String key, Path file, String origin, Map<String, String> attributes, String label) {
}
