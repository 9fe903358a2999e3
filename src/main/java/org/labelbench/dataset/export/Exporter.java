package org.labelbench.dataset.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.labelbench.dataset.VersionEntry;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;

/**
 * Writes one version in one format. The export is built in a sibling folder
 * {@code OUT.partial-XXXX} and moved into place only when complete; a failure or a cancel deletes
 * the partial folder, so OUT either holds a whole export or is as it was. An existing non-empty
 * OUT is refused unless {@code force}, and then replaced only after the new export succeeded.
 */
public final class Exporter {
    static final String MANIFEST = "manifest.json";
    private static final int PROGRESS_EVERY = 256;

    public ExportResult export(ExportedVersion version, ExportRequest request, JobContext context)
            throws IOException {
        Path out = request.out();
        boolean replacing = refuseBadRequest(request.format(), request.media(), out, request.force());
        FormatWriter writer = request.format().newWriter();
        // A first pass only where the layout needs the whole version before its first line, or
        // where placed files' names must be known to give colliding ones a suffix.
        boolean placesMedia = request.media() != MediaMode.PATHS;
        boolean planFirst = placesMedia || writer.needsPlan();
        ExportPlan plan = new ExportPlan(placesMedia);
        SortedSet<String> attributeNames = new TreeSet<>();
        if (planFirst) {
            context.message("Planning " + version.name());
            version.entries(entry -> plan.add(entry, writer.mediaFolder(entry)));
            attributeNames = plan.attributeNames();
            context.checkCancelled();
        } else if (writer.needsAttributeNames()) {
            attributeNames = version.attributeNames();
        }
        long total = version.items();

        Path firstCreated = null; // the outermost parent folder this export makes, removed again on failure
        for (Path parent = out.getParent(); parent != null && !Files.exists(parent); parent = parent.getParent()) {
            firstCreated = parent;
        }
        Files.createDirectories(out.getParent());
        Path partial = Files.createTempDirectory(out.getParent(), out.getFileName() + ".partial-");
        try (Placement placement = new Placement(new ExportFolder(partial), version.mediaRoot(), request, plan)) {
            writer.begin(placement.folder, plan, attributeNames, version.name(), version.created());
            context.message("Writing " + request.format().id());
            long[] done = {0};
            try {
                version.entries(entry -> {
                    if (!planFirst) {
                        plan.add(entry, writer.mediaFolder(entry));
                    }
                    try {
                        placement.write(writer, entry);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (++done[0] % PROGRESS_EVERY == 0) {
                        context.checkCancelled();
                        context.progress(done[0], total);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            placement.finish();
            writer.finish(plan);
            context.checkCancelled();
            Path manifest = placement.folder.resolve(MANIFEST);
            version.writeManifest(manifest);
            placement.folder.recordFile(manifest);
            DatasetCard.write(placement.folder, version, request, writer, plan, placement.linkFallbacks.get());
            placement.folder.writeChecksums();
            context.progress(plan.items(), plan.items());
            context.checkCancelled();
            moveIntoPlace(partial, out, replacing);
            return new ExportResult(out, plan.items(), placement.written, plan.leftOut(), placement.mediaFiles,
                    placement.linkFallbacks.get(), replacing);
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(partial);
            if (firstCreated != null) {
                deleteTree(firstCreated);
            }
            throw e;
        }
    }

    /**
     * Refuses what no export could write (a layout of files without --copy or --link, OUT a file, OUT
     * not empty without force); returns whether OUT holds an export to replace.
     */
    public static boolean refuseBadRequest(ExportFormat format, MediaMode media, Path out, boolean force)
            throws IOException {
        if (format.needsMedia() && media == MediaMode.PATHS) {
            throw new BadInputException(format.id() + " export is made of the media files themselves:"
                    + " add --copy or --link");
        }
        out = out.toAbsolutePath().normalize();
        if (!Files.exists(out)) {
            return false;
        }
        if (!Files.isDirectory(out)) {
            throw new BadInputException(out + " exists and is not a folder");
        }
        boolean empty;
        try (Stream<Path> children = Files.list(out)) {
            empty = children.findAny().isEmpty();
        }
        if (!empty && !force) {
            throw new ExportFolderNotEmptyException(out);
        }
        return !empty;
    }

    /** The new export takes OUT's place; an old one is moved aside first and deleted only after. */
    private static void moveIntoPlace(Path partial, Path out, boolean replacing) throws IOException {
        Path aside = null;
        if (Files.exists(out)) {
            if (replacing) {
                aside = Files.createTempDirectory(out.getParent(), out.getFileName() + ".replaced-");
                Files.delete(aside);
                Files.move(out, aside, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.delete(out); // empty, checked at the start
            }
        }
        try {
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (aside != null) {
                Files.move(aside, out, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (aside != null) {
            deleteTree(aside);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Places each entry's media (or not) and hands the writer the path it writes. The writer gets
     * each row in version order at once; the copies or links run on {@link ParallelPlacements} and
     * are all done (or the export failed) before the manifest and checksums are written.
     */
    private static final class Placement implements AutoCloseable {
        final ExportFolder folder;
        private final Path mediaRoot;
        private final ExportRequest request;
        private final ExportPlan plan;
        private final ParallelPlacements placements;
        long written;
        long mediaFiles;
        final AtomicLong linkFallbacks = new AtomicLong();

        Placement(ExportFolder folder, Path mediaRoot, ExportRequest request, ExportPlan plan) {
            this.folder = folder;
            this.mediaRoot = mediaRoot.toAbsolutePath().normalize();
            this.request = request;
            this.plan = plan;
            this.placements = request.media() == MediaMode.PATHS ? null
                    : new ParallelPlacements(ParallelPlacements.defaultThreads());
        }

        /** Waits for the last copies; throws the first that failed. */
        void finish() throws IOException {
            if (placements != null) {
                placements.finish();
            }
        }

        @Override
        public void close() {
            if (placements != null) {
                placements.close();
            }
        }

        void write(FormatWriter writer, VersionEntry original) throws IOException {
            String mediaFolder = writer.mediaFolder(original);
            if (mediaFolder == null) {
                return;
            }
            VersionEntry entry = request.pseudonyms() == null ? original : pseudonymized(original);
            Path source = mediaRoot.resolve(original.path()).normalize();
            if (request.media() == MediaMode.PATHS) {
                writer.write(new ExportedItem(entry, source.toString(), source, null));
            } else {
                String name = SafeNames.fileName(original.path(), original.key());
                if (plan.shared(mediaFolder, name)) {
                    name = SafeNames.withKeySuffix(name, original.key());
                }
                Path target = folder.resolve(mediaFolder + "/" + name);
                placements.submit(() -> place(source, target, original.key()));
                folder.recordMedia(target, original.sha256());
                mediaFiles++;
                writer.write(new ExportedItem(entry, folder.relativeName(target), source, target));
            }
            written++;
        }

        private void place(Path source, Path target, String key) throws IOException {
            try {
                if (request.media() == MediaMode.LINK) {
                    try {
                        Files.createLink(target, source);
                        return;
                    } catch (FileAlreadyExistsException e) {
                        throw e;
                    } catch (UnsupportedOperationException | FileSystemException refused) {
                        if (!Files.exists(source)) {
                            throw new NoSuchFileException(source.toString());
                        }
                        linkFallbacks.incrementAndGet(); // another file system, or links not allowed: a copy serves
                    }
                }
                Files.copy(source, target);
            } catch (NoSuchFileException missing) {
                throw new BadInputException("media file " + source + " of item " + key + " is missing", missing);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException clash) {
                throw new BadInputException("two items would both be written to " + target + " (item " + key + ")",
                        clash);
            }
        }

        private VersionEntry pseudonymized(VersionEntry e) {
            List<String> names = e.annotators().stream().map(request.pseudonyms()::of).sorted().toList();
            return new VersionEntry(e.key(), e.path(), e.sha256(), e.media(), e.width(), e.height(), e.label(),
                    e.labelRule(), e.split(), e.tags(), e.attributes(), e.importBatch(), names, e.guidelineVersion(),
                    e.modelRun());
        }
    }
}
