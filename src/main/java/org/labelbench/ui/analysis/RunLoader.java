package org.labelbench.ui.analysis;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.labelbench.analysis.TruthSource;
import org.labelbench.project.PredictionRepository.PredictionRun;

/**
 * Reads a prediction run against a ground truth, with the tags, and keeps the newest such read
 * the reads thread knows. Taggings queue on that one thread, so each one sees what the one
 * before it wrote, whatever the FX thread has shown yet. Every method but {@link #latest} runs
 * on the reads thread.
 */
final class RunLoader {
    /** The project's runs, and the chosen one read against the truth (null when there are no runs). */
    record Loaded(List<String> runs, AnalysisCatalog.Evaluated read) {
        boolean noRuns() {
            return read == null;
        }
    }

    /** What says whether a shown run is still current: the runs there are, and the labels' stamp. */
    record Stamp(List<String> runs, long labels) {
    }

    private final AnalysisCatalog catalog;
    private final AtomicReference<AnalysisCatalog.Evaluated> latest = new AtomicReference<>();

    RunLoader(AnalysisCatalog catalog) {
        this.catalog = catalog;
    }

    /** Reads the runs, then {@code wantedRun} (the newest run when it is gone or null) against {@code truth}. */
    Loaded load(String wantedRun, TruthSource truth) {
        List<String> names = runNames();
        if (names.isEmpty()) {
            latest.set(null);
            return new Loaded(names, null);
        }
        String chosen = names.contains(wantedRun) ? wantedRun : names.get(names.size() - 1);
        AnalysisCatalog.Evaluated read = catalog.evaluate(chosen, truth);
        latest.set(read);
        return new Loaded(names, read);
    }

    Stamp stamp() {
        return new Stamp(runNames(), catalog.labelsStamp());
    }

    /** The tags read again over the newest run read, remembered for the next tagging; null before any run. */
    AnalysisCatalog.Evaluated retag() {
        AnalysisCatalog.Evaluated base = latest.get();
        if (base == null) {
            return null;
        }
        AnalysisCatalog.Evaluated read = catalog.retag(base);
        latest.compareAndSet(base, read);
        return read;
    }

    /** The newest run and tags read, from any thread; null before the first run was read. */
    AnalysisCatalog.Evaluated latest() {
        return latest.get();
    }

    private List<String> runNames() {
        return catalog.runs().stream().map(PredictionRun::name).toList();
    }
}
