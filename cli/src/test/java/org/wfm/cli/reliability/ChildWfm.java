package org.wfm.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * wfm run in its own JVM (the test class path, main class WfmApplication), as cron runs it, with a bounded
 * heap; stderr lines are collected as they come so a test can act on progress.
 */
public final class ChildWfm {
    public final Process process;
    public final List<String> err = new CopyOnWriteArrayList<>();

    public ChildWfm(String heap, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-Dshut.up.ojAlgo=true", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.wfm.cli.WfmApplication"));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    err.add(line);
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        t.setDaemon(true);
        t.start();
    }

    /** Waits until a stderr line contains {@code text}; false if the process ended or the wait ran out. */
    public boolean await(String text, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (err.stream().anyMatch(l -> l.contains(text))) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Waits until a hidden temporary entry appears in {@code parent} (the run is writing its files). */
    boolean awaitTemporary(Path parent, long seconds) throws IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end && process.isAlive()) {
            if (leftovers(parent).stream().anyMatch(n -> n.contains(".tmp-"))) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    int stop(boolean forcibly) throws InterruptedException {
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("child ended").isTrue();
        return process.exitValue();
    }

    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("wfm did not end within " + seconds + " s; stderr: " + err);
        }
        // let the reader thread drain the last lines
        Thread.sleep(50);
        return process.exitValue();
    }

    /** Hidden entries (temporary files and folders) in {@code parent}. */
    public static List<String> leftovers(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }
}
