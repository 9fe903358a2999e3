package org.labelbench.cli;

import org.labelbench.ingest.ImportService;
import org.labelbench.labeling.LabelFileService;
import org.labelbench.project.SampleProjects;

/** The services commands work with, built once by the composition root and handed to each command. */
record CliContext(Console console, WorkbenchLauncher launcher, ImportService imports, LabelFileService labels,
        SampleProjects samples) {
}
