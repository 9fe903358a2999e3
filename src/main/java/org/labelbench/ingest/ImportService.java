package org.labelbench.ingest;

import org.labelbench.project.Transaction;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.labelbench.jobs.JobContext;
import org.labelbench.media.MediaInfo;
import org.labelbench.media.MediaKind;
import org.labelbench.analysis.RuleTagService;
import org.labelbench.project.AnnotationRepository;
import org.labelbench.project.Annotator;
import org.labelbench.project.AnnotatorRepository;
import org.labelbench.project.BadInputException;
import org.labelbench.project.ImportBatchRepository;
import org.labelbench.project.ItemRepository;
import org.labelbench.project.LabelClass;
import org.labelbench.project.LabelClassRepository;
import org.labelbench.project.NewAnnotation;
import org.labelbench.project.NewItem;
import org.labelbench.project.ProjectMeta;
import org.labelbench.project.ProjectStore;

/**
 * Imports media into a project as one job and one transaction: either every accepted file is
 * added with its provenance, or (cancel, --strict with problems, a crash) nothing is.
 * Reading and hashing run on all cores, a bounded window ahead, while one thread writes to SQLite
 * in key order, so the rows, their ids and the skipped files are the same as one thread's.
 */
public final class ImportService {
    /** Files between two checks for cancel and two progress reports: often enough to cancel promptly. */
    private static final int CHUNK = 512;
    /** Files read ahead of the writer at most: enough to keep every core busy while it writes. */
    private static final int WINDOW = 1024;

    private final ItemRepository items = new ItemRepository();
    private final ImportBatchRepository batches = new ImportBatchRepository();
    private final LabelClassRepository classes = new LabelClassRepository();
    private final AnnotatorRepository annotators = new AnnotatorRepository();
    private final AnnotationRepository annotations = new AnnotationRepository();
    private final int threads;

    public ImportService() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public ImportService(int threads) {
        this.threads = Math.max(1, threads);
    }

    public ImportReport run(ProjectStore store, ImportRequest request, JobContext context) {
        long startNanos = System.nanoTime();
        Instant started = Instant.now();
        context.message("Scanning " + request.path());
        List<ImportCandidate> candidates;
        List<ImportReport.Skipped> skipped = new ArrayList<>();
        try {
            Path source = request.path().toAbsolutePath().normalize();
            if (request.source() == ImportSource.MANIFEST) {
                ManifestReader.Manifest manifest = new ManifestReader().read(source, request.keyPrefix());
                candidates = new ArrayList<>(manifest.candidates());
                skipped.addAll(manifest.skipped());
            } else if (request.source() == ImportSource.LABEL_STUDIO || request.source() == ImportSource.DATASET) {
                CandidateSet read = request.source() == ImportSource.LABEL_STUDIO
                        ? new LabelStudioReader().read(source, request.mediaRoot(), request.keyPrefix())
                        : new DatasetExportReader().read(source, request.keyPrefix());
                candidates = new ArrayList<>(read.candidates());
                skipped.addAll(read.skipped());
            } else {
                FolderScanner.Scan scan = new FolderScanner().scan(source, request.keyPrefix(),
                        request.labelsFromFolders(), context);
                candidates = new ArrayList<>(scan.candidates());
                skipped.addAll(scan.skipped());
                candidates.sort(Comparator.comparing(ImportCandidate::key));
            }
        } catch (IOException e) {
            throw new BadInputException(request.path() + ": cannot be read: " + e.getMessage(), e);
        }
        MediaKind expected = switch (request.source()) {
            case IMAGES -> MediaKind.IMAGE;
            case AUDIO -> MediaKind.AUDIO;
            case MANIFEST, LABEL_STUDIO, DATASET -> null;
        };
        MediaFileReader reader = new MediaFileReader(expected);
        List<Path> copiedFiles = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "import-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ImportReport report = store.write(tx -> {
                Writer writer = new Writer(tx, store, request, started, skipped, copiedFiles);
                int total = candidates.size();
                context.progress(0, total);
                // A window of files is read on the pool ahead of this thread, which writes them in
                // key order as each one is ready: readers never wait for a chunk to drain, and
                // memory holds at most WINDOW files' results (their bytes are dropped once hashed).
                ArrayDeque<Future<ProbedFile>> window = new ArrayDeque<>(WINDOW);
                int submitted = 0;
                for (int done = 0; done < total; done++) {
                    while (submitted < total && window.size() < WINDOW) {
                        ImportCandidate candidate = candidates.get(submitted++);
                        window.add(pool.submit(() -> reader.read(candidate)));
                    }
                    writer.accept(result(window.poll()));
                    if ((done + 1) % CHUNK == 0 || done + 1 == total) {
                        context.checkCancelled();
                        context.progress(done + 1, total);
                        context.message("Imported " + writer.added + " of " + total);
                    }
                }
                ImportReport result = writer.finish(System.nanoTime() - startNanos);
                if (request.strict() && !result.skipped().isEmpty()) {
                    throw new ImportRejectedException(result, request.path());
                }
                return result;
            });
            return report;
        } catch (RuntimeException | Error e) {
            deleteQuietly(copiedFiles);
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ProbedFile result(Future<ProbedFile> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.labelbench.jobs.JobCancelledException();
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading media failed", e.getCause());
        }
    }

    /** The single-threaded half of an import: decides each file's fate and writes it. */
    private final class Writer {
        private final Transaction tx;
        private final ProjectStore store;
        private final ImportRequest request;
        private final Instant started;
        private final List<ImportReport.Skipped> skipped;
        private final List<Path> copiedFiles;
        private final List<ImportReport.Duplicate> duplicates = new ArrayList<>();
        private final List<String> classesCreated = new ArrayList<>();
        private final Map<String, LabelClass> classByName = new LinkedHashMap<>();
        private final boolean createClasses;
        private final ItemRepository.Inserter inserter;
        private final long batchId;
        private final List<NewAnnotation> pendingLabels = new ArrayList<>();
        private final List<NewAnnotation> pendingSets = new ArrayList<>();
        private final boolean multiLabel;
        private final Map<String, Annotator> annotatorByName = new HashMap<>();
        private final ImportedSplits splits;
        private long added;
        private long alreadyPresent;
        /**
         * Whether the project had no item when the import began: then the items this import added
         * are all there are, and their keys and hashes are looked up here instead of by two
         * queries per file (the writer's largest cost after the insert itself).
         */
        private final boolean startedEmpty;
        private final Map<String, String> sha256ByKey = new HashMap<>();
        private final Map<String, String> keyBySha256 = new HashMap<>();

        Writer(Transaction tx, ProjectStore store, ImportRequest request, Instant started,
                List<ImportReport.Skipped> skipped, List<Path> copiedFiles) {
            this.tx = tx;
            this.store = store;
            this.request = request;
            this.started = started;
            this.skipped = skipped;
            this.copiedFiles = copiedFiles;
            for (LabelClass labelClass : classes.list(tx)) {
                classByName.put(labelClass.name(), labelClass);
            }
            // A project created without classes takes its classes from the labels it imports.
            this.createClasses = classByName.isEmpty();
            this.multiLabel = ProjectMeta.isMultiLabel(tx);
            this.inserter = items.inserter(tx);
            this.startedEmpty = items.newestId(tx) == 0;
            this.splits = new ImportedSplits(tx);
            this.batchId = batches.start(tx, request.path().toAbsolutePath().normalize().toString(),
                    request.source().batchKind(), started.toString(), optionsJson(request));
        }

        void accept(ProbedFile probed) {
            ImportCandidate candidate = probed.candidate();
            if (probed.isRejected()) {
                skipped.add(new ImportReport.Skipped(candidate.origin(), probed.problem()));
                return;
            }
            Optional<String> sameKey = startedEmpty ? Optional.ofNullable(sha256ByKey.get(candidate.key()))
                    : inserter.sha256OfKey(candidate.key());
            if (sameKey.isPresent()) {
                if (sameKey.get().equals(probed.sha256())) {
                    alreadyPresent++;
                } else {
                    skipped.add(new ImportReport.Skipped(candidate.origin(), "key '" + candidate.key()
                            + "' is already in the project with different content (use --prefix to import both)"));
                }
                return;
            }
            if (candidate.expectedSha256() != null && !candidate.expectedSha256().equals(probed.sha256())) {
                skipped.add(new ImportReport.Skipped(candidate.origin(), "content differs from the export's SHA-256 "
                        + candidate.expectedSha256() + " (the file is " + probed.sha256() + ")"));
                return;
            }
            String media = probed.info().kind() == MediaKind.IMAGE ? "image" : "audio";
            if (candidate.expectedMedia() != null && !candidate.expectedMedia().equals(media)) {
                skipped.add(new ImportReport.Skipped(candidate.origin(), "the export says " + candidate.expectedMedia()
                        + ", the file is " + media));
                return;
            }
            String splitProblem = splits.problem(candidate.split());
            if (splitProblem != null) {
                skipped.add(new ImportReport.Skipped(candidate.origin(), splitProblem));
                return;
            }
            List<List<Long>> labelClasses = new ArrayList<>();
            for (CandidateLabel label : candidate.labels()) {
                if (!multiLabel && label.classNames().size() > 1) {
                    skipped.add(new ImportReport.Skipped(candidate.origin(), label.source() + " chose "
                            + label.classNames().size() + " classes (" + String.join(", ", label.classNames())
                            + "), and the project is single-label"));
                    return;
                }
                List<Long> ids = new ArrayList<>();
                for (String className : label.classNames()) {
                    LabelClass labelClass = classFor(className);
                    if (labelClass == null) {
                        skipped.add(new ImportReport.Skipped(candidate.origin(), "unknown class '" + className
                                + "' (the project's classes: " + String.join(", ", classByName.keySet()) + ")"));
                        return;
                    }
                    ids.add(labelClass.id());
                }
                labelClasses.add(ids);
            }
            // A dataset export is a faithful record: two of its items may share content, and both are kept.
            if (!request.keepDuplicates() && request.source() != ImportSource.DATASET) {
                Optional<String> sameContent = startedEmpty ? Optional.ofNullable(keyBySha256.get(probed.sha256()))
                        : inserter.keyWithSha256(probed.sha256());
                if (sameContent.isPresent()) {
                    duplicates.add(new ImportReport.Duplicate(candidate.origin(), candidate.key(), sameContent.get()));
                    return;
                }
            }
            Path file = candidate.file();
            if (request.copy()) {
                file = copyIntoProject(candidate);
            }
            MediaInfo info = probed.info();
            long id = inserter.insert(new NewItem(candidate.key(), media,
                    info.format(), storedPath(store.directory(), file), probed.sha256(), probed.bytes(),
                    info.width(), info.height(), info.durationMs(), info.sampleRate(), info.channels(),
                    info.bitsPerSample(), batchId, candidate.attributes()));
            added++;
            if (startedEmpty) {
                sha256ByKey.put(candidate.key(), probed.sha256());
                keyBySha256.putIfAbsent(probed.sha256(), candidate.key()); // the first, as ORDER BY id gives
            }
            for (int i = 0; i < labelClasses.size(); i++) {
                CandidateLabel label = candidate.labels().get(i);
                Instant submitted = label.submitted() == null ? Instant.now() : label.submitted();
                List<Long> ids = labelClasses.get(i);
                // In a multi-label project every answer is a set (of one class, or several).
                if (multiLabel) {
                    pendingSets.add(new NewAnnotation(id, annotator(label).id(), "multi", null, null, null, "import",
                            null, submitted, label.durationMs(), false, null, null, ids, null));
                } else {
                    pendingLabels.add(new NewAnnotation(id, annotator(label).id(), "class", ids.get(0), null, null,
                            "import", null, submitted, label.durationMs(), false, null, null, List.of(), null));
                }
            }
            splits.add(id, candidate.split());
        }

        private LabelClass classFor(String label) {
            LabelClass known = classByName.get(label);
            if (known == null && createClasses) {
                known = classes.add(tx, label);
                classByName.put(label, known);
                classesCreated.add(label);
            }
            return known;
        }

        private Annotator annotator(CandidateLabel label) {
            return annotatorByName.computeIfAbsent(label.annotator(),
                    name -> annotators.findOrCreate(tx, name, label.role()));
        }

        private Path copyIntoProject(ImportCandidate candidate) {
            Path target = store.directory().resolve("media").resolve(candidate.key()).normalize();
            if (!target.startsWith(store.directory().resolve("media"))) {
                throw new BadInputException(candidate.origin() + ": key '" + candidate.key()
                        + "' would be copied outside the project's media folder");
            }
            try {
                Files.createDirectories(target.getParent());
                Files.copy(candidate.file(), target, StandardCopyOption.COPY_ATTRIBUTES);
                copiedFiles.add(target);
                return target;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new BadInputException(target + ": already exists in the project's media folder;"
                        + " remove it or import with --prefix", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + candidate.file() + " into the project", e);
            }
        }

        ImportReport finish(long elapsedNanos) {
            annotations.append(tx, pendingLabels);
            for (NewAnnotation set : pendingSets) {
                annotations.appendOne(tx, set); // a set's classes go in their own table, one annotation at a time
            }
            inserter.close();
            splits.write();
            batches.finish(tx, batchId, Instant.now().toString(), added, alreadyPresent, duplicates.size(),
                    skipped.size(), copiedFiles.size());
            // Rule and metadata tags take in the new items in the same transaction, so no one reads
            // a project whose tags miss what was just imported.
            new RuleTagService().refreshImportBatch(tx, batchId);
            // A frozen split takes in the new items by its rule, in the same transaction, moving no old one.
            org.labelbench.dataset.SplitService.placeNewItems(tx);
            return new ImportReport(batchId, request.path().toString(), added, alreadyPresent, duplicates, skipped,
                    copiedFiles.size(), pendingLabels.size() + pendingSets.size(), classesCreated, elapsedNanos / 1_000_000);
        }
    }

    /** Media paths are stored relative to the project folder, so the project moves with its media. */
    static String storedPath(Path projectDirectory, Path media) {
        Path absolute = media.toAbsolutePath().normalize();
        try {
            return projectDirectory.relativize(absolute).toString().replace('\\', '/');
        } catch (IllegalArgumentException differentRoot) {
            return absolute.toString();
        }
    }

    private static String optionsJson(ImportRequest request) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("copy", request.copy());
        options.put("strict", request.strict());
        options.put("labels_from_folders", request.labelsFromFolders());
        options.put("key_prefix", request.keyPrefix());
        options.put("keep_duplicates", request.keepDuplicates());
        if (request.source().format() != null) {
            options.put("format", request.source().format());
        }
        if (request.mediaRoot() != null) {
            options.put("media_root", request.mediaRoot().toAbsolutePath().normalize().toString());
        }
        try {
            return OptionsJson.MAPPER.writeValueAsString(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Made on the first import, not when a command that never imports builds its context. */
    private static final class OptionsJson {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static void deleteQuietly(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort: the transaction that would have referenced it was rolled back
            }
        }
    }
}
