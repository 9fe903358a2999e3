package org.labelbench.project;

/** Who made an annotation: a person (labeler, reviewer, lead) or a source (import, model). */
public record Annotator(long id, String name, String role) {
}
