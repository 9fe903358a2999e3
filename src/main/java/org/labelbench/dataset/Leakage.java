package org.labelbench.dataset;

import java.util.List;
import java.util.Locale;

/**
 * What crosses between splits. Identical content (the same SHA-256) and a group in two splits
 * are errors: a model would be judged on what it trained on. Near-duplicate pictures (dHash
 * at most {@code threshold} bits apart) and clips (the log-mel fingerprint, as many bits) are
 * warnings: they may be two takes of one thing, or two plain things that look alike at 9×8,
 * and only a person can tell.
 */
public record Leakage(long contentPairs, List<String> contentExamples, long groupsAcross, List<String> groupExamples,
        int threshold, long nearPairs, List<NearPair> nearExamples, long imagesHashed, long imagesUndecoded,
        long clipsHashed, long clipsUndecoded) {

    /** A near-duplicate pair across two splits: two pictures ({@code media} "image") or two clips ("audio"). */
    public record NearPair(String media, String firstKey, String firstSplit, String secondKey, String secondSplit,
            int distance) {
        public String describe() {
            return String.format(Locale.ROOT, "%s (%s) ~ %s (%s), %d bits apart", firstKey, firstSplit, secondKey,
                    secondSplit, distance);
        }
    }

    public boolean hasErrors() {
        return contentPairs > 0 || groupsAcross > 0;
    }

    /** The one line an error exits with: the counts and the first few named. */
    public String errorLine() {
        StringBuilder line = new StringBuilder("leakage across splits: ");
        if (contentPairs > 0) {
            line.append(contentPairs).append(contentPairs == 1 ? " pair" : " pairs")
                    .append(" of items with identical content (").append(String.join("; ", contentExamples))
                    .append(contentPairs > contentExamples.size() ? "; ..." : "").append(")");
        }
        if (groupsAcross > 0) {
            line.append(contentPairs > 0 ? ", and " : "").append(groupsAcross)
                    .append(groupsAcross == 1 ? " group" : " groups").append(" in more than one split (")
                    .append(String.join("; ", groupExamples)).append(groupsAcross > groupExamples.size() ? "; ..." : "")
                    .append(")");
        }
        return line.toString();
    }
}
