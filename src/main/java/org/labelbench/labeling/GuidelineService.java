package org.labelbench.labeling;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.labelbench.project.BadInputException;
import org.labelbench.project.GuidelineRepository;
import org.labelbench.project.GuidelineRepository.StoredExample;
import org.labelbench.project.GuidelineRepository.StoredVersion;
import org.labelbench.project.Item;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.Transaction;

/**
 * Versioned guidelines. Publishing writes version n+1 with the new text, the examples of
 * version n carried over (unless replaced) and the examples collected for the next version.
 * Old versions are never changed, so a label's guideline version always reads as it was.
 */
public final class GuidelineService {
    private final GuidelineRepository guidelines = new GuidelineRepository();
    private final ItemRepository items = new ItemRepository();
    private final LabelClassRepository classes = new LabelClassRepository();

    /** An example as given on the command line or in a file: item key, class name (or null), note. */
    public record ExampleSpec(String itemKey, String label, String note) {
    }

    /**
     * Publishes the next version. {@code replaceExamples} null carries the previous version's
     * examples over; a list replaces them. Examples collected for the next version are added.
     * A version after the first needs a change note and must differ from the current one (in
     * text or examples): every later label records it, so an empty version would split HLP by
     * guideline version for nothing, and versions are never deleted.
     */
    public Guideline publish(ProjectStore store, String markdown, String author, String change,
            List<ExampleSpec> replaceExamples) {
        if (markdown == null || markdown.isBlank()) {
            throw new BadInputException("the guideline text is empty");
        }
        return store.write(tx -> {
            int version = currentVersion(tx).orElse(0) + 1;
            if (version > 1) {
                refuseEmptyChange(tx, version, markdown, change, replaceExamples);
            }
            Instant now = Instant.now();
            guidelines.insertVersion(tx, new StoredVersion(version, markdown, now, author, change));
            if (replaceExamples == null) {
                guidelines.copyExamples(tx, version - 1, version);
            } else {
                for (ExampleSpec spec : replaceExamples) {
                    insertExample(tx, version, spec, author, now);
                }
            }
            guidelines.publishPending(tx, version);
            return version(tx, version).orElseThrow();
        });
    }

    private void refuseEmptyChange(Transaction tx, int version, String markdown, String change,
            List<ExampleSpec> replaceExamples) {
        if (change == null || change.isBlank()) {
            throw new BadInputException("v" + version + " needs a change note: say what changed since v"
                    + (version - 1));
        }
        Guideline current = version(tx, version - 1).orElseThrow();
        boolean sameText = current.markdown().strip().equals(markdown.strip());
        boolean sameExamples = guidelines.pendingExamples(tx).isEmpty() && (replaceExamples == null
                || replaceExamples.equals(current.examples().stream()
                        .map(e -> new ExampleSpec(e.itemKey(), e.label(), e.note())).toList()));
        if (sameText && sameExamples) {
            throw new BadInputException("v" + version + " would be the same as v" + (version - 1)
                    + ": change the text or the examples first");
        }
    }

    /** Collects an example for the next version (shown as pending until it is published). */
    public GuidelineExample addPendingExample(ProjectStore store, ExampleSpec spec, String author) {
        return store.write(tx -> {
            long id = insertExample(tx, null, spec, author, Instant.now());
            return toExample(guidelines.example(tx, id).orElseThrow());
        });
    }

    /** Drops an example collected for the next version; examples of published versions never change. */
    public void removePendingExample(ProjectStore store, long exampleId) {
        store.write(tx -> {
            if (!guidelines.deletePending(tx, exampleId)) {
                throw new BadInputException("example " + exampleId + " is not waiting for the next version");
            }
            return null;
        });
    }

    public Optional<Guideline> current(ProjectStore store) {
        return store.read(tx -> {
            Optional<Integer> version = currentVersion(tx);
            return version.isEmpty() ? Optional.empty() : version(tx, version.get());
        });
    }

    public Optional<Guideline> version(ProjectStore store, int version) {
        return store.read(tx -> version(tx, version));
    }

    /** Every version, oldest first, each with its examples. */
    public List<Guideline> list(ProjectStore store) {
        return store.read(tx -> {
            List<Guideline> all = new ArrayList<>();
            for (int v : guidelines.versions(tx)) {
                all.add(version(tx, v).orElseThrow());
            }
            return all;
        });
    }

    public List<GuidelineExample> pendingExamples(ProjectStore store) {
        return store.read(tx -> guidelines.pendingExamples(tx).stream().map(GuidelineService::toExample).toList());
    }

    /** The newest version number, if any guideline was written; labels record it. */
    public static Optional<Integer> currentVersion(Transaction tx) {
        return new GuidelineRepository().currentVersion(tx);
    }

    /** Reads a Markdown file for {@link #publish}, refusing what is not UTF-8 text. */
    public static String readMarkdown(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private Optional<Guideline> version(Transaction tx, int version) {
        return guidelines.version(tx, version).map(v -> new Guideline(v.version(), v.markdown(), v.created(),
                v.author(), v.change(), guidelines.examplesOf(tx, version).stream().map(GuidelineService::toExample)
                        .toList()));
    }

    private static GuidelineExample toExample(StoredExample e) {
        return new GuidelineExample(e.id(), e.version(), e.itemId(), e.itemKey(), e.media(), e.path(), e.label(),
                e.note());
    }

    private long insertExample(Transaction tx, Integer version, ExampleSpec spec, String author, Instant now) {
        Item item = items.findByKey(tx, spec.itemKey())
                .orElseThrow(() -> new BadInputException("example: no item with key '" + spec.itemKey() + "'"));
        Long classId = null;
        if (spec.label() != null && !spec.label().isBlank()) {
            LabelClass labelClass = classes.list(tx).stream().filter(lc -> lc.name().equals(spec.label().strip()))
                    .findFirst().orElseThrow(() -> new BadInputException("example: no class '" + spec.label() + "'"));
            classId = labelClass.id();
        }
        if (spec.note() == null || spec.note().isBlank()) {
            throw new BadInputException("example for '" + spec.itemKey() + "' has no note; say why it is an example");
        }
        return guidelines.insertExample(tx, version, item.id(), classId, spec.note().strip(), now, author);
    }
}
