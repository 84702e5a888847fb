package org.wfm.cli.units;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The default engine: the unit tasks on a {@link ForkJoinPool} of {@code --threads} workers (the cores by default).
 * A unit's forecast runs its series as a parallel stream, which inside a pool's task uses that same pool, so series
 * and units share the one pool and {@code --threads 1} is a sequential run. Results do not depend on the number of
 * threads: every unit has its own seed and inputs, the solver ends on its move budget, and the forecast assembles
 * its series in name order.
 *
 * <p>Memory: before a unit starts it takes its estimate ({@link UnitMemory}) from a budget of the heap and gives it
 * back when done; a unit that does not fit waits (in plan.yaml order) until running units finish.
 */
public final class LocalEngine implements PlanEngine {
    @Override
    public String name() {
        return EngineOptions.LOCAL;
    }

    @Override
    public void run(List<UnitTask> tasks, EngineOptions options, Consumer<String> progress) {
        int threads = Math.max(1, options.threads());
        long budget = UnitMemory.budgetMb(Runtime.getRuntime().maxMemory());
        Semaphore memory = new Semaphore((int) Math.min(Integer.MAX_VALUE, budget), true);
        ForkJoinPool pool = new ForkJoinPool(threads);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (UnitTask t : tasks) {
                int mb = (int) Math.min(budget, t.memoryMb());
                if (!memory.tryAcquire(mb)) {
                    progress.accept(t.unit() + ": waiting for memory (needs about " + t.memoryMb() + " MB of "
                            + budget + " MB for units)");
                    memory.acquire(mb);
                }
                running.add(pool.submit(() -> {
                    try {
                        UnitTask.run(t, progress);
                    } finally {
                        memory.release(mb);
                    }
                }));
            }
            RuntimeException first = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = rethrowable(e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while planning units", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static RuntimeException rethrowable(Throwable t) {
        if (t instanceof Error err) {
            throw err;
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t.getMessage(), t);
    }
}
