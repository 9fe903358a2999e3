package org.labelbench.dataset;

/**
 * A dataset version's header, as stored once and never changed.
 *
 * @param name              its name, unique in the project
 * @param note              what the maker said of it, null when nothing
 * @param parent            the version that was newest when it was made, null for the first
 * @param itemsRule         which items it holds: {@code all}, {@code split:S} or {@code tag:T}
 * @param truthRule         how the labels were decided ({@code adjudicated}, {@code annotator:NAME}, with
 *                          {@code ; tie-breaker NAME} when one was named)
 * @param created           when, an ISO-8601 instant
 * @param createdBy         who made it
 * @param items             how many items it holds
 * @param manifestSha256    {@link VersionManifest}'s hash of its entries
 * @param labelsFingerprint SHA-256 over the sorted "key TAB label" lines of its labeled items, the
 *                          definition the model table uses, so a model's labels can be matched to a version
 */
public record DatasetVersion(String name, String note, String parent, String itemsRule, String truthRule,
        String created, String createdBy, long items, String manifestSha256, String labelsFingerprint) {
}
