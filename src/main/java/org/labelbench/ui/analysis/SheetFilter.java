package org.labelbench.ui.analysis;

/**
 * Which rows of the spreadsheet to show by tag: every row, the rows of items without any tag
 * (what is left to tag), or the rows of one tag's items.
 */
public record SheetFilter(Kind kind, String tag) {
    /** The kinds of filter. */
    public enum Kind { ALL, UNTAGGED, TAG }

    static final SheetFilter ALL = new SheetFilter(Kind.ALL, null);
    static final SheetFilter UNTAGGED = new SheetFilter(Kind.UNTAGGED, null);

    static SheetFilter tag(String tag) {
        return new SheetFilter(Kind.TAG, tag);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "All tags";
            case UNTAGGED -> "Untagged";
            case TAG -> "Tag: " + tag;
        };
    }
}
