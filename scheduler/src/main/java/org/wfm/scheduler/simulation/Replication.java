package org.wfm.scheduler.simulation;

import org.wfm.scheduler.staffing.ChannelKind;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One replication: draws absence and contacts, then runs the event loop.
 *
 * <p>Three event sources are merged by time: block starts and ends (pre-sorted in the model), arrivals
 * (pre-drawn per channel in time order) and service completions (the only events needing a heap). At one instant
 * block ends come first, then completions, block starts, arrivals — so an agent whose block ends at the moment a
 * contact finishes takes nothing more.
 *
 * <p>Each channel's queue is FIFO and, because contacts of a channel are numbered in arrival order and served in
 * that order, it is simply the index range {@code [head, arrived)}. Abandonment is resolved lazily: a contact
 * reaching the head after its patience ran out left at arrival + patience, which changes no other contact's
 * fate, so no abandonment events are scheduled.
 *
 * <p>Random streams are split per purpose (arrivals with their handle work and patience, absence), so two
 * schedules simulated with the same seed face the same contacts (common random numbers) and differ only in how
 * they serve them.
 */
final class Replication {
    private final SimulationModel m;
    private final SimulationOptions options;
    private final Tally tally;

    // contacts per channel, in arrival order
    private final double[][] arrival;
    private final double[][] work;
    private final double[][] patience;
    private final int[][] contactCell;
    private final int[] contactCount;
    private final int[] arrived;
    private final int[] head;

    // agents
    private final int[] agentChannel;
    /** The work block the agent is in, -1 between blocks. */
    private final int[] agentBlock;
    private final double[] agentBlockEnd;
    private final double[] agentProficiency;
    private final int[] agentBusy;
    private final int[] agentBusyChannel;
    private final double[] agentLastFree;
    private final int[][] active;
    private final int[] activeSize;
    private final int[] activePosition;

    private final EventHeap completions = new EventHeap();

    Replication(SimulationModel model, SimulationOptions options) {
        this.m = model;
        this.options = options;
        this.tally = new Tally(model.cellCount());
        int channels = model.channelCount;
        arrival = new double[channels][];
        work = new double[channels][];
        patience = new double[channels][];
        contactCell = new int[channels][];
        contactCount = new int[channels];
        arrived = new int[channels];
        head = new int[channels];
        agentChannel = new int[model.agentCount];
        Arrays.fill(agentChannel, -1);
        agentBlock = new int[model.agentCount];
        Arrays.fill(agentBlock, -1);
        agentBlockEnd = new double[model.agentCount];
        agentProficiency = new double[model.agentCount];
        agentBusy = new int[model.agentCount];
        agentBusyChannel = new int[model.agentCount];
        agentLastFree = new double[model.agentCount];
        active = new int[channels][model.agentCount];
        activeSize = new int[channels];
        activePosition = new int[model.agentCount];
    }

    Tally run(SplittableRandom random) {
        SplittableRandom arrivals = random.split();
        SplittableRandom absence = random.split();
        for (int c = 0; c < m.channelCount; c++) {
            drawContacts(c, arrivals.split());
        }
        boolean[] present = presentBlocks(absence);
        loop(present);
        finish();
        return tally;
    }

    private void drawContacts(int c, SplittableRandom random) {
        double expected = 0;
        for (double v : m.demandVolume[c]) {
            expected += v;
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, expected + 6 * Math.sqrt(expected) + 16);
        double[] at = new double[capacity];
        double[] w = new double[capacity];
        double[] p = new double[capacity];
        int[] cells = new int[capacity];
        int n = 0;
        double meanPatience = m.patienceSeconds[c];
        for (int i = 0; i < m.demandStart[c].length; i++) {
            double volume = m.demandVolume[c][i];
            if (volume <= 0) {
                continue;
            }
            double start = m.demandStart[c][i];
            double end = start + m.intervalSeconds;
            double rate = volume / m.intervalSeconds;
            double aht = m.demandAht[c][i];
            int cell = m.cell(start, c);
            // A homogeneous Poisson process within the interval: exponential gaps at the interval's rate.
            double t = start + exponential(random) / rate;
            while (t < end) {
                if (n == at.length) {
                    int grown = n + (n >> 1) + 16;
                    at = Arrays.copyOf(at, grown);
                    w = Arrays.copyOf(w, grown);
                    p = Arrays.copyOf(p, grown);
                    cells = Arrays.copyOf(cells, grown);
                }
                at[n] = t;
                w[n] = handleWork(random, aht);
                p[n] = patience(random, meanPatience);
                cells[n] = cell;
                n++;
                t += exponential(random) / rate;
            }
        }
        arrival[c] = at;
        work[c] = w;
        patience[c] = p;
        contactCell[c] = cells;
        contactCount[c] = n;
    }

    private static double exponential(SplittableRandom random) {
        return -Math.log(1.0 - random.nextDouble());
    }

    /** Handle time at proficiency 1; the agent's proficiency divides it when the contact is taken. */
    private double handleWork(SplittableRandom random, double aht) {
        if (options.handleTimes() == SimulationOptions.HandleTimes.EXPONENTIAL) {
            return aht * exponential(random);
        }
        double cv = options.handleTimeCv();
        if (cv == 0) {
            return aht;
        }
        // Lognormal with mean aht and the given CV: σ² = ln(1 + CV²), μ = ln(aht) − σ²/2.
        double sigma2 = Math.log1p(cv * cv);
        return Math.exp(Math.log(aht) - sigma2 / 2 + Math.sqrt(sigma2) * random.nextGaussian());
    }

    private double patience(SplittableRandom random, double mean) {
        // Drawn even without patience so that the stream stays aligned whatever the channel's settings.
        double u = exponential(random);
        if (Double.isInfinite(mean)) {
            return Double.POSITIVE_INFINITY;
        }
        return options.patience() == SimulationOptions.Patience.FIXED ? mean : mean * u;
    }

    /** Whole shifts absent with their shrinkage; blocks on a channel the agent has no skill for take nothing. */
    private boolean[] presentBlocks(SplittableRandom random) {
        boolean[] shiftPresent = new boolean[m.shiftCount];
        for (int s = 0; s < m.shiftCount; s++) {
            shiftPresent[s] = random.nextDouble() >= m.shiftShrinkage[s];
        }
        boolean[] present = new boolean[m.blockCount];
        for (int b = 0; b < m.blockCount; b++) {
            present[b] = shiftPresent[m.blockShift[b]] && m.blockProficiency[b] > 0;
            if (present[b]) {
                addSpan(tally.available, m.blockChannel[b], m.blockStart[b], m.blockEnd[b], 1.0);
            }
        }
        return present;
    }

    private void loop(boolean[] present) {
        int nextBlockEvent = 0;
        int blockEvents = m.blockEvents.length;
        while (true) {
            while (nextBlockEvent < blockEvents && !present[m.blockEvents[nextBlockEvent] >>> 1]) {
                nextBlockEvent++;
            }
            double blockTime = nextBlockEvent < blockEvents ? m.blockEventTimes[nextBlockEvent]
                    : Double.POSITIVE_INFINITY;
            boolean blockIsStart = nextBlockEvent < blockEvents && (m.blockEvents[nextBlockEvent] & 1) == 1;
            double completionTime = completions.peekTime();
            int arrivalChannel = -1;
            double arrivalTime = Double.POSITIVE_INFINITY;
            for (int c = 0; c < m.channelCount; c++) {
                if (arrived[c] < contactCount[c] && arrival[c][arrived[c]] < arrivalTime) {
                    arrivalTime = arrival[c][arrived[c]];
                    arrivalChannel = c;
                }
            }
            // At one instant: block ends, then completions, then block starts, then arrivals.
            boolean completionFirst = completionTime < blockTime || (completionTime == blockTime && blockIsStart);
            double next = completionFirst ? completionTime : blockTime;
            if (arrivalTime < next) {
                arrive(arrivalChannel, arrivalTime);
            } else if (next == Double.POSITIVE_INFINITY) {
                return;
            } else if (completionFirst) {
                int agent = completions.peekPayload();
                completions.pop();
                complete(agent, next);
            } else {
                int event = m.blockEvents[nextBlockEvent++];
                if ((event & 1) == 1) {
                    startBlock(event >>> 1, next);
                } else {
                    endBlock(event >>> 1);
                }
            }
        }
    }

    private void startBlock(int b, double now) {
        int a = m.blockAgent[b];
        int c = m.blockChannel[b];
        if (agentBlock[a] >= 0) {
            // Overlapping shifts (bad input): the later block takes over.
            leave(a);
        }
        agentBlock[a] = b;
        agentChannel[a] = c;
        agentBlockEnd[a] = m.blockEnd[b];
        agentProficiency[a] = m.blockProficiency[b];
        if (agentBusy[a] == 0) {
            agentLastFree[a] = now;
        }
        activePosition[a] = activeSize[c];
        active[c][activeSize[c]++] = a;
        dispatch(c, now);
    }

    private void endBlock(int b) {
        int a = m.blockAgent[b];
        if (agentBlock[a] == b) {
            leave(a);
        }
    }

    private void leave(int a) {
        int c = agentChannel[a];
        int position = activePosition[a];
        int last = active[c][--activeSize[c]];
        active[c][position] = last;
        activePosition[last] = position;
        agentChannel[a] = -1;
        agentBlock[a] = -1;
    }

    private void complete(int a, double now) {
        agentBusy[a]--;
        agentLastFree[a] = now;
        if (agentChannel[a] >= 0) {
            dispatch(agentChannel[a], now);
        }
    }

    private void arrive(int c, double now) {
        int i = arrived[c]++;
        int cell = contactCell[c][i];
        tally.offered[cell]++;
        if (now + m.responseSeconds[c] <= m.horizonEnd || m.kinds[c] != ChannelKind.DEFERRED) {
            tally.judged[cell]++;
        }
        dispatch(c, now);
    }

    /** Serves the channel's queue while some agent on the channel has room. */
    private void dispatch(int c, double now) {
        while (head[c] < arrived[c]) {
            int i = head[c];
            if (arrival[c][i] + patience[c][i] <= now) {
                tally.abandoned[contactCell[c][i]]++;
                head[c]++;
                continue;
            }
            int a = freeAgent(c);
            if (a < 0) {
                return;
            }
            head[c]++;
            serve(a, c, i, now);
        }
    }

    /**
     * The agent to route to: among agents on the channel with room, the one with fewest contacts in progress
     * (chat), then the longest idle.
     */
    private int freeAgent(int c) {
        int best = -1;
        int limit = m.concurrency[c];
        int[] list = active[c];
        for (int k = 0, n = activeSize[c]; k < n; k++) {
            int a = list[k];
            int busy = agentBusy[a];
            if (busy > 0 && (agentBusyChannel[a] != c || busy >= limit)) {
                continue;
            }
            if (best < 0 || busy < agentBusy[best]
                    || (busy == agentBusy[best] && agentLastFree[a] < agentLastFree[best])) {
                best = a;
            }
        }
        return best;
    }

    private void serve(int a, int c, int i, double now) {
        int cell = contactCell[c][i];
        double wait = now - arrival[c][i];
        double end = now + work[c][i] / agentProficiency[a];
        tally.answered[cell]++;
        tally.waitSum[cell] += wait;
        if (m.kinds[c] == ChannelKind.DEFERRED) {
            double due = arrival[c][i] + m.responseSeconds[c];
            if (due <= m.horizonEnd && end <= due) {
                tally.inTarget[cell]++;
            }
        } else if (wait <= m.answerSeconds[c]) {
            tally.inTarget[cell]++;
        }
        // Work past the block's end (a contact in service at the end is finished) is not counted as occupancy.
        addSpan(tally.busy, c, now, Math.min(end, agentBlockEnd[a]), 1.0 / m.concurrency[c]);
        agentBusy[a]++;
        agentBusyChannel[a] = c;
        completions.push(end, a);
    }

    /** Contacts still waiting when nothing else happens: those with patience abandon, the rest are never served. */
    private void finish() {
        for (int c = 0; c < m.channelCount; c++) {
            for (int i = head[c]; i < arrived[c]; i++) {
                if (patience[c][i] < Double.POSITIVE_INFINITY) {
                    tally.abandoned[contactCell[c][i]]++;
                }
            }
        }
    }

    private void addSpan(double[] target, int c, double from, double to, double weight) {
        double t = from;
        while (t < to) {
            int k = (int) (t / m.intervalSeconds);
            if (k >= m.intervals) {
                return;
            }
            double next = Math.min(to, (k + 1) * m.intervalSeconds);
            target[m.rowOfInterval[k] * m.channelCount + c] += (next - t) * weight;
            t = next;
        }
    }
}
