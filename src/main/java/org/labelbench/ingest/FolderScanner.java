package org.labelbench.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.BadInputException;

/**
 * Walks a media folder recursively. Symbolic links are followed only while they stay inside
 * the folder: one that leads out is skipped with a reason (a dataset must not silently pull in
 * files from elsewhere). Hidden files and folders (dot-names) are ignored, as every file
 * manager does.
 */
final class FolderScanner {
    static final String FOLDER_ATTRIBUTE = "folder";

    record Scan(List<ImportCandidate> candidates, List<ImportReport.Skipped> skipped) {
    }

    Scan scan(Path folder, String keyPrefix, boolean labelsFromFolders, JobContext context) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + ": no such folder");
        }
        Path root = folder.toRealPath();
        List<ImportCandidate> candidates = new ArrayList<>();
        List<ImportReport.Skipped> skipped = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        context.checkCancelled();
                        if (!dir.equals(root) && isHidden(dir)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (!dir.toRealPath().startsWith(root)) {
                            skipped.add(new ImportReport.Skipped(relative(root, dir) + "/",
                                    "escapes the folder through a symbolic link"));
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (isHidden(file)) {
                            return FileVisitResult.CONTINUE;
                        }
                        String relative = relative(root, file);
                        if (!attrs.isRegularFile()) {
                            skipped.add(new ImportReport.Skipped(relative, "not a regular file"));
                        } else if (isSymbolicLink(file) && !file.toRealPath().startsWith(root)) {
                            skipped.add(new ImportReport.Skipped(relative,
                                    "escapes the folder through a symbolic link"));
                        } else {
                            candidates.add(candidate(relative, file));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        String reason = e instanceof FileSystemLoopException ? "symbolic link loop"
                                : Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                                        && !Files.exists(file) ? "broken symbolic link"
                                        : "cannot be read: " + e.getClass().getSimpleName();
                        skipped.add(new ImportReport.Skipped(relative(root, file), reason));
                        return FileVisitResult.CONTINUE;
                    }

                    private ImportCandidate candidate(String relative, Path file) {
                        Map<String, String> attributes = new LinkedHashMap<>();
                        int slash = relative.lastIndexOf('/');
                        String folderName = null;
                        if (slash > 0) {
                            attributes.put(FOLDER_ATTRIBUTE, relative.substring(0, slash));
                            folderName = relative.substring(relative.lastIndexOf('/', slash - 1) + 1, slash);
                        }
                        String label = labelsFromFolders ? folderName : null;
                        return new ImportCandidate(keyPrefix + relative, file, relative, attributes, label);
                    }
                });
        return new Scan(candidates, skipped);
    }

    /**
     * Whether the file itself is a link (one lstat). A file that is not lies where its folder's
     * real path says, which {@code preVisitDirectory} checked, so only links need their real path
     * (several lstats, one per component: the scan's largest cost on a big folder).
     */
    private static boolean isSymbolicLink(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                .isSymbolicLink();
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Keys use forward slashes on every OS, so a project moves between machines. */
    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
