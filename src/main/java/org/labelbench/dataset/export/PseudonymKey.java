package org.labelbench.dataset.export;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ProjectMeta;
import org.labelbench.project.ProjectStore;

/**
 * The project's pseudonym key: 32 random bytes made on the first pseudonymized export and kept in
 * project_meta, so every later export of the project gives each annotator the same pseudonym.
 */
public final class PseudonymKey {
    static final String META_NAME = "pseudonym_key";
    private static final int BYTES = 32;

    private PseudonymKey() {
    }

    /** The stored key, made and stored first if the project has none. */
    public static Pseudonyms of(ProjectStore store) {
        Optional<String> stored = store.read(tx -> ProjectMeta.get(tx, META_NAME));
        if (stored.isEmpty()) {
            if (store.isReadOnly()) {
                throw new BadInputException(store.file() + " has no pseudonym key yet and is open read-only");
            }
            stored = Optional.of(store.write(tx -> {
                // Another process may have made one between the read and this write: keep the first.
                Optional<String> raced = ProjectMeta.get(tx, META_NAME);
                if (raced.isPresent()) {
                    return raced.get();
                }
                byte[] key = new byte[BYTES];
                new SecureRandom().nextBytes(key);
                String hex = HexFormat.of().formatHex(key);
                ProjectMeta.put(tx, META_NAME, hex);
                return hex;
            }));
        }
        return new Pseudonyms(HexFormat.of().parseHex(stored.get()));
    }
}
