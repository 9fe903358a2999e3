package org.labelbench.ui.agreement;

import org.labelbench.project.Transaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.agreement.Slices;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.ProjectMeta;
import org.labelbench.project.ProjectStore;

/**
 * What the Agreement view reads, over one open project. Every method is a read on the calling
 * (background) thread; the computing happens elsewhere, on what these return.
 */
public final class AgreementCatalog {
    private final ProjectStore store;
    private final ItemRepository items = new ItemRepository();
    private final LabelClassRepository classes = new LabelClassRepository();

    /**
     * Changes whenever the figures could: annotations are append-only and items are only ever
     * added, so their largest ids move with every label and import; the classes and the
     * multi-label option are compared whole.
     */
    public record Stamp(long lastAnnotation, long lastItem, String classes, boolean multiLabel) {
    }

    public AgreementCatalog(ProjectStore store) {
        this.store = store;
    }

    public Stamp stamp() {
        return store.read(this::stamp);
    }

    /** The labels as reliability data, with what the view slices them by. */
    AgreementSnapshot snapshot() {
        return store.read(tx -> {
            Stamp stamp = stamp(tx);
            List<String> attributes = items.attributeNames(tx);
            if (stamp.multiLabel()) {
                return new AgreementSnapshot(stamp, true, null, Map.of(), LabelMatrix.readPerClass(tx),
                        attributes);
            }
            LabelMatrix matrix = LabelMatrix.read(tx);
            return new AgreementSnapshot(stamp, false, matrix, Slices.of(tx, matrix, "guideline"), Map.of(),
                    attributes);
        });
    }

    /** The units of {@code matrix} grouped by the value of attribute {@code name} ("(none)" without one). */
    Map<String, int[]> slicesByAttribute(LabelMatrix matrix, String name) {
        return store.read(tx -> Slices.of(tx, matrix, "attr:" + name));
    }

    private Stamp stamp(Transaction tx) throws SQLException {
        Connection c = tx.connection();
        long lastAnnotation;
        long lastItem;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (SELECT MAX(id) FROM annotation), (SELECT MAX(id) FROM item)")) {
            rs.next();
            lastAnnotation = rs.getLong(1);
            lastItem = rs.getLong(2);
        }
        boolean multiLabel = ProjectMeta.isMultiLabel(tx);
        return new Stamp(lastAnnotation, lastItem, classes.list(tx).toString(), multiLabel);
    }
}
