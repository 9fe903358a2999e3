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

/** Finds what crosses between splits in an assignment (stored or planned): see {@link Leakage}. */
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
            throw new org.labelbench.project.BadInputException("--near-bits " + nearBits + ": expected 0 to 16");
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
        // Near-duplicate pictures: every split picture hashed (in parallel: decoding dominates).
        int[] pictures = IntStream.range(0, facts.size())
                .filter(i -> splitOf[i] != null && "image".equals(facts.get(i).media())).toArray();
        long[] hashes = new long[pictures.length];
        boolean[] decoded = new boolean[pictures.length];
        AtomicLong done = new AtomicLong();
        context.message("Hashing " + pictures.length + " pictures for near-duplicates");
        IntStream.range(0, pictures.length).parallel().forEach(p -> {
            if (context.isCancelled()) {
                return;
            }
            OptionalLong hash = DHash.of(projectFolder.resolve(facts.get(pictures[p]).path()).normalize());
            decoded[p] = hash.isPresent();
            hashes[p] = hash.orElse(0);
            long n = done.incrementAndGet();
            if (n % 500 == 0) {
                context.progress(n, pictures.length);
            }
        });
        context.checkCancelled();
        int[] hashed = IntStream.range(0, pictures.length).filter(p -> decoded[p]).toArray();
        long[] kept = new long[hashed.length];
        for (int h = 0; h < hashed.length; h++) {
            kept[h] = hashes[hashed[h]];
        }
        NearDuplicates.Found near = NearDuplicates.find(kept, nearBits, (x, y) -> {
            int a = pictures[hashed[x]];
            int b = pictures[hashed[y]];
            return !splitOf[a].equals(splitOf[b]) && !facts.get(a).sha256().equals(facts.get(b).sha256());
        }, NEAR_LISTED);
        List<Leakage.NearPair> nearExamples = new ArrayList<>();
        for (NearDuplicates.Pair pair : near.kept()) {
            int a = pictures[hashed[pair.first()]];
            int b = pictures[hashed[pair.second()]];
            nearExamples.add(new Leakage.NearPair(facts.get(a).key(), splitOf[a], facts.get(b).key(), splitOf[b],
                    pair.distance()));
        }
        return new Leakage(contentPairs, List.copyOf(contentExamples), groupsAcross, List.copyOf(groupExamples),
                nearBits, near.count(), List.copyOf(nearExamples), hashed.length, pictures.length - hashed.length);
    }
}
