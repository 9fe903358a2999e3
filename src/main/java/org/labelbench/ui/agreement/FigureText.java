package org.labelbench.ui.agreement;

/**
 * One headline figure as it reads on its card: the value ("0.822", or "n/a"), its interval line
 * (empty for figures without one), and a detail line (what it counts, or why it is n/a).
 */
public record FigureText(String value, String interval, String detail, boolean available) {
    static final FigureText NONE = new FigureText("", "", "", true);
}
