package org.wfm.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.wfm.cli.WfmException;

/**
 * The one lock of wfm: an operating-system lock ({@link FileChannel#tryLock()}) on a hidden lock file, held for as
 * long as the run writes. The kernel drops it when the process ends, however it ends, so a lock left by a killed
 * run is never mistaken for a live one and two runs can never both hold it (a pid file alone let two runs through
 * when a stale one was present). The file's text (process id, start time) only names the holder in the message.
 * <p>
 * The holder deletes the file before it lets go, so no lock files pile up. That opens a known gap: a second
 * process may have opened the file just before the deletion and then lock the deleted file while a third creates
 * a new one. So after locking, the path's inode is compared with the one opened: if they differ, the locked file
 * was deleted meanwhile and the new one is tried.
 * <p>
 * These are POSIX record locks: the kernel drops all of a process's locks on a file when any of its descriptors
 * of that file is closed. So a process never opens a lock file it holds (not to read it, not to try it again).
 */
public final class OutputLock implements AutoCloseable {
    /** Lock files held by this process, deleted by the shutdown hook (SIGTERM) as well as by {@link #close()}. */
    private static final Set<OutputLock> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or refuses at once (exit 2) naming the holder.
     *
     * @param what what the lock protects, for the message ("writing out/run", "running a plan in runs/")
     */
    public static OutputLock acquire(Path lockFile, String what) {
        OutputLock l = tryAcquire(lockFile);
        if (l == null) {
            Path key = lockFile.toAbsolutePath().normalize();
            // in this process (tests, the interactive shell): said without reading the file (see tryAcquireLocked)
            String who = HELD.stream().anyMatch(h -> h.file.toAbsolutePath().normalize().equals(key))
                    ? " (process " + ProcessHandle.current().pid() + ", this one)" : holder(lockFile);
            throw WfmException.usage("another wfm" + who + " is " + what + " (lock " + lockFile
                    + "); try again when it has finished");
        }
        return l;
    }

    /** The lock, or null if another process (or another run in this process) holds it. */
    public static OutputLock tryAcquire(Path lockFile) {
        // under the monitor the shutdown hook takes too: a SIGTERM between creating the file and registering it
        // must not leave the file behind
        synchronized (HELD) {
            if (shuttingDown) {
                throw new IllegalStateException("shutting down: " + lockFile + " not taken");
            }
            return tryAcquireLocked(lockFile);
        }
    }

    private static OutputLock tryAcquireLocked(Path lockFile) {
        Path key = lockFile.toAbsolutePath().normalize();
        // Held by this process already: refused without opening the file. The kernel's locks (fcntl) belong to the
        // process and are dropped when ANY descriptor of the file is closed, so even opening and closing it here
        // (or reading it back) would silently release the lock the other run holds.
        if (HELD.stream().anyMatch(h -> h.file.toAbsolutePath().normalize().equals(key))) {
            return null;
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            FileChannel ch = null;
            try {
                try {
                    Files.createFile(lockFile);
                } catch (java.nio.file.FileAlreadyExistsException exists) {
                    // a holder's file, or one left by a killed run: its lock decides
                }
                Object before = fileKey(lockFile);
                ch = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException sameProcess) {
                    l = null;
                }
                if (l == null) {
                    ch.close();
                    return null;
                }
                // The path must still be the file that was locked: a holder deletes its file before letting go,
                // and this process may have opened it just before that. Compared by inode (stat), never by
                // opening the path again (see above).
                if (before == null || !before.equals(fileKey(lockFile))) {
                    ch.close();
                    continue;
                }
                ProcessHandle me = ProcessHandle.current();
                String text = "process " + me.pid() + " started "
                        + me.info().startInstant().map(Instant::toString).orElse("?") + "\n";
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
                OutputLock held = new OutputLock(lockFile, ch, l);
                HELD.add(held);
                return held;
            } catch (java.nio.file.NoSuchFileException gone) {
                // deleted by its holder between creating and opening: try again
                closeQuietly(ch);
            } catch (IOException e) {
                closeQuietly(ch);
                throw new UncheckedIOException("cannot create the lock file " + lockFile + ": " + e.getMessage(), e);
            }
        }
        return null;
    }

    private static Object fileKey(Path p) {
        try {
            return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** " (process 123 started …)" from the lock file, or "" when it says nothing yet. */
    static String holder(Path lockFile) {
        String s = read(lockFile).trim();
        return s.isEmpty() ? "" : " (" + s + ")";
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    public Path file() {
        return file;
    }

    /** Deletes the lock file while still holding the lock, then lets go. */
    @Override
    public void close() {
        if (!HELD.remove(this)) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a lock file left behind is harmless: nobody holds its lock
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
    }

    /** Called by the shutdown hook after temporary outputs are gone: lock files must not outlive the run. */
    static void releaseAll() {
        synchronized (HELD) {
            shuttingDown = true;
            List.copyOf(HELD).forEach(OutputLock::close);
        }
    }

    private static boolean shuttingDown;

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
