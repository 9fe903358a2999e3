package org.labelbench.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs of 64-bit hashes at most {@code threshold} bits apart, without comparing every pair: by
 * the pigeonhole principle two hashes that differ in at most t bits agree exactly on at least
 * one of t + 1 disjoint bands, so only hashes sharing a band value are compared. A pair is
 * counted at the first band the two share, so never twice.
 */
final class NearDuplicates {
    /** One pair found: indexes into the hashes, and their Hamming distance. */
    record Pair(int first, int second, int distance) {
    }

    /** The pairs (first &lt; second) for which {@code accept} holds, all counted, the {@code keep} closest kept. */
    record Found(long count, List<Pair> kept) {
    }

    interface PairFilter {
        boolean accept(int first, int second);
    }

    /** Pairs held for sorting by distance; past it the closest are chosen among the first found. */
    static final int COLLECTED = 200_000;

    private NearDuplicates() {
    }

    static Found find(long[] hashes, int threshold, PairFilter accept, int keep) {
        int bands = threshold + 1;
        int[] start = new int[bands + 1];
        for (int b = 0; b <= bands; b++) {
            start[b] = b * 64 / bands;
        }
        long count = 0;
        List<Pair> kept = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < hashes.length; i++) {
                buckets.computeIfAbsent(band(hashes[i], start[b], start[b + 1]), k -> new ArrayList<>()).add(i);
            }
            for (List<Integer> bucket : buckets.values()) {
                for (int x = 0; x < bucket.size(); x++) {
                    for (int y = x + 1; y < bucket.size(); y++) {
                        int i = bucket.get(x);
                        int j = bucket.get(y);
                        int distance = Long.bitCount(hashes[i] ^ hashes[j]);
                        if (distance > threshold || sharesEarlierBand(hashes[i], hashes[j], b, start)
                                || !accept.accept(Math.min(i, j), Math.max(i, j))) {
                            continue;
                        }
                        count++;
                        if (kept.size() < COLLECTED) {
                            kept.add(new Pair(Math.min(i, j), Math.max(i, j), distance));
                        }
                    }
                }
            }
        }
        kept.sort(java.util.Comparator.comparingInt(Pair::distance).thenComparingInt(Pair::first)
                .thenComparingInt(Pair::second));
        return new Found(count, List.copyOf(kept.subList(0, Math.min(keep, kept.size()))));
    }

    private static boolean sharesEarlierBand(long a, long b, int band, int[] start) {
        for (int earlier = 0; earlier < band; earlier++) {
            if (band(a, start[earlier], start[earlier + 1]) == band(b, start[earlier], start[earlier + 1])) {
                return true;
            }
        }
        return false;
    }

    private static long band(long hash, int from, int to) {
        int width = to - from;
        return (hash >>> from) & (width == 64 ? -1L : (1L << width) - 1);
    }
}
