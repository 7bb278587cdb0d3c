package fr.relais.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency figures of a benchmark: p50, p95 and p99 of measured durations. */
public final class Percentiles {
    private Percentiles() {
    }

    public static String of(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)",
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.size());
    }

    private static double at(List<Long> sorted, double q) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
