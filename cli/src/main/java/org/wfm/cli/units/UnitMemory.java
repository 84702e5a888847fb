package org.wfm.cli.units;

/**
 * How much heap a unit's plan needs, estimated from its size before it runs, so that units which do not fit in the
 * heap together wait for one another instead of failing with OutOfMemoryError half-way.
 *
 * <p>The estimate is {@value #BASE_MB} MB for the solver, forecast and workbook machinery plus {@value #BYTES_PER_CELL}
 * bytes per agent × day × interval of the horizon (the planning entities, the coverage ledger, the score's
 * per-interval tallies and the simulation's arrays all grow with that product). The per-cell figure comes from the
 * measurement recorded with the cost bound (10,000 agents × 14 days in 15-minute intervals, 2.4 GB peak heap:
 * 2.4e9 / (10,000 × 14 × 96) = 179 bytes) rounded up to 400 to leave room for the young generation and for the
 * forecast, which the measurement did not include. The budget is {@value #HEAP_SHARE_PERCENT}% of the maximum heap;
 * a unit larger than the budget alone runs alone.
 */
public final class UnitMemory {
    static final long BASE_MB = 48;
    static final long BYTES_PER_CELL = 400;
    static final int HEAP_SHARE_PERCENT = 70;

    private UnitMemory() {
    }

    /** The estimate in MB for {@code agents} agents over {@code days} days of {@code intervalsPerDay} intervals. */
    public static long estimateMb(long agents, long days, long intervalsPerDay) {
        return BASE_MB + (agents * days * intervalsPerDay * BYTES_PER_CELL + (1 << 20) - 1) / (1 << 20);
    }

    /** The MB that units may hold together in a heap of {@code maxHeapBytes}. */
    public static long budgetMb(long maxHeapBytes) {
        return Math.max(1, maxHeapBytes / (1 << 20) * HEAP_SHARE_PERCENT / 100);
    }
}
