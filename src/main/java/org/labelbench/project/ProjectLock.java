package org.labelbench.project;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per project: an OS file lock on {@code PROJECT.lbproj.lock}. The OS drops the lock
 * when the holder dies, so a crash never leaves a stale lock behind; the file's text (who holds
 * it) is only for the message shown to the second opener.
 */
final class ProjectLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileOf(Path projectFile) {
        return projectFile.resolveSibling(projectFile.getFileName() + ".lock");
    }

    static ProjectLock acquire(Path projectFile) throws IOException {
        Path lockFile = lockFileOf(projectFile);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
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
        byte[] me = ("process " + ManagementFactory.getRuntimeMXBean().getName()).getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(me), 0);
        channel.force(false);
        return new ProjectLock(channel, lock);
    }

    private static String readHolder(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Releases the lock. The file stays: deleting it would let two later openers lock two different files. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
