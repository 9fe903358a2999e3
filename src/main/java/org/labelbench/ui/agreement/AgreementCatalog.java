package org.labelbench.ui.agreement;

import java.util.List;
import java.util.Map;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.agreement.Slices;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.Opinions;
import org.labelbench.project.ProjectMeta;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.Transaction;

/**
 * What the Agreement view reads, over one open project. Every method is a read on the calling
 * (background) thread; the computing happens elsewhere, on what these return.
 */
public final class AgreementCatalog {
    private final ProjectStore store;
    private final ItemRepository items = new ItemRepository();
    private final AnnotationRepository annotations = new AnnotationRepository();
    private final LabelClassRepository classes = new LabelClassRepository();

    /**
     * Changes whenever the figures could: the labels stamp
     * ({@link AnnotationRepository#labelsStamp}) moves with every label and the newest item id
     * with every import; the classes and the multi-label option are compared whole.
     */
    public record Stamp(long labels, long newestItem, String classes, boolean multiLabel) {
    }

    public AgreementCatalog(ProjectStore store) {
        this.store = store;
    }

    public Stamp stamp() {
        return store.read(this::stamp);
    }

    /** The labels as reliability data (human-only), with what the view slices them by. */
    AgreementSnapshot snapshot() {
        return snapshot(Opinions.Suggestions.LEFT_OUT);
    }

    /** The labels as reliability data, counting accepted suggestions or not, with what the view slices them by. */
    AgreementSnapshot snapshot(Opinions.Suggestions suggestions) {
        return store.read(tx -> {
            Stamp stamp = stamp(tx);
            List<String> attributes = items.attributeNames(tx);
            if (stamp.multiLabel()) {
                return new AgreementSnapshot(stamp, true, null, Map.of(), LabelMatrix.readPerClass(tx, suggestions),
                        attributes);
            }
            LabelMatrix matrix = LabelMatrix.read(tx, suggestions);
            return new AgreementSnapshot(stamp, false, matrix, Slices.of(tx, matrix, "guideline"), Map.of(),
                    attributes);
        });
    }

    /** The units of {@code matrix} grouped by the value of attribute {@code name} ("(none)" without one). */
    Map<String, int[]> slicesByAttribute(LabelMatrix matrix, String name) {
        return store.read(tx -> Slices.of(tx, matrix, "attr:" + name));
    }

    private Stamp stamp(Transaction tx) {
        return new Stamp(annotations.labelsStamp(tx), items.newestId(tx), classes.list(tx).toString(),
                ProjectMeta.isMultiLabel(tx));
    }
}
