package org.labelbench.project;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per project: an OS file lock on {@code PROJECT.lbproj.lock}. The OS drops the lock
 * when the holder dies, so a crash never leaves a stale lock behind; the file's text (who holds
 * it) is only for the message shown to the second opener. The holder deletes the file when it
 * closes, still holding the lock; an opener whose path named another file at any moment between
 * opening and locking (the holder deleted it) lets go and tries again, so two openers never hold
 * two different files.
 */
final class ProjectLock implements AutoCloseable {
    private static final Set<Path> HELD_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileOf(Path projectFile) {
        return projectFile.resolveSibling(projectFile.getFileName() + ".lock");
    }

    static ProjectLock acquire(Path projectFile) throws IOException {
        Path lockFile = lockFileOf(projectFile);
        // POSIX locks belong to the process: a second descriptor of the file, opened and closed by a
        // second open in this process, would silently release the first one's lock. Refuse it first.
        if (!HELD_IN_THIS_PROCESS.add(lockFile)) {
            throw new ProjectLockedException(projectFile.getFileName() + ": already open for writing by this "
                    + "process; close it there first");
        }
        try {
            for (int attempt = 0; attempt < 20; attempt++) {
                ProjectLock held = tryAcquire(projectFile, lockFile);
                if (held != null) {
                    return held;
                }
            }
            throw new IOException(lockFile + ": deleted and re-created while being locked; try again");
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_PROCESS.remove(lockFile);
            throw e;
        }
    }

    /**
     * Locks the file the path names, or returns null to be tried again when the path named
     * another file at some moment (the holder deleted it as it closed). Only stat() looks at the
     * path: opening and closing another descriptor of a locked file would release this process's
     * POSIX lock on it. The descriptor keeps its file alive, so no new file can take its key.
     */
    private static ProjectLock tryAcquire(Path projectFile, Path lockFile) throws IOException {
        Object before = fileKey(lockFile);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        Object opened = fileKey(lockFile);
        if (before == null || !before.equals(opened)) {
            channel.close(); // created just now, or replaced: look again, now that it exists
            return null;
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            String holder = readHolder(lockFile);
            channel.close();
            throw new ProjectLockedException(projectFile.getFileName() + ": already open for writing"
                    + (holder.isBlank() ? "" : " by " + holder) + "; close it there first");
        }
        if (!opened.equals(fileKey(lockFile))) {
            lock.release(); // the holder deleted it between our open and our lock
            channel.close();
            return null;
        }
        byte[] me = ("process " + ManagementFactory.getRuntimeMXBean().getName()).getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(me), 0);
        channel.force(false);
        return new ProjectLock(lockFile, channel, lock);
    }

    private static Object fileKey(Path file) throws IOException {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key == null ? file.toRealPath() : key; // file systems without keys: compare paths
        } catch (NoSuchFileException missing) {
            return null;
        }
    }

    private void release() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static String readHolder(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Deletes the lock file while still holding the lock, then releases it. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            try {
                release();
            } finally {
                HELD_IN_THIS_PROCESS.remove(file);
            }
        }
    }
}
