#!/usr/bin/python3
"""Classification metrics from scikit-learn on the skewed seeded data ClassificationMetricsTest and
PrecisionRecallCurveTest build.

The tests embed the numbers this prints; run it (Debian: apt-get install python3-sklearn) to check
them again:  /usr/bin/python3 src/test/python/classification_peer.py
The generator is the 64-bit LCG of krippendorff_peer.py, drawn the same way as skewedData in
ClassificationMetricsTest: 5 classes, class 0 about 80 % of the ground truth, class 3 present but
never predicted, class 4 predicted but never present, some items without ground truth or prediction,
and a score for class 1 in steps of 1/50 (so many ties) that is NaN for some items.
"""
import math

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, average_precision_score, confusion_matrix, f1_score,
                             precision_recall_curve, precision_recall_fscore_support, precision_score,
                             recall_score)

MASK = (1 << 64) - 1
MISSING = -1
CLASSES = 5
POSITIVE = 1
THRESHOLD = 0.5


def skewed_data(seed, items):
    x = seed & MASK
    truth, predicted, score = [], [], []

    def step():
        nonlocal x
        x = (x * 6364136223846793005 + 1442695040888963407) & MASK
        return x

    for _ in range(items):
        r = step()
        t = 0 if (r >> 33) % 100 < 80 else 1 + (r >> 40) % 3
        if (r >> 50) % 25 == 0:
            t = MISSING
        r = step()
        if (r >> 33) % 100 < 70 and t != MISSING:
            p = 0 if t == 3 else t  # class 3 is never predicted
        else:
            p = [0, 1, 2, 4][(r >> 40) % 4]  # class 4 is predicted but never true
        if (r >> 50) % 30 == 0:
            p = MISSING
        r = step()
        s = (20 + (r >> 33) % 31 if t == POSITIVE else (r >> 33) % 36) / 50
        if (r >> 45) % 40 == 0:
            s = math.nan
        truth.append(t)
        predicted.append(p)
        score.append(s)
    return np.array(truth), np.array(predicted), np.array(score)


def java(values):
    return ", ".join(repr(float(v)) for v in values)


print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}")
for seed, items in [(11, 3000)]:
    truth, predicted, score = skewed_data(seed, items)
    both = (truth != MISSING) & (predicted != MISSING)
    y, p = truth[both], predicted[both]
    labels = list(range(CLASSES))
    print(f"seed={seed} items={items}: evaluated={both.sum()} excluded={(~both).sum()}")
    print(f"accuracy={accuracy_score(y, p)!r}")
    prec, rec, f1, support = precision_recall_fscore_support(y, p, labels=labels, zero_division=0)
    print(f"precision={{{java(prec)}}}")
    print(f"recall={{{java(rec)}}}")
    print(f"f1={{{java(f1)}}}")
    print(f"support={list(support)} predicted={[int((p == c).sum()) for c in labels]}")
    for average in ["macro", "weighted"]:
        figures = precision_recall_fscore_support(y, p, labels=labels, zero_division=0, average=average)[:3]
        print(f"{average}={{{java(figures)}}}")
    print(f"confusion={confusion_matrix(y, p, labels=labels).tolist()}")
    print(f"normalized row 2={{{java(confusion_matrix(y, p, labels=labels, normalize='true')[2])}}}")

    scored = (truth != MISSING) & ~np.isnan(score)
    y_pos, s = truth[scored] == POSITIVE, score[scored]
    print(f"curve for class {POSITIVE}: scored={scored.sum()} excluded={(~scored).sum()} positives={y_pos.sum()}")
    precision, recall, thresholds = precision_recall_curve(y_pos, s)
    print(f"thresholds={{{java(thresholds)}}}")
    print(f"curve precision={{{java(precision)}}}")
    print(f"curve recall={{{java(recall)}}}")
    print(f"average precision={average_precision_score(y_pos, s)!r}")
    above = s >= THRESHOLD
    print(f"at {THRESHOLD}: tp={(above & y_pos).sum()} fp={(above & ~y_pos).sum()} fn={(~above & y_pos).sum()}"
          f" tn={(~above & ~y_pos).sum()} precision={precision_score(y_pos, above)!r}"
          f" recall={recall_score(y_pos, above)!r} f1={f1_score(y_pos, above)!r}")

# scikit-learn's docstring example for precision_recall_curve and average_precision_score.
precision, recall, thresholds = precision_recall_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
print(f"docstring: thresholds={{{java(thresholds)}}} precision={{{java(precision)}}} recall={{{java(recall)}}}"
      f" average precision={average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])!r}")

# No positive item: scikit-learn warns, sets every recall to 1 and returns an average precision of 0.
precision, recall, thresholds = precision_recall_curve([0, 0, 0], [0.2, 0.7, 0.2])
print(f"no positive: thresholds={{{java(thresholds)}}} precision={{{java(precision)}}} recall={{{java(recall)}}}"
      f" average precision={average_precision_score([0, 0, 0], [0.2, 0.7, 0.2])!r}")

# One class used out of two: the unused one is 0 everywhere and halves the macro average.
print("one class used of two: macro="
      f"{precision_recall_fscore_support([0, 0], [0, 0], labels=[0, 1], zero_division=0, average='macro')[:3]}")
