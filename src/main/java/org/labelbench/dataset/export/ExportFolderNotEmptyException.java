package org.labelbench.dataset.export;

import java.nio.file.Path;
import org.labelbench.project.BadInputException;

/**
 * An export into a folder that holds files, without being told to replace them. Its message is the
 * command line's (it names --force); the workbench says the same with its own checkbox.
 */
public final class ExportFolderNotEmptyException extends BadInputException {
    private final transient Path folder;

    ExportFolderNotEmptyException(Path folder) {
        super(folder + " is not empty (--force replaces it once the new export succeeded)");
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
