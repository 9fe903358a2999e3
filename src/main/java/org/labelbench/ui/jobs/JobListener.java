package org.labelbench.ui.jobs;

/** What the UI hears of a running job; called on the FX thread by {@link FxJobRunner}. */
public interface JobListener<T> {
    /** A fraction from 0 to 1, or a negative number while the total is unknown. */
    void progress(double fraction);

    void message(String text);

    void succeeded(T result);

    /** The job stopped at the user's request; it changed nothing. */
    void cancelled();

    void failed(Throwable error);
}
