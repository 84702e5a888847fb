package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wfm.cli.WfmRunner;
import org.wfm.cli.WfmRunner.Run;

/**
 * Issue 15, item 8: what can be known about the place of an output is checked before the solve (exit 3, or 2 for an
 * existing output without --force) with one line; outputs get the permissions the umask allows; library logging
 * never reaches stdout.
 */
class EnvironmentTest {
    @TempDir
    Path dir;

    /** The run is refused before any work: no reading or solver line on stderr (not a wall-time bound). */
    private static void refusedBeforeSolving(Run r) {
        assertThat(r.err()).as(r.toString()).doesNotContain("solving").doesNotContain("reading");
        Fixtures.assertOneCleanMessage(r);
    }

    @Test
    void anOutputBelowAFileIsAnInputErrorBeforeSolving() {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir.resolve("in"));
        Path file = Fixtures.write(dir, "plain.txt", "x");
        Run r = WfmRunner.run(f.args(file.resolve("run"), "--time-limit", "60s"));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains(file + " is a file, not a folder");
        refusedBeforeSolving(r);
    }

    @Test
    void anOutputFolderThatIsAFileIsRefusedBeforeSolving() {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir.resolve("in"));
        Path file = Fixtures.write(dir, "run", "not a folder");
        Run noForce = WfmRunner.run(f.args(file, "--time-limit", "60s"));
        assertThat(noForce.code()).as(noForce.toString()).isEqualTo(2);
        assertThat(noForce.err()).contains("already exists");
        Run force = WfmRunner.run(f.args(file, "--time-limit", "60s", "--force"));
        assertThat(force.code()).as(force.toString()).isEqualTo(3);
        assertThat(force.err()).contains(file + " is a file, expected a folder");
        refusedBeforeSolving(force);
        assertThat(Fixtures.read(file)).isEqualTo("not a folder");
    }

    @Test
    void anUnwritableFolderIsRefusedBeforeSolving() throws IOException {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path place = Files.isWritable(locked) ? Path.of("/proc/sys") : locked;
        // as root every folder is writable; /proc/sys is not, even for root
        assumeTrue(Files.isDirectory(place) && !Files.isWritable(place),
                "no folder this user cannot write to (root without /proc/sys): skipped");
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir.resolve("in"));
        Run r = WfmRunner.run(f.args(place.resolve("run"), "--time-limit", "60s"));
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("cannot write into " + place + " (permission denied)");
        refusedBeforeSolving(r);
    }

    @Test
    void aFolderThatCannotBeEmptiedIsRefusedBeforeSolving() throws IOException {
        Path out = dir.resolve("run");
        Path stuck = Files.createDirectories(out.resolve("sub"));
        Files.writeString(stuck.resolve("file.txt"), "x");
        Files.setPosixFilePermissions(stuck, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(stuck), "running as root: every folder can be emptied, skipped");
            Map<String, String> before = Fixtures.snapshot(out);
            Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir.resolve("in"));
            Run r = WfmRunner.run(f.args(out, "--time-limit", "60s", "--force"));
            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).contains("cannot be replaced").contains(stuck + " is not writable");
            refusedBeforeSolving(r);
            assertThat(Fixtures.snapshot(out)).isEqualTo(before);
        } finally {
            Files.setPosixFilePermissions(stuck, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Files and folders as the umask allows: a shared umask 022 gives rw-r--r-- and rwxr-xr-x, 077 private. */
    @Test
    void outputsFollowTheUmask() throws Exception {
        Fixtures.ScheduleFiles f = Fixtures.scheduleFiles(dir.resolve("in"));
        Path shared = dir.resolve("shared");
        assertThat(child("022", f.args(shared, "--time-limit", "1s"))).isZero();
        assertThat(perms(shared)).isEqualTo("rwxr-xr-x");
        assertThat(perms(shared.resolve("schedule.csv"))).isEqualTo("rw-r--r--");
        assertThat(perms(shared.resolve("coverage.png"))).isEqualTo("rw-r--r--");
        Path req = dir.resolve("private.csv");
        assertThat(child("077", "requirements", "--forecast", f.requirements().toString(), "--channels",
                f.channels().toString(), "--out", req.toString())).isZero();
        assertThat(perms(req)).isEqualTo("rw-------");
    }

    /** Even with every library logging at DEBUG, stdout carries only the result. */
    @Test
    void libraryLoggingNeverReachesStdout() throws Exception {
        // through the shell (wfm.quick=false): erlang is otherwise answered before Spring and its libraries start
        List<String> cmd = java("-Dlogging.level.root=DEBUG", "-Dwfm.quick=false", "erlang", "--calls", "100", "--aht",
                "300", "--json");
        // files, not pipes: a pipe nobody reads while the other is drained would block the child
        Path outFile = dir.resolve("stdout.txt");
        Path errFile = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        assertThat(p.exitValue()).isZero();
        String out = Files.readString(outFile, StandardCharsets.UTF_8);
        assertThat(out.strip()).startsWith("{\"agents\":").doesNotContain("\n").endsWith("}");
        assertThat(Files.readString(errFile)).as("the DEBUG lines went to stderr").contains("DEBUG");
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** wfm in a child JVM started under {@code umask}; its exit code. */
    private int child(String umask, String... args) throws Exception {
        StringBuilder sh = new StringBuilder("umask " + umask + " && exec");
        for (String a : java(args)) {
            sh.append(" '").append(a.replace("'", "'\\''")).append("'");
        }
        Process p = new ProcessBuilder("sh", "-c", sh.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0) {
            System.out.println(Files.readString(dir.resolve("child.log")));
        }
        return p.exitValue();
    }

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty() && rest.get(0).startsWith("-D")) {
            cmd.add(rest.remove(0));
        }
        cmd.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dshut.up.ojAlgo=true",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.wfm.cli.WfmApplication"));
        cmd.addAll(rest);
        return cmd;
    }
}
