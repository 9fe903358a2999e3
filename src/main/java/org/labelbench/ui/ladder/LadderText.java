package org.labelbench.ui.ladder;

import java.util.Locale;
import java.util.stream.Collectors;
import org.labelbench.agreement.Estimate;
import org.labelbench.analysis.AutomationLadder;
import org.labelbench.analysis.AutomationLadder.Ladder;
import org.labelbench.project.AssistanceRepository.Timing;

/** The figures line of each rung, as its card shows it under the name. */
final class LadderText {
    private LadderText() {
    }

    static String humanOnly(Ladder ladder) {
        AutomationLadder.HumanOnly human = ladder.humanOnly();
        return String.format(Locale.ROOT, "%,d labeled items · %d annotators · HLP %s", human.labeledItems(),
                human.annotators(), figure(human.hlp()));
    }

    static String shadow(Ladder ladder) {
        AutomationLadder.Shadow shadow = ladder.shadow();
        String overall = String.format(Locale.ROOT, "model %s · HLP %s · on %,d items", figure(shadow.model()),
                figure(shadow.hlp()), shadow.items());
        if (shadow.slices().isEmpty()) {
            return overall;
        }
        return overall + "\n" + shadow.slices().stream().filter(slice -> slice.items() > 0)
                .map(slice -> String.format(Locale.ROOT, "%s: model %s, HLP %s (%,d)", slice.slice(),
                        figure(slice.model()), figure(slice.hlp()), slice.items()))
                .collect(Collectors.joining(" · "));
    }

    static String assistance(Ladder ladder) {
        AutomationLadder.Assistance assistance = ladder.assistance();
        if (assistance.shown() == 0) {
            return "no suggestions shown yet";
        }
        return String.format(Locale.ROOT, "accepted %s (%,d of %,d) · median %s with, %s without",
                AutomationLadder.percent(assistance.acceptedShare().orElseThrow()), assistance.accepted(),
                assistance.shown(), seconds(assistance.withSuggestion()), seconds(assistance.withoutSuggestion()));
    }

    static String partial(Ladder ladder) {
        AutomationLadder.Partial partial = ladder.partial();
        if (partial.atThreshold() == null) {
            return String.format(Locale.ROOT, "no threshold · %,d unlabeled items", partial.openItems());
        }
        return String.format(Locale.ROOT, "threshold %s · coverage %s · accuracy %s · %,d auto labels, about %.1f"
                + " wrong", AutomationLadder.number(partial.threshold()),
                AutomationLadder.percent(partial.atThreshold().coverage()),
                AutomationLadder.percent(partial.atThreshold().accuracy()), partial.autoLabels(),
                partial.expectedWrong());
    }

    static String full(Ladder ladder) {
        AutomationLadder.Full full = ladder.full();
        return String.format(Locale.ROOT, "accuracy %s on %,d items · %s", figure(full.accuracy()), full.items(),
                ladder.target().describe());
    }

    private static String seconds(Timing timing) {
        return timing.medianMs().map(ms -> String.format(Locale.ROOT, "%.1f s", ms / 1000)).orElse("—");
    }

    private static String figure(Estimate estimate) {
        return estimate.isAvailable() ? AutomationLadder.percent(estimate.value()) : "—";
    }
}
