package org.labelbench.assist;

import java.util.List;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ModelRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.Transaction;

/** The models stored with a project. */
public final class ModelCatalog {
    private ModelCatalog() {
    }

    public static List<StoredModel> list(ProjectStore store) {
        return store.read(tx -> new ModelRepository().list(tx).stream()
                .map(row -> StoredModel.of(row, store.file())).toList());
    }

    public static StoredModel find(ProjectStore store, String name) {
        return store.read(tx -> find(tx, store, name));
    }

    /** Refuses a name a stored model has: a model is never changed, whether trained or loaded. */
    static void refuseTaken(Transaction tx, String name) {
        if (new ModelRepository().exists(tx, name)) {
            throw new BadInputException("a model named '" + name + "' exists; models are never changed, so give the"
                    + " new one another name");
        }
    }

    static StoredModel find(Transaction tx, ProjectStore store, String name) {
        return new ModelRepository().find(tx, name).map(row -> StoredModel.of(row, store.file()))
                .orElseThrow(() -> new BadInputException("no model named '" + name + "' in " + store.file()
                        .getFileName() + " (assist models lists them)"));
    }
}
