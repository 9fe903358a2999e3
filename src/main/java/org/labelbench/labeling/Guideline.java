package org.labelbench.labeling;

import java.time.Instant;
import java.util.List;

/** One version of the labeling guideline: Markdown text and its examples, immutable once written. */
public record Guideline(int version, String markdown, Instant created, String author, String change,
        List<GuidelineExample> examples) {
    public Guideline {
        examples = List.copyOf(examples);
    }

    /** The first Markdown heading, or the first line: what a list of versions shows. */
    public String title() {
        return markdown.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .map(l -> l.replaceFirst("^#+\\s*", "")).orElse("(empty)");
    }
}
