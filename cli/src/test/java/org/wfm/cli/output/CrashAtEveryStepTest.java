package org.wfm.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmException;

/**
 * The commit protocol stopped at each of its steps, as a kill would stop it (the fault hook throws and nothing
 * cleans up), then the next claim of the same output: the output is always whole, the old one or the new one, and
 * nothing hidden is left. The same with a kill by signal at each rename is {@code CrashAtEveryRenameIT}.
 */
class CrashAtEveryStepTest {
    @TempDir
    Path dir;

    /** What a kill does to the run: it just stops, mid-step. */
    static final class Killed extends Error {
        Killed(String step) {
            super("killed before: " + step);
        }
    }

    @AfterEach
    void noFaults() {
        AtomicOutput.injectFaults(null);
        DirectoryExchange.enabled = true;
    }

    /**
     * Where the system exchanges two folders atomically (Linux): the name holds a whole folder, old or new, at every
     * step of the commit, and after a crash at any step the next claim finishes with the new one.
     */
    @Test
    void withTheExchangeTheNameAlwaysHoldsAWholeFolder() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(DirectoryExchange.available(),
                "no renameat2 here: the fallback is tested below");
        Path probeA = Files.createDirectories(dir.resolve("probe-a"));
        Path probeB = Files.createDirectories(dir.resolve("probe-b"));
        Files.writeString(probeA.resolve("x"), "a");
        org.junit.jupiter.api.Assumptions.assumeTrue(DirectoryExchange.exchange(probeA, probeB),
                "this file system refuses RENAME_EXCHANGE: the fallback is tested below");
        assertThat(probeB.resolve("x")).hasContent("a");
        assertThat(probeA.resolve("x")).doesNotExist();
        List<String> stepsSeen = new ArrayList<>();
        for (int crashAt = 0; ; crashAt++) {
            Path out = dir.resolve("x" + crashAt).resolve("run");
            writeFolder(out, "old");
            Path tmp = AtomicOutput.tempDirFor(out);
            writeFolder(tmp, "new");
            int[] n = {0};
            int stopAt = crashAt;
            AtomicOutput.injectFaults(step -> {
                try {
                    assertThat(contents(out)).as("the name during step " + step).isIn(folder("old"), folder("new"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (n[0] >= stepsSeen.size()) {
                    stepsSeen.add(step);
                }
                if (n[0]++ == stopAt) {
                    throw new Killed(step);
                }
            });
            boolean crashed;
            try {
                AtomicOutput.commit(tmp, out);
                crashed = false;
            } catch (Killed k) {
                crashed = true;
            } finally {
                AtomicOutput.injectFaults(null);
            }
            assertThat(contents(out)).as("right after a crash before step " + crashAt + " " + stepsSeen)
                    .isIn(folder("old"), folder("new"));
            try (AtomicOutput.Claim c = AtomicOutput.claim(out, AtomicOutput.Kind.FOLDER, true, "--out")) {
                assertThat(c.target()).isEqualTo(out);
            }
            if (!crashed || crashAt >= 2) {
                assertThat(contents(out)).as("recovered after step " + crashAt).isEqualTo(folder("new"));
            } else {
                assertThat(contents(out)).as("recovered after step " + crashAt).isIn(folder("old"), folder("new"));
            }
            assertThat(hidden(out.getParent())).as("nothing hidden left after step " + crashAt).isEmpty();
            if (!crashed) {
                break;
            }
        }
        assertThat(stepsSeen).as("the protocol's steps").containsExactly("write the journal",
                "rename the journal into place", "exchange the new run with the old one",
                "move the old run to its backup", "delete the backup of run", "delete the journal");
    }

    /** Where the exchange is not available: the old folder is moved aside, then the new one renamed in. */
    @Test
    void aFolderReplacedWithForceIsOldOrNewAfterACrashAtAnyStep() throws IOException {
        DirectoryExchange.enabled = false;
        List<String> stepsSeen = new ArrayList<>();
        for (int crashAt = 0; ; crashAt++) {
            Path out = dir.resolve("case" + crashAt).resolve("run");
            writeFolder(out, "old");
            Path tmp = AtomicOutput.tempDirFor(out);
            writeFolder(tmp, "new");
            boolean crashed = commitCrashingAt(crashAt, () -> AtomicOutput.commit(tmp, out), stepsSeen);
            // the next run writing there (any command) recovers first
            try (AtomicOutput.Claim c = AtomicOutput.claim(out, AtomicOutput.Kind.FOLDER, true, "--out")) {
                assertThat(c.target()).isEqualTo(out);
            }
            Map<String, String> files = contents(out);
            assertThat(files).as("crash before step " + crashAt + " " + stepsSeen)
                    .isIn(folder("old"), folder("new"));
            if (!crashed || crashAt >= 3) {
                // once the journal is in place, recovery finishes the replacement: the new run
                assertThat(files).as("after step " + crashAt).isEqualTo(folder("new"));
            }
            assertThat(hidden(out.getParent())).as("nothing hidden left after step " + crashAt).isEmpty();
            if (!crashed) {
                break;
            }
        }
        assertThat(stepsSeen).as("the protocol's steps").containsExactly("write the journal",
                "rename the journal into place", "move run to its backup", "rename the new run into place",
                "delete the backup of run", "delete the journal");
    }

    /** A journal damaged from outside (cannot be read): the old folder, moved to its backup, is put back. */
    @Test
    void aDamagedJournalRestoresTheOldFolder() throws IOException {
        DirectoryExchange.enabled = false;
        Path out = dir.resolve("run");
        writeFolder(out, "old");
        Path tmp = AtomicOutput.tempDirFor(out);
        writeFolder(tmp, "new");
        List<String> steps = new ArrayList<>();
        assertThat(commitCrashingAt(3, () -> AtomicOutput.commit(tmp, out), steps)).isTrue();
        assertThat(out).doesNotExist();
        Files.writeString(dir.resolve(".run.commit"), "{not json");
        try (AtomicOutput.Claim c = AtomicOutput.claim(out, AtomicOutput.Kind.FOLDER, true, "--out")) {
            assertThat(contents(out)).isEqualTo(folder("old"));
        }
        assertThat(hidden(dir)).isEmpty();
    }

    @Test
    void forecastAndPeaksAreBothOldOrBothNewAfterACrashAtAnyStep() throws IOException {
        for (int crashAt = 0; ; crashAt++) {
            Path d = Files.createDirectories(dir.resolve("f" + crashAt));
            Path forecast = d.resolve("forecast.csv");
            Path peaks = d.resolve("peaks.csv");
            Files.writeString(forecast, "old");
            Files.writeString(peaks, "old");
            boolean crashed;
            try (AtomicOutput.Claim fc = AtomicOutput.claim(forecast, AtomicOutput.Kind.FILE, true, "--out");
                 AtomicOutput.Claim pk = AtomicOutput.claim(peaks, AtomicOutput.Kind.FILE, true, "--peaks")) {
                Path tf = fc.temporary();
                Path tp = pk.temporary();
                Files.writeString(tf, "new");
                Files.writeString(tp, "new");
                crashed = commitCrashingAt(crashAt, () -> fc.commitAll(List.of(new AtomicOutput.Move(tf, forecast),
                        new AtomicOutput.Move(tp, peaks))), new ArrayList<>());
            }
            // the next forecast run claims both again
            try (AtomicOutput.Claim again = AtomicOutput.claim(forecast, AtomicOutput.Kind.FILE, true, "--out");
                 AtomicOutput.Claim p2 = AtomicOutput.claim(peaks, AtomicOutput.Kind.FILE, true, "--peaks")) {
                assertThat(again.target()).isEqualTo(forecast);
            }
            assertThat(Files.readString(forecast)).as("step " + crashAt).isEqualTo(Files.readString(peaks));
            assertThat(hidden(d)).as("step " + crashAt).isEmpty();
            if (!crashed) {
                break;
            }
        }
    }

    @Test
    void aSecondWriterOfTheSameOutputIsRefusedNamingTheFirst() {
        Path out = dir.resolve("run");
        try (AtomicOutput.Claim first = AtomicOutput.claim(out, AtomicOutput.Kind.FOLDER, false, "--out")) {
            assertThatThrownBy(() -> AtomicOutput.claim(out, AtomicOutput.Kind.FOLDER, false, "--out"))
                    .isInstanceOf(WfmException.class)
                    .satisfies(e -> assertThat(((WfmException) e).exitCode()).isEqualTo(2))
                    .hasMessageContaining("another wfm (process " + ProcessHandle.current().pid())
                    .hasMessageContaining("writing " + out);
        }
        // released: the next one gets it, and no lock file stays
        try (AtomicOutput.Claim next = AtomicOutput.claim(out, AtomicOutput.Kind.FOLDER, false, "--out")) {
            assertThat(next.target()).isEqualTo(out);
        }
        assertThat(dir.resolve(".run.lock")).doesNotExist();
    }

    /** Runs {@code commit} with a kill before step {@code crashAt}; true if it was killed. */
    private static boolean commitCrashingAt(int crashAt, Runnable commit, List<String> stepsSeen) {
        int[] n = {0};
        AtomicOutput.injectFaults(step -> {
            if (n[0] >= stepsSeen.size()) {
                stepsSeen.add(step);
            }
            if (n[0]++ == crashAt) {
                throw new Killed(step);
            }
        });
        try {
            commit.run();
            return false;
        } catch (Killed k) {
            return true;
        } finally {
            AtomicOutput.injectFaults(null);
        }
    }

    private static void writeFolder(Path d, String version) throws IOException {
        Files.createDirectories(d);
        Files.writeString(d.resolve("schedule.csv"), "schedule " + version);
        Files.writeString(d.resolve("summary.json"), "summary " + version);
    }

    private static Map<String, String> folder(String version) {
        return Map.of("schedule.csv", "schedule " + version, "summary.json", "summary " + version);
    }

    private static Map<String, String> contents(Path d) throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.isDirectory(d)) {
            return m;
        }
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return m;
    }

    private static List<String> hidden(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }
}
