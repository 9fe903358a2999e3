package org.labelbench.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.labelbench.dataset.DatasetVersion;
import picocli.CommandLine.Command;

@Command(name = "version", description = {"Dataset versions: immutable snapshots of items with their labels and provenance.",
    "A version is never changed, only superseded by a newer one; its manifest hash names its data."},
        subcommands = {VersionCreateCommand.class, VersionListCommand.class, VersionShowCommand.class,
            VersionDiffCommand.class, VersionLineageCommand.class})
final class VersionCommand {
    private VersionCommand() {
    }

    /** A version's header as JSON, the same in every version command. */
    static Map<String, Object> headerJson(DatasetVersion v) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", v.name());
        facts.put("note", v.note());
        facts.put("parent", v.parent());
        facts.put("items_rule", v.itemsRule());
        facts.put("truth_rule", v.truthRule());
        facts.put("created", v.created());
        facts.put("created_by", v.createdBy());
        facts.put("items", v.items());
        facts.put("manifest_sha256", v.manifestSha256());
        facts.put("labels_fingerprint", v.labelsFingerprint());
        return facts;
    }
}
