package org.labelbench.ui.disagreements;

import org.labelbench.project.LabelClass;

/** What the lead typed in the "Add as guideline example" dialog: the example's class and why. */
public record ExampleRequest(LabelClass labelClass, String note) {
}
