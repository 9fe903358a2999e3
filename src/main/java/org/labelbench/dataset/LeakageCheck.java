package org.labelbench.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.labelbench.jobs.JobContext;
import org.labelbench.project.SplitRepository.ItemFacts;

/**
 * Finds what crosses between splits in an assignment (stored or planned): see {@link Leakage}.
 * Pictures by {@link DHash}, clips by {@link AudioFingerprint}, both 64 bits and the same
 * threshold; a picture is never compared with a clip.
 */
public final class LeakageCheck {
    /** dHash bits two pictures may differ in and still count as near-duplicates. */
    public static final int NEAR_THRESHOLD = 4;
    static final int EXAMPLES = 5;
    static final int NEAR_LISTED = 50;

    private LeakageCheck() {
    }

    /**
     * @param splitOf each item's split name, null for an item without one (left out of the check)
     * @param checkGroups whether the facts' group values must each lie in one split
     */
    static Leakage check(List<ItemFacts> facts, String[] splitOf, boolean checkGroups, int nearBits,
            Path projectFolder, JobContext context) {
        if (nearBits < 0 || nearBits > 16) {
            throw new org.labelbench.project.BadValueException("near bits", String.valueOf(nearBits), ": expected 0 to 16");
        }
        Map<String, List<Integer>> byContent = new HashMap<>();
        Map<String, Map<String, Integer>> groupSplits = new TreeMap<>();
        for (int i = 0; i < facts.size(); i++) {
            if (splitOf[i] == null) {
                continue;
            }
            byContent.computeIfAbsent(facts.get(i).sha256(), k -> new ArrayList<>()).add(i);
            if (checkGroups && facts.get(i).group() != null) {
                groupSplits.computeIfAbsent(facts.get(i).group(), k -> new TreeMap<>()).merge(splitOf[i], 1,
                        Integer::sum);
            }
        }
        long contentPairs = 0;
        List<String> contentExamples = new ArrayList<>();
        for (List<Integer> same : byContent.values()) {
            if (same.size() < 2) {
                continue;
            }
            for (int x = 0; x < same.size(); x++) {
                for (int y = x + 1; y < same.size(); y++) {
                    int a = same.get(x);
                    int b = same.get(y);
                    if (!splitOf[a].equals(splitOf[b])) {
                        contentPairs++;
                        if (contentExamples.size() < EXAMPLES) {
                            contentExamples.add(facts.get(a).key() + " (" + splitOf[a] + ") = " + facts.get(b).key()
                                    + " (" + splitOf[b] + ")");
                        }
                    }
                }
            }
        }
        contentExamples.sort(null);
        long groupsAcross = 0;
        List<String> groupExamples = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> group : groupSplits.entrySet()) {
            if (group.getValue().size() > 1) {
                groupsAcross++;
                if (groupExamples.size() < EXAMPLES) {
                    List<String> parts = new ArrayList<>();
                    group.getValue().forEach((split, n) -> parts.add(split + " (" + n + ")"));
                    groupExamples.add("'" + group.getKey() + "' in " + String.join(", ", parts));
                }
            }
        }
        // Near-duplicates: every split picture and clip fingerprinted (in parallel: decoding dominates).
        int[] pictures = IntStream.range(0, facts.size())
                .filter(i -> splitOf[i] != null && "image".equals(facts.get(i).media())).toArray();
        int[] clips = IntStream.range(0, facts.size())
                .filter(i -> splitOf[i] != null && "audio".equals(facts.get(i).media())).toArray();
        context.message("Fingerprinting " + pictures.length + " pictures and " + clips.length + " clips for"
                + " near-duplicates");
        AtomicLong done = new AtomicLong();
        long total = pictures.length + clips.length;
        Hashed images = fingerprint(facts, pictures, projectFolder, DHash::of, done, total, context);
        Hashed audio = fingerprint(facts, clips, projectFolder, AudioFingerprint::of, done, total, context);
        List<Leakage.NearPair> nearExamples = new ArrayList<>();
        long nearPairs = near(facts, splitOf, images, "image", nearBits, nearExamples)
                + near(facts, splitOf, audio, "audio", nearBits, nearExamples);
        nearExamples.sort(java.util.Comparator.comparingInt(Leakage.NearPair::distance)
                .thenComparing(Leakage.NearPair::firstKey).thenComparing(Leakage.NearPair::secondKey));
        List<Leakage.NearPair> listed = nearExamples.subList(0, Math.min(NEAR_LISTED, nearExamples.size()));
        return new Leakage(contentPairs, List.copyOf(contentExamples), groupsAcross, List.copyOf(groupExamples),
                nearBits, nearPairs, List.copyOf(listed), images.items().length, pictures.length - images.items().length,
                audio.items().length, clips.length - audio.items().length);
    }

    /** The items (indexes into the facts) that could be fingerprinted, and their fingerprints. */
    private record Hashed(int[] items, long[] hashes) {
    }

    private static Hashed fingerprint(List<ItemFacts> facts, int[] members, Path projectFolder,
            java.util.function.Function<Path, OptionalLong> fingerprint, AtomicLong done, long total,
            JobContext context) {
        long[] hashes = new long[members.length];
        boolean[] decoded = new boolean[members.length];
        IntStream.range(0, members.length).parallel().forEach(m -> {
            if (context.isCancelled()) {
                return;
            }
            OptionalLong hash = fingerprint.apply(projectFolder.resolve(facts.get(members[m]).path()).normalize());
            decoded[m] = hash.isPresent();
            hashes[m] = hash.orElse(0);
            long n = done.incrementAndGet();
            if (n % 500 == 0) {
                context.progress(n, total);
            }
        });
        context.checkCancelled();
        int[] kept = IntStream.range(0, members.length).filter(m -> decoded[m]).toArray();
        int[] items = new int[kept.length];
        long[] keptHashes = new long[kept.length];
        for (int k = 0; k < kept.length; k++) {
            items[k] = members[kept[k]];
            keptHashes[k] = hashes[kept[k]];
        }
        return new Hashed(items, keptHashes);
    }

    /** Counts the near pairs across splits (identical content aside: that is an error) and adds the closest. */
    private static long near(List<ItemFacts> facts, String[] splitOf, Hashed hashed, String media, int nearBits,
            List<Leakage.NearPair> examples) {
        NearDuplicates.Found found = NearDuplicates.find(hashed.hashes(), nearBits, (x, y) -> {
            int a = hashed.items()[x];
            int b = hashed.items()[y];
            return !splitOf[a].equals(splitOf[b]) && !facts.get(a).sha256().equals(facts.get(b).sha256());
        }, NEAR_LISTED);
        for (NearDuplicates.Pair pair : found.kept()) {
            int a = hashed.items()[pair.first()];
            int b = hashed.items()[pair.second()];
            examples.add(new Leakage.NearPair(media, facts.get(a).key(), splitOf[a], facts.get(b).key(), splitOf[b],
                    pair.distance()));
        }
        return found.count();
    }
}
