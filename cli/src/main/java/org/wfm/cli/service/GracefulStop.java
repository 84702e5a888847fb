package org.wfm.cli.service;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.wfm.cli.Console;
import org.wfm.cli.output.AtomicOutput;
import org.wfm.scheduler.solver.ScheduleSolver;

/**
 * A scheduling run that ends well on SIGTERM (a cron timeout, a service manager stopping): while a scope is open,
 * the JVM's shutdown asks the solver to stop ({@link ScheduleSolver#requestStop()}), and the run goes on to write
 * and commit its folder with the best schedule so far ({@code terminated_by: "stop requested"}) before the process
 * exits (with the signal's status, 143). Temporary outputs are removed only after that, or after
 * {@link #WAIT_SECONDS} if the run cannot finish in time; SIGKILL still leaves only a hidden temporary folder.
 */
public final class GracefulStop implements AutoCloseable {
    /** How long the shutdown waits for the run to write and commit its folder. */
    static final long WAIT_SECONDS = 60;
    private static volatile GracefulStop open;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Runnable awaitFinished = this::awaitFinished;
    private final Thread hook;
    /** Every solver of the run: a plan with units solves several at once. */
    private final java.util.List<ScheduleSolver> solvers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    private GracefulStop() {
        hook = new Thread(() -> {
            stopping = true;
            Console.note("stop requested: finishing with the best schedule so far");
            solvers.forEach(ScheduleSolver::requestStop);
            awaitFinished();
        }, "wfm-graceful-stop");
    }

    /** Opens the scope of one run: from before its solver starts until its folder is committed. */
    public static GracefulStop open() {
        GracefulStop g = new GracefulStop();
        AtomicOutput.holdCleanup(g.awaitFinished);
        Runtime.getRuntime().addShutdownHook(g.hook);
        open = g;
        return g;
    }

    /** A solver of the open run (if any) will be stopped on shutdown, at once if the shutdown has begun. */
    static void attach(ScheduleSolver s) {
        GracefulStop g = open;
        if (g != null) {
            g.solvers.add(s);
            if (g.stopping) {
                s.requestStop();
            }
        }
    }

    private void awaitFinished() {
        try {
            boolean done = finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
            if (org.wfm.cli.WfmApplication.debug()) {
                System.err.println("graceful stop: " + Thread.currentThread().getName() + " waited, run finished " + done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        AtomicOutput.release(awaitFinished);
        if (open == this) {
            open = null;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }
}
