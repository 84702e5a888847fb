package org.wfm.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.wfm.cli.WfmException;

/**
 * Outputs are written under a temporary name beside their final place and renamed when complete, so a
 * failed or interrupted run leaves nothing behind and an existing output is replaced only with --force.
 */
public final class AtomicOutput {
    private AtomicOutput() {
    }

    /** Refuses (exit 2) when {@code target} exists and {@code force} is false. */
    public static void checkWritable(Path target, boolean force) {
        if (Files.exists(target) && !force) {
            throw WfmException.usage(target + " already exists (use --force to overwrite)");
        }
    }

    /** A fresh temporary folder beside {@code target}; it is deleted on JVM exit unless committed. */
    public static Path tempDirFor(Path target) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Created and registered under the hook's lock: a SIGTERM between the two must not miss it.
            synchronized (PENDING) {
                refuseWhenShuttingDown(target);
                Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
                PENDING.add(tmp);
                return tmp;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A temporary file beside {@code target} for a single-file output. */
    public static Path tempFileFor(Path target) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            synchronized (PENDING) {
                refuseWhenShuttingDown(target);
                Path tmp = Files.createTempFile(parent, "." + target.getFileName() + ".tmp-", "");
                PENDING.add(tmp);
                return tmp;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a completed temporary file or folder into place, replacing what was there (force was checked). */
    public static void commit(Path tmp, Path target) {
        synchronized (PENDING) {
            // a shutdown (SIGTERM) deletes what is pending; it must not race a half-written folder into place
            refuseWhenShuttingDown(target);
            commitLocked(tmp, target);
            PENDING.remove(tmp);
        }
    }

    private static void commitLocked(Path tmp, Path target) {
        try {
            if (Files.isDirectory(target) && Files.isDirectory(tmp)) {
                Path old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
                Files.move(target, old);
                move(tmp, target);
                deleteTree(old);
            } else {
                move(tmp, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException ignored) {
                    // best effort: a leftover temporary file is harmless and hidden
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Temporary outputs not yet committed; one shutdown hook removes them all (no hook per file). */
    private static final java.util.Set<Path> PENDING = new java.util.LinkedHashSet<>();
    private static boolean shuttingDown;

    /**
     * Work that must end before the hook removes temporary outputs: a run finishing gracefully on SIGTERM (see
     * org.wfm.cli.service.GracefulStop) is still writing and committing its folder while hooks run.
     */
    private static final java.util.List<Runnable> BEFORE_CLEANUP = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs {@code wait} in the shutdown hook before temporary outputs are removed; {@link #release} undoes it. */
    public static void holdCleanup(Runnable wait) {
        BEFORE_CLEANUP.add(wait);
    }

    public static void release(Runnable wait) {
        BEFORE_CLEANUP.remove(wait);
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            BEFORE_CLEANUP.forEach(Runnable::run);
            synchronized (PENDING) {
                shuttingDown = true;
                PENDING.forEach(AtomicOutput::deleteWhileWritten);
                PENDING.clear();
            }
        }, "wfm-atomic-output"));
    }

    /**
     * Deletes a temporary output that a writer may still be filling: other threads keep running while shutdown
     * hooks run, so a file created between the listing and the removal of its folder leaves the folder behind
     * (seen as a flaky SIGTERM test). Deletes again until it is gone, for at most about a second.
     */
    private static void deleteWhileWritten(Path tmp) {
        for (int attempt = 0; attempt < 20; attempt++) {
            deleteTree(tmp);
            if (!Files.exists(tmp)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void refuseWhenShuttingDown(Path target) {
        if (shuttingDown) {
            throw new IllegalStateException("shutting down: " + target + " not written");
        }
    }

    /** Drops a temporary output that will not be committed (a failed step). */
    public static void discard(Path tmp) {
        synchronized (PENDING) {
            deleteTree(tmp);
            PENDING.remove(tmp);
        }
    }

    /** True if the folder has no entries (used to avoid leaving empty folders behind). */
    public static boolean isEmptyDir(Path dir) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
