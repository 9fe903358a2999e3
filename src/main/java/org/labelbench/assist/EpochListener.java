package org.labelbench.assist;

/** Hears of each finished epoch while a training runs (the Model page's live chart). */
@FunctionalInterface
public interface EpochListener {
    EpochListener NONE = result -> { };

    void epochDone(EpochResult result);
}
