package org.labelbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labelbench.dataset.Lineage;
import org.labelbench.dataset.VersionService;
import org.labelbench.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "lineage", description = {"Trace a version: import batches, labels, the version, its exports and"
        + " models.",
    "Nodes (import batches; labels per annotator with guideline versions, or per model run; versions; exports;",
    "models trained on it) and edges with the number of items that flowed along each, in the manner of ML Metadata."})
final class VersionLineageCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Parameters(index = "1", paramLabel = "V")
    String version;

    @Mixin
    JsonOption output;

    VersionLineageCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Lineage lineage;
        try (ProjectStore store = ProjectStore.openReadOnly(project)) {
            lineage = new VersionService().lineage(store, version);
        }
        Console console = context.console();
        if (output.json) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("version", lineage.version());
            List<Map<String, Object>> nodes = new ArrayList<>();
            for (Lineage.Node n : lineage.nodes()) {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("kind", n.kind());
                node.put("id", n.id());
                node.put("label", n.label());
                node.put("facts", n.facts());
                nodes.add(node);
            }
            facts.put("nodes", nodes);
            List<Map<String, Object>> edges = new ArrayList<>();
            for (Lineage.Edge e : lineage.edges()) {
                Map<String, Object> edge = new LinkedHashMap<>();
                edge.put("from", e.from());
                edge.put("to", e.to());
                edge.put("relation", e.relation());
                edge.put("items", e.items());
                edges.add(edge);
            }
            facts.put("edges", edges);
            console.json(facts);
            return LabelbenchCli.EXIT_OK;
        }
        Map<String, String> labelOf = new LinkedHashMap<>();
        lineage.nodes().forEach(n -> labelOf.put(n.id(), n.label()));
        console.line("Lineage of version " + lineage.version() + ":");
        for (Lineage.Node n : lineage.nodes()) {
            console.line("  [" + n.kind() + "] " + n.label() + (n.facts().isEmpty() ? "" : "  " + n.facts()));
        }
        for (Lineage.Edge e : lineage.edges()) {
            console.line(String.format(Locale.ROOT, "  %s -> %s: %s%s", labelOf.get(e.from()), labelOf.get(e.to()),
                    e.relation(), e.items() > 0 ? String.format(Locale.ROOT, " (%,d)", e.items()) : ""));
        }
        return LabelbenchCli.EXIT_OK;
    }
}
