package org.labelbench.assist;

import org.labelbench.jobs.JobContext;

/** One step's progress as its share of a job of several steps (a fold of a cross-validation, a fraction of a curve). */
final class ScaledProgress implements JobContext {
    private final JobContext whole;
    private final int step;
    private final int steps;
    private final String prefix;

    ScaledProgress(JobContext whole, int step, int steps, String prefix) {
        this.whole = whole;
        this.step = step;
        this.steps = steps;
        this.prefix = prefix;
    }

    @Override
    public void progress(long done, long total) {
        long scale = 1000;
        long within = total <= 0 ? 0 : Math.min(scale, done * scale / total);
        whole.progress(step * scale + within, steps * scale);
    }

    @Override
    public void message(String text) {
        whole.message(prefix + text);
    }

    @Override
    public boolean isCancelled() {
        return whole.isCancelled();
    }
}
