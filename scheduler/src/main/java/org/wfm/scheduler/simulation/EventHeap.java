package org.wfm.scheduler.simulation;

import java.util.Arrays;

/**
 * Binary min-heap of (time, int payload) in two parallel primitive arrays: service completions are the only
 * events that need a priority queue, and boxing one object per contact would dominate the run time.
 */
final class EventHeap {
    private double[] times = new double[64];
    private int[] payloads = new int[64];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    double peekTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : times[0];
    }

    int peekPayload() {
        return payloads[0];
    }

    void push(double time, int payload) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            payloads = Arrays.copyOf(payloads, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (times[parent] <= time) {
                break;
            }
            times[i] = times[parent];
            payloads[i] = payloads[parent];
            i = parent;
        }
        times[i] = time;
        payloads[i] = payload;
    }

    void pop() {
        double time = times[--size];
        int payload = payloads[size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && times[child + 1] < times[child]) {
                child++;
            }
            if (time <= times[child]) {
                break;
            }
            times[i] = times[child];
            payloads[i] = payloads[child];
            i = child;
        }
        times[i] = time;
        payloads[i] = payload;
    }
}
