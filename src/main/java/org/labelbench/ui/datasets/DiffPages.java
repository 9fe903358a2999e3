package org.labelbench.ui.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labelbench.dataset.VersionDiff;
import org.labelbench.ui.paging.Page;
import org.labelbench.ui.paging.PageSource;

/**
 * The rows of a diff, one kind after another (relabeled, moved, added, removed, or one of them),
 * read by position for the paged diff table from the store's keyset pages ({@code key > last key
 * LIMIT n}). It remembers the last key before every position it has read up to, so the next page
 * down starts on the key index where the last one ended; a jump (the scroll bar dragged to the end)
 * walks the keys from the nearest remembered position in long steps, once. Called off the FX thread.
 */
final class DiffPages implements PageSource<DiffRow> {
    /** Reads one keyset page of one kind; called off the FX thread. */
    @FunctionalInterface
    interface Reader {
        List<VersionDiff.Row> read(VersionDiff.Kind kind, String afterKey, int rows);
    }

    /** Rows read per step when walking towards a position no page has reached yet. */
    static final int STEP = 5_000;

    private final Reader reader;
    private final List<VersionDiff.Kind> kinds;
    private final long[] counts;
    private final int total;
    /** Per kind: position within the kind → the key of the row just before it (null before the first). */
    private final List<TreeMap<Integer, String>> before = new ArrayList<>();

    DiffPages(Reader reader, VersionDiff diff, List<VersionDiff.Kind> kinds) {
        this.reader = reader;
        this.kinds = List.copyOf(kinds);
        this.counts = new long[kinds.size()];
        long sum = 0;
        for (int k = 0; k < kinds.size(); k++) {
            counts[k] = diff.of(kinds.get(k)).count();
            sum += counts[k];
            TreeMap<Integer, String> start = new TreeMap<>();
            start.put(0, null);
            before.add(start);
        }
        this.total = (int) Math.min(Integer.MAX_VALUE, sum);
    }

    int size() {
        return total;
    }

    @Override
    public synchronized Page<DiffRow> read(int offset, int limit) {
        List<DiffRow> rows = new ArrayList<>();
        int position = offset;
        long kindStart = 0;
        for (int k = 0; k < kinds.size() && rows.size() < limit; k++) {
            long kindEnd = kindStart + counts[k];
            if (position < kindEnd) {
                int within = (int) (position - kindStart);
                int wanted = (int) Math.min(limit - rows.size(), kindEnd - position);
                for (VersionDiff.Row row : readKind(k, within, wanted)) {
                    rows.add(row(kinds.get(k), row));
                }
                position = (int) kindEnd;
            }
            kindStart = kindEnd;
        }
        return new Page<>(rows, total);
    }

    /** {@code wanted} rows of kind {@code k} from position {@code within}, by keyset pages. */
    private List<VersionDiff.Row> readKind(int k, int within, int wanted) {
        TreeMap<Integer, String> keys = before.get(k);
        Map.Entry<Integer, String> known = keys.floorEntry(within);
        int at = known.getKey();
        String afterKey = known.getValue();
        while (at < within) {
            List<VersionDiff.Row> skipped = reader.read(kinds.get(k), afterKey, Math.min(STEP, within - at));
            if (skipped.isEmpty()) {
                return List.of(); // the versions hold fewer rows than counted: nothing to show there
            }
            at += skipped.size();
            afterKey = skipped.get(skipped.size() - 1).key();
            keys.put(at, afterKey);
        }
        List<VersionDiff.Row> rows = reader.read(kinds.get(k), afterKey, wanted);
        if (!rows.isEmpty()) {
            keys.put(within + rows.size(), rows.get(rows.size() - 1).key());
        }
        return rows;
    }

    /** A relabeled or moved row shows old → new; an added or removed one its label · split on its version's side. */
    static DiffRow row(VersionDiff.Kind kind, VersionDiff.Row row) {
        return switch (kind) {
            case RELABELED, MOVED -> new DiffRow(kind.id(), row.key(), dash(row.before()), dash(row.after()));
            case ADDED -> new DiffRow(kind.id(), row.key(), "–", held(row));
            case REMOVED -> new DiffRow(kind.id(), row.key(), held(row), "–");
        };
    }

    private static String held(VersionDiff.Row row) {
        return dash(row.before()) + " · " + dash(row.after());
    }

    private static String dash(String value) {
        return value == null ? "–" : value;
    }
}
