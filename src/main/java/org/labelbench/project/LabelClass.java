package org.labelbench.project;

/** A class of the label schema. Retired classes stay (old labels point at them) but are not offered. */
public record LabelClass(long id, String name, String hotkey, String color, int order, boolean retired) {
}
