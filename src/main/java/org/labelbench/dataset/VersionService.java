package org.labelbench.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.labelbench.agreement.LabelMatrix;
import org.labelbench.agreement.Ratings;
import org.labelbench.analysis.GroundTruth;
import org.labelbench.analysis.TruthSource;
import org.labelbench.media.Sha256;
import org.labelbench.project.Annotator;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.BadInputException;
import org.labelbench.project.BadValueException;
import org.labelbench.project.LabelMatrixRepository;
import org.labelbench.project.Opinions;
import org.labelbench.project.ProjectStore;
import org.labelbench.project.Transaction;
import org.labelbench.project.VersionRepository;
import org.labelbench.project.VersionRepository.AutoLabelFact;
import org.labelbench.project.VersionRepository.Count;
import org.labelbench.project.VersionRepository.GoldDecider;
import org.labelbench.project.VersionRepository.ItemSnapshot;
import org.labelbench.project.VersionRepository.VersionItemRow;
import org.labelbench.project.VersionRepository.VersionRow;

/**
 * Dataset versions: made once from the project as it is ({@link #create}), then only read: listed,
 * shown, compared ({@link #diff}), streamed to exporters ({@link #entries}), traced
 * ({@link #lineage}). Exports are recorded against them ({@link #recordExport}). Nothing here
 * changes a stored version; the database refuses it too.
 *
 * <p>An item's label is its ground truth by the {@link TruthSource} (read once for the whole
 * version), with the rule that decided it: {@code adjudicated} (a current gold), {@code majority}
 * (the unique most frequent of two or more opinions), {@code single} (the only opinion, or the one
 * annotator of {@code --truth annotator:NAME}), {@code tie-break} (the tie-breaker's label on a
 * tie); an item without one that a model auto-labeled gets that label with rule {@code auto} and
 * the run's name; any other item is in the version unlabeled (label and rule null).
 */
public final class VersionService {
    public static final String ADJUDICATED = "adjudicated";
    public static final String MAJORITY = "majority";
    public static final String TIE_BREAK = "tie-break";
    public static final String SINGLE = "single";
    public static final String AUTO = "auto";
    /** Rows of each kind of change a diff lists by default. */
    public static final int DIFF_ROWS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final VersionRepository versions = new VersionRepository();

    /** A version just made: its header, how many of its items are unlabeled, and items per label rule. */
    public record Created(DatasetVersion version, long unlabeled, Map<String, Long> labelRules) {
    }

    /** Makes and stores version {@code name} of the items {@code scope} selects, labels decided by {@code truth}. */
    public Created create(ProjectStore store, String name, String note, VersionScope scope, TruthSource truth,
            String author) {
        String cleanName = requireName(name);
        return store.write(tx -> {
            if (versions.find(tx, cleanName).isPresent()) {
                throw new BadInputException("version '" + cleanName + "' exists; a version is never replaced: choose"
                        + " another name (nothing stored)");
            }
            refuseUnknownScope(tx, scope);
            Snapshot snapshot = Snapshot.read(tx, truth);
            List<VersionItemRow> rows = new ArrayList<>();
            VersionManifest.Hasher hasher = new VersionManifest.Hasher();
            List<String> labelLines = new ArrayList<>();
            Map<String, Long> rules = new TreeMap<>();
            long[] unlabeled = {0};
            versions.forEachItem(tx, scope.split(), scope.tag(), item -> {
                VersionEntry entry = snapshot.entryOf(item);
                hasher.add(entry);
                rows.add(row(entry));
                if (entry.label() == null) {
                    unlabeled[0]++;
                } else {
                    labelLines.add(entry.key() + "\t" + entry.label() + "\n");
                    rules.merge(entry.labelRule(), 1L, Long::sum);
                }
            });
            if (rows.isEmpty()) {
                throw new BadValueException("items", scope.describe(), " selects no items; nothing stored");
            }
            String parent = versions.newest(tx).map(VersionRow::name).orElse(null);
            Long parentId = versions.newest(tx).map(VersionRow::id).orElse(null);
            String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            DatasetVersion version = new DatasetVersion(cleanName, blankToNull(note), parent, scope.describe(),
                    describe(truth), created, author, rows.size(), hasher.sha256(), fingerprint(labelLines));
            versions.insert(tx, new VersionRepository.NewVersion(version.name(), version.note(), parentId,
                    version.itemsRule(), version.truthRule(), created, author, version.items(),
                    version.manifestSha256(), version.labelsFingerprint()), rows);
            return new Created(version, unlabeled[0], rules);
        });
    }

    /** Every version, oldest first. */
    public List<DatasetVersion> list(ProjectStore store) {
        return store.read(tx -> versions.list(tx).stream().map(VersionService::version).toList());
    }

    /** The version by that name (exit 2 naming it, and the versions there are, when there is none). */
    public DatasetVersion version(ProjectStore store, String name) {
        return store.read(tx -> version(find(tx, name)));
    }

    /** The version's header, items per split and class, and where its labels came from. */
    public VersionSummary summary(ProjectStore store, String name) {
        return store.read(tx -> summary(tx, find(tx, name)));
    }

    /**
     * Streams the version's entries to {@code sink} in {@link VersionManifest#KEY_ORDER}, from one
     * cursor inside one read snapshot: never the whole version in memory, whatever its size.
     * The sink runs inside that read, so it must not call {@code store.read} itself; writing files,
     * or {@code store.write} after this returns, is fine.
     */
    public void entries(ProjectStore store, String name, Consumer<VersionEntry> sink) {
        store.read(tx -> {
            versions.forEachEntry(tx, find(tx, name).id(), row -> sink.accept(entry(row)));
            return null;
        });
    }

    /** What changed from version {@code from} to {@code to}, with the first {@code rows} items of each kind. */
    public VersionDiff diff(ProjectStore store, String from, String to, int rows) {
        return store.read(tx -> {
            long a = find(tx, from).id();
            long b = find(tx, to).id();
            return new VersionDiff(from, to,
                    new VersionDiff.Changes(versions.countMissing(tx, b, a), rows(versions.missing(tx, b, a, rows))),
                    new VersionDiff.Changes(versions.countMissing(tx, a, b), rows(versions.missing(tx, a, b, rows))),
                    new VersionDiff.Changes(versions.countChanged(tx, a, b, "label"),
                            rows(versions.changed(tx, a, b, "label", rows))),
                    new VersionDiff.Changes(versions.countChanged(tx, a, b, "split"),
                            rows(versions.changed(tx, a, b, "split", rows))));
        });
    }

    /**
     * One keyset page of a diff: the first {@code rows} changes of {@code kind} from {@code from} to
     * {@code to} whose key sorts after {@code afterKey} (null: from the first), in key order. The
     * next page starts after this page's last key, so any page costs what the first does.
     */
    public List<VersionDiff.Row> diffPage(ProjectStore store, String from, String to, VersionDiff.Kind kind,
            String afterKey, int rows) {
        return store.read(tx -> {
            long a = find(tx, from).id();
            long b = find(tx, to).id();
            return rows(switch (kind) {
                case ADDED -> versions.missingAfter(tx, b, a, afterKey, rows);
                case REMOVED -> versions.missingAfter(tx, a, b, afterKey, rows);
                case RELABELED -> versions.changedAfter(tx, a, b, "label", afterKey, rows);
                case MOVED -> versions.changedAfter(tx, a, b, "split", afterKey, rows);
            });
        });
    }

    /**
     * Records an export of {@code version} (the exporters call this once the folder is complete).
     * {@code manifestSha256} must be the version's: an export of other data is refused.
     */
    public VersionExport recordExport(ProjectStore store, String version, String format, String folder,
            Map<String, ?> options, String manifestSha256, String filesSha256, String author) {
        String optionsJson;
        try {
            optionsJson = JSON.writeValueAsString(new TreeMap<>(options));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("export options must be JSON values: " + options, e);
        }
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return store.write(tx -> {
            VersionRow row = find(tx, version);
            if (!row.manifestSha256().equals(manifestSha256)) {
                throw new IllegalArgumentException("export of version '" + version + "' carries manifest hash "
                        + manifestSha256 + ", not the version's " + row.manifestSha256());
            }
            long id = versions.recordExport(tx, row.id(), format, folder, optionsJson, manifestSha256, filesSha256,
                    created, author);
            return new VersionExport(id, version, format, folder, optionsJson, manifestSha256, filesSha256, created,
                    author);
        });
    }

    /** The exports of the version, oldest first. */
    public List<VersionExport> exports(ProjectStore store, String version) {
        return store.read(tx -> versions.exports(tx, find(tx, version).id()).stream()
                .map(e -> new VersionExport(e.id(), version, e.format(), e.folder(), e.options(), e.manifestSha256(),
                        e.filesSha256(), e.created(), e.createdBy())).toList());
    }

    /**
     * A version's frozen labels as a training reads them, by the project's item ids (entries map
     * back by key; an item no longer in the project is left out), with the version's splits.
     */
    public record FrozenLabels(DatasetVersion version, long[] itemIds, String[] labels, SplitMembership splits) {
    }

    /** The frozen labels of version {@code name}, read in the caller's transaction. */
    public FrozenLabels frozenLabels(Transaction tx, String name) {
        VersionRow row = find(tx, name);
        List<Map.Entry<Long, String>> labeled = versions.labeledItemIds(tx, row.id(), null);
        long[] ids = new long[labeled.size()];
        String[] labels = new String[labeled.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = labeled.get(i).getKey();
            labels[i] = labeled.get(i).getValue();
        }
        return new FrozenLabels(version(row), ids, labels,
                SplitMembership.frozen(versions.splitsByItemId(tx, row.id())));
    }

    /** Records that model {@code modelId} was trained on version {@code name}, in the transaction that stores the model. */
    public void recordTraining(Transaction tx, String name, long modelId) {
        versions.markModelVersion(tx, modelId, find(tx, name).id());
    }

    /**
     * The file or folder name at the end of an import's source, so a graph names {@code labels.csv}
     * rather than the importing machine's whole path (kept in the node's {@code source} fact).
     */
    static String lastPathSegment(String source) {
        if (source == null) {
            return "unknown source";
        }
        String trimmed = source.replaceAll("[/\\\\]+$", "");
        if (trimmed.isEmpty()) {
            return source;
        }
        return trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
    }

    /** The version's lineage graph: import batches, labels, parent, the version, its exports and models. */
    public Lineage lineage(ProjectStore store, String name) {
        return store.read(tx -> {
            VersionRow row = find(tx, name);
            String versionId = "version:" + row.name();
            List<Lineage.Node> nodes = new ArrayList<>();
            List<Lineage.Edge> edges = new ArrayList<>();
            for (Count batch : versions.importBatchCounts(tx, row.id())) {
                nodes.add(new Lineage.Node(Lineage.IMPORT_BATCH, "import:" + batch.first(), "import " + batch.first()
                        + ": " + lastPathSegment(batch.second()), facts("source", batch.second(), "items", batch.items())));
            }
            Map<String, Long> byAnnotator = new TreeMap<>();
            Map<String, TreeSet<String>> guidelines = new TreeMap<>();
            for (Count share : versions.annotatorGuidelineCounts(tx, row.id())) {
                byAnnotator.merge(share.first(), share.items(), Long::sum);
                guidelines.computeIfAbsent(share.first(), a -> new TreeSet<>())
                        .add(share.second() == null ? "none" : "v" + share.second());
            }
            byAnnotator.forEach((annotator, items) -> nodes.add(new Lineage.Node(Lineage.LABELS, "labels:" + annotator,
                    "labels by " + annotator, facts("annotator", annotator, "items", items, "guideline_versions",
                            List.copyOf(guidelines.get(annotator))))));
            Map<String, Long> byRun = new TreeMap<>();
            List<Count> runCounts = versions.importBatchRunCounts(tx, row.id());
            runCounts.forEach(c -> byRun.merge(c.second(), c.items(), Long::sum));
            byRun.forEach((run, items) -> nodes.add(new Lineage.Node(Lineage.LABELS, "labels:run:" + run,
                    "auto labels by " + run, facts("model_run", run, "items", items))));
            for (Count flow : versions.importBatchAnnotatorCounts(tx, row.id())) {
                edges.add(new Lineage.Edge("import:" + flow.first(), "labels:" + flow.second(), "items labeled",
                        flow.items()));
            }
            for (Count flow : runCounts) {
                edges.add(new Lineage.Edge("import:" + flow.first(), "labels:run:" + flow.second(),
                        "items auto-labeled", flow.items()));
            }
            for (Count flow : versions.importBatchUnlabeledCounts(tx, row.id())) {
                edges.add(new Lineage.Edge("import:" + flow.first(), versionId, "unlabeled items", flow.items()));
            }
            byAnnotator.forEach((annotator, items) -> edges.add(new Lineage.Edge("labels:" + annotator, versionId,
                    "deciding labels", items)));
            byRun.forEach((run, items) -> edges.add(new Lineage.Edge("labels:run:" + run, versionId, "auto labels",
                    items)));
            if (row.parentName() != null) {
                nodes.add(new Lineage.Node(Lineage.VERSION, "version:" + row.parentName(), "version "
                        + row.parentName(), facts("role", "parent")));
                edges.add(new Lineage.Edge("version:" + row.parentName(), versionId, "parent of", 0));
            }
            nodes.add(new Lineage.Node(Lineage.VERSION, versionId, "version " + row.name(), facts("items", row.items(),
                    "manifest_sha256", row.manifestSha256(), "created", row.created(), "items_rule", row.itemsRule())));
            long labeled = row.items() - versions.importBatchUnlabeledCounts(tx, row.id()).stream()
                    .mapToLong(Count::items).sum();
            for (VersionRepository.ExportRow export : versions.exports(tx, row.id())) {
                String id = "export:" + export.id();
                nodes.add(new Lineage.Node(Lineage.EXPORT, id, export.format() + " export " + export.id(),
                        facts("format", export.format(), "folder", export.folder(), "created", export.created(),
                                "files_sha256", export.filesSha256())));
                edges.add(new Lineage.Edge(versionId, id, "exported as", row.items()));
            }
            for (VersionRepository.ModelUse model : versions.models(tx, row.id())) {
                String id = "model:" + model.name();
                nodes.add(new Lineage.Node(Lineage.MODEL, id, "model " + model.name(), facts("architecture",
                        model.architecture(), "created", model.created())));
                edges.add(new Lineage.Edge(versionId, id, "trained", labeled));
            }
            return new Lineage(row.name(), nodes, edges);
        });
    }

    private VersionRow find(Transaction tx, String name) {
        return find(tx, versions, name);
    }

    /** The stored version by that name, or a refusal naming the versions there are. */
    static VersionRow find(Transaction tx, VersionRepository repository, String name) {
        return repository.find(tx, name).orElseThrow(() -> {
            List<String> names = repository.list(tx).stream().map(VersionRow::name).toList();
            return new BadInputException("no version '" + name + "' in the project; "
                    + (names.isEmpty() ? "it has none yet: version create PROJECT --name V"
                            : "versions: " + String.join(", ", names)));
        });
    }

    private VersionSummary summary(Transaction tx, VersionRow row) {
        List<VersionSummary.Cell> cells = versions.splitClassCounts(tx, row.id()).stream()
                .map(c -> new VersionSummary.Cell(c.first(), c.second(), c.items())).toList();
        Map<String, Long> rules = new LinkedHashMap<>();
        for (Count c : versions.ruleCounts(tx, row.id())) {
            rules.put(c.first() == null ? VersionSummary.UNLABELED : c.first(), c.items());
        }
        List<VersionSummary.BatchShare> batches = versions.importBatchCounts(tx, row.id()).stream()
                .map(c -> new VersionSummary.BatchShare(Long.parseLong(c.first()), c.second(), c.items())).toList();
        List<VersionSummary.AnnotatorShare> annotators = versions.annotatorGuidelineCounts(tx, row.id()).stream()
                .map(c -> new VersionSummary.AnnotatorShare(c.first(), c.second() == null ? null
                        : Integer.valueOf(c.second()), c.items())).toList();
        Map<String, Long> runs = new TreeMap<>();
        versions.importBatchRunCounts(tx, row.id()).forEach(c -> runs.merge(c.second(), c.items(), Long::sum));
        return new VersionSummary(version(row), cells, rules, batches, annotators, runs);
    }

    private void refuseUnknownScope(Transaction tx, VersionScope scope) {
        if (scope.split() != null && !versions.splitExists(tx, scope.split())) {
            List<String> names = versions.splitNames(tx);
            throw new BadValueException("items", "split:" + scope.split(), ": no item is in split '" + scope.split()
                    + "'; " + (names.isEmpty() ? "the project has no split yet" : "splits: "
                            + String.join(", ", names)) + " (nothing stored)");
        }
        if (scope.tag() != null && !versions.tagExists(tx, scope.tag())) {
            throw new BadValueException("items", "tag:" + scope.tag(), ": no tag '" + scope.tag()
                    + "' in the project (nothing stored)");
        }
    }

    /** Everything an item's label and provenance are decided from, read once for the whole version. */
    private record Snapshot(GroundTruth truth, LabelMatrix labels, Map<Long, Integer> guidelineOfOpinion,
            Map<Long, GoldDecider> gold, Map<Long, AutoLabelFact> auto) {

        static Snapshot read(Transaction tx, TruthSource source) {
            GroundTruth truth = GroundTruth.read(tx, source);
            LabelMatrix labels = truth.labels();
            Map<Long, Integer> raterOfAnnotator = new HashMap<>();
            for (Annotator annotator : new AnnotatorRepository().list(tx)) {
                int rater = labels.annotators().indexOf(annotator.name());
                if (rater >= 0) {
                    raterOfAnnotator.put(annotator.id(), rater);
                }
            }
            // A unit whose opinions share one guideline version ("v2", or "none") needs no more; only
            // for "mixed" units is each opinion's version read, so the deciding labels' newest is exact.
            Map<Long, Integer> guidelines = new HashMap<>();
            boolean mixed = java.util.Arrays.stream(labels.guidelines()).anyMatch("mixed"::equals);
            if (mixed) {
                new LabelMatrixRepository().forEachCurrentClassOpinion(tx, Opinions.Suggestions.INCLUDED,
                        (item, annotator, labelClass, version) -> {
                            Integer rater = raterOfAnnotator.get(annotator);
                            if (rater != null && version != LabelMatrixRepository.NO_GUIDELINE) {
                                guidelines.put(opinionKey(item, rater), version);
                            }
                        });
            }
            VersionRepository repository = new VersionRepository();
            return new Snapshot(truth, labels, guidelines, repository.goldDeciders(tx), repository.autoLabels(tx));
        }

        private static long opinionKey(long item, int rater) {
            return item * 65_536L + rater;
        }

        /** The guideline version of the unit's opinion by {@code rater} (null: none recorded). */
        private Integer guidelineOf(int unit, long item, int rater) {
            String shared = labels.guidelines()[unit];
            if (shared.equals("mixed")) {
                return guidelineOfOpinion.get(opinionKey(item, rater));
            }
            return shared.startsWith("v") ? Integer.valueOf(shared.substring(1)) : null;
        }

        VersionEntry entryOf(ItemSnapshot item) {
            String label = null;
            String rule = null;
            List<String> annotators = List.of();
            Integer guideline = null;
            String run = null;
            int code = truth.classOf(item.id());
            int unit = Arrays.binarySearch(labels.itemIds(), item.id());
            if (code != Ratings.MISSING) {
                label = truth.classNames().get(code);
                GoldDecider decider = gold.get(item.id());
                if (truth.source().onlyAnnotator() != null) {
                    rule = SINGLE;
                    int rater = labels.annotators().indexOf(truth.source().onlyAnnotator());
                    annotators = List.of(truth.source().onlyAnnotator());
                    guideline = guidelineOf(unit, item.id(), rater);
                } else if (unit < 0 || labels.gold()[unit] != Ratings.MISSING) {
                    rule = ADJUDICATED;
                    annotators = decider == null ? List.of() : List.of(decider.adjudicator());
                    guideline = decider == null ? null : decider.guidelineVersion();
                } else {
                    Ratings ratings = labels.ratings();
                    int opinions = 0;
                    int[] votes = new int[ratings.categories()];
                    for (int rater = 0; rater < ratings.raters(); rater++) {
                        int given = ratings.code(unit, rater);
                        if (given != Ratings.MISSING) {
                            opinions++;
                            votes[given]++;
                        }
                    }
                    boolean unique = true;
                    for (int c = 0; c < votes.length; c++) {
                        if (c != code && votes[c] >= votes[code]) {
                            unique = false;
                        }
                    }
                    List<String> deciding = new ArrayList<>();
                    if (unique) {
                        rule = opinions == 1 ? SINGLE : MAJORITY;
                        for (int rater = 0; rater < ratings.raters(); rater++) {
                            if (ratings.code(unit, rater) == code) {
                                deciding.add(labels.annotators().get(rater));
                                guideline = newer(guideline, guidelineOf(unit, item.id(), rater));
                            }
                        }
                    } else {
                        rule = TIE_BREAK;
                        String breaker = truth.source().tieBreaker();
                        deciding.add(breaker);
                        guideline = guidelineOf(unit, item.id(), labels.annotators().indexOf(breaker));
                    }
                    deciding.sort(null);
                    annotators = deciding;
                }
            } else if (unit < 0 && auto.containsKey(item.id())) {
                AutoLabelFact fact = auto.get(item.id());
                label = fact.label();
                rule = AUTO;
                run = fact.run();
            }
            return new VersionEntry(item.key(), item.path(), item.sha256(), item.media(), item.width(), item.height(),
                    label, rule, item.split(), item.tags(), item.attributes(), item.importBatch(), annotators,
                    guideline, run);
        }

        private static Integer newer(Integer a, Integer b) {
            return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
        }
    }

    /** The model table's labels fingerprint: SHA-256 over the sorted "key TAB label" lines. */
    static String fingerprint(List<String> lines) {
        String[] sorted = lines.toArray(String[]::new);
        Arrays.sort(sorted);
        MessageDigest digest = Sha256.digest();
        for (String line : sorted) {
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest);
    }

    private static String describe(TruthSource truth) {
        if (truth.onlyAnnotator() != null) {
            return "annotator:" + truth.onlyAnnotator();
        }
        return "adjudicated" + (truth.tieBreaker() == null ? "" : "; tie-breaker " + truth.tieBreaker());
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new BadValueException("version name", "", ": a version needs a name");
        }
        String clean = name.strip();
        if (clean.chars().anyMatch(ch -> ch < 0x20)) {
            throw new BadValueException("version name", "", ": a version name has no control characters");
        }
        return clean;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Map<String, Object> facts(Object... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            facts.put((String) pairs[i], pairs[i + 1]);
        }
        return facts;
    }

    private static List<VersionDiff.Row> rows(List<VersionRepository.Change> changes) {
        return changes.stream().map(c -> new VersionDiff.Row(c.key(), c.before(), c.after())).toList();
    }

    private static DatasetVersion version(VersionRow row) {
        return new DatasetVersion(row.name(), row.note(), row.parentName(), row.itemsRule(), row.truthRule(),
                row.created(), row.createdBy(), row.items(), row.manifestSha256(), row.labelsFingerprint());
    }

    private static VersionItemRow row(VersionEntry e) {
        return new VersionItemRow(e.key(), e.path(), e.sha256(), e.media(), e.width(), e.height(), e.label(),
                e.labelRule(), e.split(), e.tags(), e.attributes(), e.importBatch(), e.annotators(),
                e.guidelineVersion(), e.modelRun());
    }

    private static VersionEntry entry(VersionItemRow r) {
        return new VersionEntry(r.key(), r.path(), r.sha256(), r.media(), r.width(), r.height(), r.label(),
                r.labelRule(), r.split(), r.tags(), r.attributes(), r.importBatch(), r.annotators(),
                r.guidelineVersion(), r.modelRun());
    }
}
