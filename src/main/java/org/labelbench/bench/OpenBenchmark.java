package org.labelbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labelbench.project.ItemCounts;
import org.labelbench.project.ItemQuery;
import org.labelbench.project.ItemsPage;
import org.labelbench.project.ProjectOverview;
import org.labelbench.project.ProjectStore;

/**
 * {@code bench open}: a synthetic project of N items (two attributes each, labels by two
 * annotators on half of them) is opened cold in this process, and the first page of the Items
 * table is read the way the workbench reads it, then a jump to the middle row (what "go to row"
 * reads). Reports the times, the heap in use and where the project is.
 */
public final class OpenBenchmark {
    public static final int PAGE = 100;

    public Map<String, Object> run(int items, Path workDir) throws IOException {
        Path project = workDir.resolve("bench-open-" + items + ProjectStore.EXTENSION);
        long buildStart = System.nanoTime();
        if (!Files.exists(project)) {
            SyntheticProject.build(project, items);
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        System.gc();
        long heapBefore = usedHeap();

        long openStart = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        try (ProjectStore store = ProjectStore.open(project)) {
            ProjectOverview overview = ProjectOverview.of(store);
            double openMillis = (System.nanoTime() - openStart) / 1e6;
            long pageStart = System.nanoTime();
            ItemsPage page = ItemsPage.load(store, ItemQuery.all(), 0, PAGE);
            long count = page.total();
            double firstPageMillis = (System.nanoTime() - pageStart) / 1e6;
            long sortedStart = System.nanoTime();
            ItemsPage sorted = ItemsPage.load(store, ItemQuery.all().sortedBy(ItemQuery.SortColumn.BYTES, null, false),
                    0, PAGE);
            double sortedMillis = (System.nanoTime() - sortedStart) / 1e6;
            long deepStart = System.nanoTime();
            ItemsPage.load(store, ItemQuery.all(), Math.max(0, count - PAGE), PAGE);
            double lastPageMillis = (System.nanoTime() - deepStart) / 1e6;
            // As the Items view reads pages: the count is kept while nothing is committed.
            ItemCounts counts = new ItemCounts();
            ItemsPage.load(store, ItemQuery.all(), 0, PAGE, counts);
            long keptStart = System.nanoTime();
            ItemsPage.load(store, ItemQuery.all(), Math.max(0, count - PAGE), PAGE, counts);
            double lastPageKeptCountMillis = (System.nanoTime() - keptStart) / 1e6;
            // "Go to row" 500,001: the page there, count kept, in key order and in size order.
            long middle = count / 2;
            long jumpStart = System.nanoTime();
            ItemsPage jumped = ItemsPage.load(store, ItemQuery.all(), middle, PAGE, counts);
            double jumpMillis = (System.nanoTime() - jumpStart) / 1e6;
            ItemQuery bySize = ItemQuery.all().sortedBy(ItemQuery.SortColumn.BYTES, null, false);
            ItemCounts sizeCounts = new ItemCounts();
            ItemsPage.load(store, bySize, 0, PAGE, sizeCounts);
            long sizeJumpStart = System.nanoTime();
            ItemsPage.load(store, bySize, middle, PAGE, sizeCounts);
            double sizeJumpMillis = (System.nanoTime() - sizeJumpStart) / 1e6;
            System.gc();
            long heapOpen = usedHeap();
            result.put("suite", "open");
            result.put("project", project.toAbsolutePath().toString());
            result.put("items", overview.items());
            result.put("build_seconds", ImportBenchmark.round(buildSeconds));
            result.put("open_and_overview_ms", ImportBenchmark.round(openMillis));
            result.put("first_page_ms", ImportBenchmark.round(firstPageMillis));
            result.put("open_to_first_page_ms", ImportBenchmark.round(openMillis + firstPageMillis));
            result.put("first_page_sorted_by_size_desc_ms", ImportBenchmark.round(sortedMillis));
            result.put("last_page_ms", ImportBenchmark.round(lastPageMillis));
            result.put("last_page_count_kept_ms", ImportBenchmark.round(lastPageKeptCountMillis));
            result.put("jump_to_middle_row", middle + 1);
            result.put("jump_to_middle_ms", ImportBenchmark.round(jumpMillis));
            result.put("jump_to_middle_sorted_by_size_desc_ms", ImportBenchmark.round(sizeJumpMillis));
            result.put("jump_rows", jumped.rows().size());
            result.put("page_rows", page.rows().size());
            result.put("sorted_page_rows", sorted.rows().size());
            result.put("heap_used_mb_before_open", heapBefore >> 20);
            result.put("heap_used_mb_open", heapOpen >> 20);
        }
        return result;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
