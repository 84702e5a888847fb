package org.wfm.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wfm.cli.ExitCodes;
import org.wfm.cli.WfmException;

/**
 * The one atomic writer of wfm: every output (a single file, a run folder, a group of files) is written under a
 * hidden temporary name beside its place and put in place only when complete, so a failed, stopped or killed run
 * leaves the previous output whole and readable under its name, or the new one complete (docs/runs.md).
 * <ul>
 * <li>{@link #claim}: before any work, checks the place (parent a writable folder, free space, an existing output
 * refused without --force), takes the output's {@link OutputLock} ({@code .NAME.lock}) so a second writer is
 * refused at once (exit 2), and recovers what a killed writer left there.</li>
 * <li>{@link Claim#commit}: a single file is renamed over its target (atomic). Anything else (a folder replacing
 * a folder, several files together) first writes a journal {@code .NAME.commit} listing the renames and the new
 * folder's identity (device and inode), then exchanges the new folder with the old one in one atomic step where the
 * system can ({@link DirectoryExchange}, Linux renameat2), so the name never goes missing, or else moves the old
 * folder to {@code .NAME.old-PID} and renames the new one in; then it deletes the old one and the journal. A crash
 * at any point is finished on the next claim: with a journal the renames are completed (the new output, already
 * complete when the journal was written; the identity tells an exchanged pair from one not yet moved); without one
 * a missing output is restored from its backup.</li>
 * </ul>
 * Temporary files and folders are created with the process's umask (not {@code Files.createTempFile}, which makes
 * them private and the outputs then keep that), and removed by one shutdown hook on SIGTERM.
 */
public final class AtomicOutput {
    /** Below this much free space an output is refused before the work starts (a run folder is a few MB). */
    static final long MIN_FREE_BYTES = 16L << 20;
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fault injection for tests: called with the name of every step of a commit before it is done. */
    private static volatile Consumer<String> faults = s -> { };

    private AtomicOutput() {
    }

    /** Output kinds, for the checks of {@link #claim}. */
    public enum Kind { FILE, FOLDER }

    /** Refuses (exit 2) when {@code target} exists and {@code force} is false. */
    public static void checkWritable(Path target, boolean force) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw WfmException.usage(target + " already exists (use --force to overwrite)");
        }
    }

    /**
     * Claims {@code target} for this run, before any slow work: checks the place (exit 3 when the output cannot be
     * written there), takes its lock (exit 2 naming the other writer), finishes or removes what a killed writer
     * left, and refuses an existing output without {@code force} (exit 2).
     *
     * @param option the option that named the target, for messages ("--out")
     */
    public static Claim claim(Path target, Kind kind, boolean force, String option) {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getFileName() == null) {
            throw new WfmException(ExitCodes.INPUT, option + " " + target + ": not a file or folder name");
        }
        Path parent = abs.getParent();
        Path created = checkPlace(target, parent, option);
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new WfmException(ExitCodes.INPUT, option + " " + target + ": cannot create the folder " + parent
                    + " (" + e.getMessage() + ")");
        }
        OutputLock lock;
        try {
            lock = OutputLock.acquire(lockFile(abs), "writing " + target);
        } catch (RuntimeException e) {
            removeEmpty(parent, created);
            throw e;
        }
        Claim c = new Claim(target, abs, kind, lock, created);
        try {
            recover(abs);
            checkExisting(target, abs, kind, force, option);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * The place checks: the nearest existing folder above the target must be a folder, writable, with some free
     * space. Returns the outermost missing folder (created by the claim, removed again if nothing is written).
     */
    private static Path checkPlace(Path target, Path parent, String option) {
        Path existing = parent;
        Path missing = null;
        while (existing != null && !Files.exists(existing)) {
            missing = existing;
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new WfmException(ExitCodes.INPUT, option + " " + target + ": no existing folder above it");
        }
        if (!Files.isDirectory(existing)) {
            throw new WfmException(ExitCodes.INPUT, option + " " + target + ": " + existing
                    + " is a file, not a folder");
        }
        if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
            throw new WfmException(ExitCodes.INPUT, option + " " + target + ": cannot write into " + existing
                    + " (permission denied)");
        }
        try {
            long free = Files.getFileStore(existing).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                throw new WfmException(ExitCodes.INPUT, option + " " + target + ": only " + (free >> 10)
                        + " KB free on the disk of " + existing + " (at least " + (MIN_FREE_BYTES >> 20)
                        + " MB needed)");
            }
        } catch (IOException e) {
            // the free space is unknown (an unusual file system): the write itself will tell
        }
        return missing;
    }

    private static void checkExisting(Path target, Path abs, Kind kind, boolean force, String option) {
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        checkWritable(target, force);
        boolean dir = Files.isDirectory(abs);
        if (kind == Kind.FOLDER && !dir) {
            throw new WfmException(ExitCodes.INPUT, option + " " + target + " is a file, expected a folder");
        }
        if (kind == Kind.FILE && dir) {
            throw new WfmException(ExitCodes.INPUT, option + " " + target + " is a folder, expected a file");
        }
        if (dir && !Files.isSymbolicLink(abs)) {
            // the old folder is deleted once the new one is in: a folder inside it we cannot empty is found now
            try (Stream<Path> s = Files.walk(abs)) {
                Path stuck = s.filter(Files::isDirectory)
                        .filter(p -> !Files.isWritable(p) || !Files.isExecutable(p)).findFirst().orElse(null);
                if (stuck != null) {
                    throw new WfmException(ExitCodes.INPUT, option + " " + target + " cannot be replaced: "
                            + stuck + " is not writable (permission denied)");
                }
            } catch (IOException | UncheckedIOException e) {
                throw new WfmException(ExitCodes.INPUT, option + " " + target + " cannot be replaced: "
                        + e.getMessage());
            }
        }
    }

    /** An output claimed for this run: its lock is held until {@link #close()}. */
    public static final class Claim implements AutoCloseable {
        private final Path target;
        private final Path abs;
        private final Kind kind;
        private final OutputLock lock;
        private final Path createdFolder;
        private boolean committed;

        private Claim(Path target, Path abs, Kind kind, OutputLock lock, Path createdFolder) {
            this.target = target;
            this.abs = abs;
            this.kind = kind;
            this.lock = lock;
            this.createdFolder = createdFolder;
        }

        /** The target as given. */
        public Path target() {
            return target;
        }

        /** A new temporary folder (or file) beside the target, removed on SIGTERM unless committed. */
        public Path temporary() {
            return kind == Kind.FOLDER ? tempDirFor(abs) : tempFileFor(abs);
        }

        /** Puts the complete temporary output in place (see the class comment). */
        public void commit(Path tmp) {
            commitGroup(abs, List.of(new Move(tmp, abs)));
            committed = true;
        }

        /**
         * Puts several complete files in place together: after a crash, the next claim of this target finishes
         * the group (all new), so no reader sees one new file beside an old one.
         */
        public void commitAll(List<Move> moves) {
            commitGroup(abs, moves);
            committed = true;
        }

        @Override
        public void close() {
            lock.close();
            if (!committed) {
                removeEmpty(abs.getParent(), createdFolder);
            }
        }
    }

    /** A complete temporary output and its place. */
    public record Move(Path from, Path to) {
    }

    static Path lockFile(Path abs) {
        return abs.resolveSibling("." + abs.getFileName() + ".lock");
    }

    static Path journal(Path abs) {
        return abs.resolveSibling("." + abs.getFileName() + ".commit");
    }

    private static Path backup(Path abs) {
        return abs.resolveSibling("." + abs.getFileName() + ".old-" + ProcessHandle.current().pid());
    }

    private static String tmpName(Path target) {
        return "." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet();
    }

    /** A fresh temporary folder beside {@code target}; it is deleted on JVM exit unless committed. */
    public static Path tempDirFor(Path target) {
        return temporary(target, true);
    }

    /** A temporary file beside {@code target} for a single-file output. */
    public static Path tempFileFor(Path target) {
        return temporary(target, false);
    }

    private static Path temporary(Path target, boolean dir) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Created and registered under the hook's lock: a SIGTERM between the two must not miss it.
            synchronized (PENDING) {
                refuseWhenShuttingDown(target);
                for (int attempt = 0; ; attempt++) {
                    Path tmp = parent.resolve(tmpName(target));
                    try {
                        // not Files.createTemp*: those make the output private whatever the umask
                        if (dir) {
                            Files.createDirectory(tmp);
                        } else {
                            Files.createFile(tmp);
                        }
                        PENDING.add(tmp);
                        return tmp;
                    } catch (FileAlreadyExistsException e) {
                        if (attempt > 100) {
                            throw e;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write beside " + target + ": " + e.getMessage(), e);
        }
    }

    /** What {@link #writeFile} writes: the whole content of one file. */
    @FunctionalInterface
    public interface Body {
        void write(java.io.OutputStream out) throws IOException;
    }

    /**
     * Writes one file (a workbook, a chart) under a temporary name beside {@code target} and renames it into place
     * when complete; if the body fails, or the run is stopped (SIGTERM) before that, the temporary file is removed
     * (being registered here is what keeps a stopped {@code wfm export} from leaving an empty temporary file).
     */
    public static Path writeFile(Path target, Body body) {
        Path tmp = tempFileFor(target);
        try {
            try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            commit(tmp, target);
            return target;
        } catch (IOException e) {
            discard(tmp);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            discard(tmp);
            throw e;
        }
    }

    /** Moves a completed temporary file or folder into place, replacing what was there (force was checked). */
    public static void commit(Path tmp, Path target) {
        Path abs = target.toAbsolutePath().normalize();
        commitGroup(abs, List.of(new Move(tmp, abs)));
    }

    /**
     * The commit protocol. The journal, written only when more than one rename is needed, is what makes a crash in
     * the middle recoverable: {@link #recover} completes its renames.
     */
    private static void commitGroup(Path anchor, List<Move> moves) {
        synchronized (PENDING) {
            // a shutdown (SIGTERM) deletes what is pending; it must not race a half-written folder into place
            refuseWhenShuttingDown(anchor);
            try {
                boolean simple = moves.size() == 1 && !Files.isDirectory(moves.get(0).to(), LinkOption.NOFOLLOW_LINKS);
                Path journal = journal(anchor);
                if (!simple) {
                    writeJournal(anchor, moves);
                }
                for (Move m : moves) {
                    install(m.from().toAbsolutePath(), m.to().toAbsolutePath().normalize(), !simple);
                }
                if (!simple) {
                    for (Move m : moves) {
                        step("delete the backup of " + m.to().getFileName());
                        deleteBackups(m.to().toAbsolutePath().normalize());
                    }
                    step("delete the journal");
                    Files.deleteIfExists(journal);
                }
            } catch (IOException e) {
                // a rename refused (not a crash): put back what was moved aside, so the old output stays in place
                List<String> undone = new ArrayList<>();
                for (Move m : moves) {
                    try {
                        restoreIfMissing(m.to().toAbsolutePath().normalize(), undone);
                    } catch (IOException ignored) {
                        // the next claim of the target restores it
                    }
                }
                try {
                    Files.deleteIfExists(journal(anchor));
                } catch (IOException ignored) {
                    // the next claim finds no temporary output to finish and removes it
                }
                throw new UncheckedIOException("cannot put " + anchor + " in place: " + e.getMessage(), e);
            }
            moves.forEach(m -> PENDING.remove(m.from()));
        }
    }

    private static void writeJournal(Path anchor, List<Move> moves) throws IOException {
        Path journal = journal(anchor);
        ArrayNode list = JSON.createArrayNode();
        for (Move m : moves) {
            ObjectNode n = list.addObject();
            n.put("from", m.from().toAbsolutePath().toString());
            n.put("to", m.to().toAbsolutePath().normalize().toString());
            String key = fileKey(m.from().toAbsolutePath());
            if (key != null) {
                // what tells, after a crash, an exchanged pair (the new folder already under its name) from one
                // not yet moved: the identity of the new folder, which a rename or exchange keeps
                n.put("key", key);
            }
        }
        Path tmp = journal.resolveSibling("." + anchor.getFileName() + ".commit.tmp-" + ProcessHandle.current().pid()
                + "-" + COUNTER.incrementAndGet());
        step("write the journal");
        Files.writeString(tmp, JSON.writeValueAsString(list), StandardCharsets.UTF_8);
        step("rename the journal into place");
        move(tmp, journal);
    }

    /**
     * One move of the protocol. A folder in the way is exchanged with the new one in one atomic step where the system
     * can ({@link DirectoryExchange}: the name never goes missing), and the old folder, now under the temporary name,
     * is moved to its backup; elsewhere the folder in the way is moved to its backup first, then the new one renamed
     * in. {@code journaled}: a journal with the new folder's identity is in place, which the exchange needs so that
     * a crash right after it is finished, not undone.
     */
    private static void install(Path from, Path to, boolean journaled) throws IOException {
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
            if (journaled && fileKey(from) != null && DirectoryExchange.available()) {
                step("exchange the new " + to.getFileName() + " with the old one");
                if (DirectoryExchange.exchange(from, to)) {
                    moveAside(from, to);
                    return;
                }
            }
            step("move " + to.getFileName() + " to its backup");
            Files.move(to, backup(to), StandardCopyOption.ATOMIC_MOVE);
        }
        step("rename the new " + to.getFileName() + " into place");
        move(from, to);
    }

    /** After an exchange: the old folder, now at {@code from}, goes to the backup name that is deleted later. */
    private static void moveAside(Path from, Path to) throws IOException {
        step("move the old " + to.getFileName() + " to its backup");
        Files.move(from, backup(to), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The identity of a file or folder (device and inode on Unix) or null where the system gives none. */
    private static String fileKey(Path p) {
        try {
            Object key = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).fileKey();
            return key == null ? null : key.toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether a forced replacement of a folder can exchange it atomically here (the file system may still refuse). */
    public static boolean folderExchangeAvailable() {
        return DirectoryExchange.available();
    }

    private static void step(String name) {
        faults.accept(name);
    }

    /** Tests only: a hook called before each step of a commit (it may throw, as a kill would stop the run). */
    public static void injectFaults(Consumer<String> hook) {
        faults = hook == null ? s -> { } : hook;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Finishes or undoes what a killed writer left at {@code abs} (its lock must be held): a journal's renames are
     * completed, a missing output is restored from its backup, then temporary files and backups are removed.
     *
     * @return what was done, for a note ("" when nothing was left)
     */
    static String recover(Path abs) {
        Path journal = journal(abs);
        List<String> done = new ArrayList<>();
        try {
            if (Files.exists(journal)) {
                Map<Path, Path> moves = new LinkedHashMap<>();
                Map<Path, String> keys = new java.util.HashMap<>();
                try {
                    for (var n : JSON.readTree(Files.readString(journal, StandardCharsets.UTF_8))) {
                        Path from = Path.of(n.get("from").asText());
                        moves.put(from, Path.of(n.get("to").asText()));
                        if (n.hasNonNull("key")) {
                            keys.put(from, n.get("key").asText());
                        }
                    }
                } catch (IOException | RuntimeException unreadable) {
                    // a journal is renamed into place whole, so this is damage from outside: undo instead
                    moves.clear();
                }
                for (var m : moves.entrySet()) {
                    Path from = m.getKey();
                    Path to = m.getValue();
                    if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                        String key = keys.get(from);
                        if (key != null && key.equals(fileKey(to))) {
                            // exchanged: the new output is under its name, the old one under the temporary name
                            moveAside(from, to);
                        } else {
                            install(from, to, key != null);
                        }
                        done.add("finished putting " + to + " in place");
                    }
                    restoreIfMissing(to, done);
                    deleteBackups(to);
                }
                Files.deleteIfExists(journal);
            }
            restoreIfMissing(abs, done);
            int removed = 0;
            for (Path p : leftovers(abs)) {
                deleteTree(p);
                removed++;
            }
            if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(abs)) {
                // temporary files of a group commit into the folder (wfm simulate) that never got a journal
                try (Stream<Path> s = Files.list(abs)) {
                    for (Path p : s.filter(p -> isTemporary(p.getFileName().toString())).toList()) {
                        deleteTree(p);
                        removed++;
                    }
                }
            }
            if (removed > 0) {
                done.add("removed " + removed + " temporary " + (removed == 1 ? "entry" : "entries")
                        + " of an interrupted run beside " + abs.getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover " + abs + " after an interrupted run: "
                    + e.getMessage(), e);
        }
        String text = String.join("; ", done);
        if (!text.isEmpty()) {
            org.wfm.cli.Console.note(text);
        }
        return text;
    }

    private static void restoreIfMissing(Path abs, List<String> done) throws IOException {
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path newest = null;
        for (Path p : leftovers(abs)) {
            if (p.getFileName().toString().contains(".old-") && (newest == null
                    || Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(newest)) > 0)) {
                newest = p;
            }
        }
        if (newest != null) {
            Files.move(newest, abs, StandardCopyOption.ATOMIC_MOVE);
            done.add("restored " + abs + " from its backup");
        }
    }

    private static void deleteBackups(Path abs) throws IOException {
        for (Path p : leftovers(abs)) {
            if (p.getFileName().toString().contains(".old-")) {
                deleteTree(p);
            }
        }
    }

    /**
     * Removes a whole output: renamed to {@code .NAME.deleting-PID} first (one atomic step out of sight), then
     * deleted; a kill while deleting leaves only that hidden name, which the next claim deletes and, unlike a
     * backup, never restores.
     *
     * @return false if it could not be moved out of sight (it is then left as it was)
     */
    public static boolean delete(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        Path hidden = abs.resolveSibling("." + abs.getFileName() + DELETING + ProcessHandle.current().pid());
        try {
            step("move " + abs.getFileName() + " out of sight to delete it");
            Files.move(abs, hidden, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return false;
        }
        deleteTree(hidden);
        return true;
    }

    private static final String DELETING = ".deleting-";

    /** Hidden temporary entries and backups of {@code abs}'s name beside it. */
    private static List<Path> leftovers(Path abs) throws IOException {
        String tmp = "." + abs.getFileName() + ".tmp-";
        String old = "." + abs.getFileName() + ".old-";
        String journalTmp = "." + abs.getFileName() + ".commit.tmp-";
        String deleting = "." + abs.getFileName() + DELETING;
        try (Stream<Path> s = Files.list(abs.getParent())) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(tmp) || n.startsWith(old) || n.startsWith(journalTmp) || n.startsWith(deleting);
            }).toList();
        }
    }

    private static boolean isTemporary(String name) {
        return name.startsWith(".") && (name.contains(".tmp-") || name.contains(".old-"));
    }

    /**
     * Recovers every output in {@code dir} that a killed writer left something of (wfm plan calls it on the runs
     * folder, so leftovers of any command are cleared there): outputs whose lock another run holds are skipped.
     */
    public static void recoverAll(Path dir) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).forEach(n -> {
                String base = null;
                for (String mark : List.of(".tmp-", ".old-", DELETING, ".commit", ".lock")) {
                    int i = n.lastIndexOf(mark);
                    if (n.startsWith(".") && i > 1) {
                        base = n.substring(1, i);
                        break;
                    }
                }
                if (base != null && !base.isEmpty()) {
                    names.add(base);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : names) {
            Path abs = dir.toAbsolutePath().normalize().resolve(name);
            try (OutputLock l = OutputLock.tryAcquire(lockFile(abs))) {
                if (l != null) {
                    recover(abs);
                }
            }
        }
    }

    public static void deleteTree(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException ignored) {
                    // best effort: a leftover temporary file is hidden and removed by the next claim
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
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
            OutputLock.releaseAll();
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
            if (!Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
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

    /** Removes the folders a claim created ({@code created} and below, up to {@code dir}) while they are empty. */
    private static void removeEmpty(Path dir, Path created) {
        for (Path q = dir; created != null && q != null && q.startsWith(created); q = q.getParent()) {
            if (!isEmptyDir(q)) {
                break;
            }
            try {
                Files.deleteIfExists(q);
            } catch (IOException e) {
                break;
            }
        }
    }
}
