package org.labelbench.dataset;

import java.util.List;
import java.util.Map;

/**
 * Where a version came from and where it went, as a graph in the manner of ML Metadata: import
 * batches feed labels (one node per annotator, or per model run for auto labels), labels and
 * unlabeled items feed the version, its parent precedes it, and the version feeds its exports and
 * the models trained on it. Edges carry the number of items that flowed along them.
 *
 * @param version the version the graph is drawn around
 * @param nodes   every node, in drawing order: import batches, labels, parent, version, exports, models
 * @param edges   every edge, by node id
 */
public record Lineage(String version, List<Node> nodes, List<Edge> edges) {
    /** Node kinds. */
    public static final String IMPORT_BATCH = "import_batch";
    public static final String LABELS = "labels";
    public static final String VERSION = "version";
    public static final String EXPORT = "export";
    public static final String MODEL = "model";

    /**
     * One node: {@code kind} one of the constants above, {@code id} unique in the graph
     * ({@code import:3}, {@code labels:alice}, {@code labels:run:RUN}, {@code version:v2},
     * {@code export:5}, {@code model:NAME}), {@code label} what to print on it, {@code facts} its
     * details (counts, guideline versions, folder, format...).
     */
    public record Node(String kind, String id, String label, Map<String, Object> facts) {
        public Node {
            facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        }
    }

    /** One edge from node {@code from} to node {@code to}: {@code relation} says what flowed, {@code items} how many. */
    public record Edge(String from, String to, String relation, long items) {
    }

    public Lineage {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The nodes of one kind, in graph order. */
    public List<Node> nodesOf(String kind) {
        return nodes.stream().filter(n -> n.kind().equals(kind)).toList();
    }
}
