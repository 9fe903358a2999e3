package org.labelbench.ui.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.labelbench.agreement.AgreementReport;
import org.labelbench.agreement.AnnotatorAgreement;
import org.labelbench.agreement.CoincidenceMatrix;
import org.labelbench.agreement.HumanLevelPerformance;

/**
 * Everything the Agreement view shows, computed from one {@link AgreementSnapshot}. {@code units}:
 * items with labels from two or more annotators (for a multi-label project, the most any class
 * has). Figures that only mean something when each item has one label are in {@code single}.
 */
record AgreementResults(long units, List<String> annotators, List<ClassRow> classes, Optional<SingleLabel> single) {

    /**
     * The single-label parts: the headline report and HLP (intervals per {@code headlineIntervals}),
     * each annotator against the others, the coincidences of classes, and the guideline versions.
     */
    record SingleLabel(AgreementReport report, HumanLevelPerformance hlp, IntervalStatus headlineIntervals,
            List<AnnotatorAgreement> annotatorRows, List<String> classNames, CoincidenceMatrix coincidences,
            List<VersionRow> versions) {
    }

    AgreementResults withHeadline(AgreementReport report, HumanLevelPerformance hlp, IntervalStatus status) {
        return withSingle(s -> new SingleLabel(report, hlp, status, s.annotatorRows(), s.classNames(),
                s.coincidences(), s.versions()));
    }

    AgreementResults withClass(int index, ClassRow row) {
        List<ClassRow> rows = new ArrayList<>(classes);
        rows.set(index, row);
        return new AgreementResults(units, annotators, List.copyOf(rows), single);
    }

    AgreementResults withVersion(int index, VersionRow row) {
        return withSingle(s -> {
            List<VersionRow> rows = new ArrayList<>(s.versions());
            rows.set(index, row);
            return new SingleLabel(s.report(), s.hlp(), s.headlineIntervals(), s.annotatorRows(), s.classNames(),
                    s.coincidences(), List.copyOf(rows));
        });
    }

    /** Every interval still being computed marked {@code status} (the computation stopped). */
    AgreementResults stopped(IntervalStatus status) {
        List<ClassRow> rows = classes.stream()
                .map(row -> row.intervals() == IntervalStatus.COMPUTING ? row.withStatus(status) : row).toList();
        Optional<SingleLabel> stoppedSingle = single.map(s -> new SingleLabel(s.report(), s.hlp(),
                s.headlineIntervals() == IntervalStatus.COMPUTING ? status : s.headlineIntervals(), s.annotatorRows(),
                s.classNames(), s.coincidences(), s.versions().stream()
                        .map(v -> v.intervals() == IntervalStatus.COMPUTING ? v.withStatus(status) : v).toList()));
        return new AgreementResults(units, annotators, rows, stoppedSingle);
    }

    private AgreementResults withSingle(UnaryOperator<SingleLabel> change) {
        return new AgreementResults(units, annotators, classes, single.map(change));
    }
}
