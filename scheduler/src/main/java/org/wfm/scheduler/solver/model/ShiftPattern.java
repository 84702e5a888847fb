package org.wfm.scheduler.solver.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A shift shape independent of the day: start minute of the day, length, and where its pauses sit. Patterns
 * are generated once and shared by every agent-day, so most moves only swap a reference (no allocation). An
 * agent-day whose pauses were moved within their windows ({@link ShiftRules#pauseWindow}) holds its own copy
 * ({@link #withPause}), which keeps the generated pattern's id: the id names the start and length, the list of
 * pauses says where they sit. Immutable. A multi-skilled agent's shift has up to three booked channel blocks, cut
 * only at pauses: {@code splitOffset} is the start of the lunch (or middle pause), {@code lateSplitOffset} the start
 * of the last pause after it, when the work on each side of that pause is at least
 * {@link ChannelRedirect#MIN_BLOCK_MINUTES} long (else the shift's length: no third block). So a shift switches
 * booked channel at most twice, and only where blocks of at least half an hour allow it.
 */
public final class ShiftPattern {
    private final int id;
    private final int startMinute;
    private final int lengthMinutes;
    private final List<Pause> pauses;
    private final int splitOffset;
    private final int lateSplitOffset;
    private final int paidMinutes;
    private final List<int[]> workSegments;

    public ShiftPattern(int id, int startMinute, int lengthMinutes, List<Pause> pauses) {
        this.id = id;
        this.startMinute = startMinute;
        this.lengthMinutes = lengthMinutes;
        this.pauses = List.copyOf(pauses);
        int lunch = 0;
        for (Pause p : this.pauses) {
            if (p.lunch()) {
                lunch += p.minutes();
            }
        }
        this.paidMinutes = lengthMinutes - lunch;
        this.splitOffset = split(this.pauses, lengthMinutes);
        this.lateSplitOffset = lateSplit(this.pauses, lengthMinutes, splitOffset);
        List<int[]> segs = new ArrayList<>();
        int at = 0;
        for (Pause p : this.pauses) {
            if (p.offset() > at) {
                segs.add(new int[] {at, p.offset()});
            }
            at = p.end();
        }
        if (at < lengthMinutes) {
            segs.add(new int[] {at, lengthMinutes});
        }
        this.workSegments = List.copyOf(segs);
    }

    private static int split(List<Pause> pauses, int length) {
        for (Pause p : pauses) {
            if (p.lunch()) {
                return p.offset();
            }
        }
        if (!pauses.isEmpty()) {
            return pauses.get(pauses.size() / 2).offset();
        }
        return (length / 2) / 30 * 30;
    }

    /**
     * The start of the last pause after the split point's pause, when the work between the two pauses and after the
     * last one are each at least {@link ChannelRedirect#MIN_BLOCK_MINUTES}; else {@code length} (no third block).
     */
    static int lateSplit(List<Pause> pauses, int length, int split) {
        int afterSplit = -1;
        for (Pause p : pauses) {
            if (p.offset() == split) {
                afterSplit = p.end();
            }
        }
        if (afterSplit < 0) {
            return length;
        }
        for (int k = pauses.size() - 1; k >= 0; k--) {
            Pause p = pauses.get(k);
            if (p.offset() < afterSplit) {
                break;
            }
            if (p.offset() - afterSplit >= ChannelRedirect.MIN_BLOCK_MINUTES
                    && length - p.end() >= ChannelRedirect.MIN_BLOCK_MINUTES) {
                return p.offset();
            }
        }
        return length;
    }

    /** The same shift with pause {@code k} starting at {@code offset} (legality is the caller's to check). */
    public ShiftPattern withPause(int k, int offset) {
        List<Pause> moved = new ArrayList<>(pauses);
        Pause p = pauses.get(k);
        moved.set(k, new Pause(offset, p.minutes(), p.lunch()));
        return new ShiftPattern(id, startMinute, lengthMinutes, moved);
    }

    /** The same start and length (the pauses may sit elsewhere). */
    public boolean sameShift(ShiftPattern o) {
        return o != null && o.startMinute == startMinute && o.lengthMinutes == lengthMinutes;
    }

    public int id() {
        return id;
    }

    public int startMinute() {
        return startMinute;
    }

    public int lengthMinutes() {
        return lengthMinutes;
    }

    public int endMinute() {
        return startMinute + lengthMinutes;
    }

    public List<Pause> pauses() {
        return pauses;
    }

    public int splitOffset() {
        return splitOffset;
    }

    /** Where the third booked channel block starts; the shift's length when it has none. */
    public int lateSplitOffset() {
        return lateSplitOffset;
    }

    public int paidMinutes() {
        return paidMinutes;
    }

    /** Work time between pauses as {from, to} offsets from the shift's start. */
    public List<int[]> workSegments() {
        return workSegments;
    }

    /**
     * Offset of a training block of {@code block} minutes, at the start of the first work segment that holds it
     * (or the end of the last one), leaving either nothing or at least 30 minutes of work beside it so channel
     * blocks stay at least half an hour; -1 when the shift has no room.
     */
    public int trainingOffset(int block, boolean atEnd) {
        return trainingOffset(block, atEnd, 0);
    }

    /**
     * As {@link #trainingOffset(int, boolean)} in the {@code skip}+1-th segment that holds the block, counted
     * from the start (or from the end); -1 when fewer segments hold it.
     */
    public int trainingOffset(int block, boolean atEnd, int skip) {
        int n = workSegments.size();
        int left = skip;
        for (int k = 0; k < n; k++) {
            int[] s = workSegments.get(atEnd ? n - 1 - k : k);
            int len = s[1] - s[0];
            if (len == block || len >= block + 30) {
                if (left-- == 0) {
                    return atEnd ? s[1] - block : s[0];
                }
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return String.format("%02d:%02d+%dm", startMinute / 60, startMinute % 60, lengthMinutes);
    }
}
