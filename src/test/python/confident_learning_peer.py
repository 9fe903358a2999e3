#!/usr/bin/python3
"""Confident learning, as cleanlab's filter.find_label_issues computes it at its defaults
(filter_by="prune_by_noise_rate", frac_noise=1, min_examples_per_class=1), written again here in
numpy from cleanlab's code (count.get_confident_thresholds, count.compute_confident_joint,
count.calibrate_confident_joint, filter._keep_at_least_n_per_class, filter._prune_by_count,
count._reduce_issues), as the second implementation ConfidentLearningTest checks against.
cleanlab itself is not packaged in Debian; run it there too if you have it (see the end).

Run (Debian: apt-get install python3-numpy):  /usr/bin/python3 src/test/python/confident_learning_peer.py
The data is drawn with the 64-bit LCG of krippendorff_peer.py exactly as ConfidentLearningTest.noisyData.
"""
import numpy as np

MASK = (1 << 64) - 1


def lcg(x):
    return (x * 6364136223846793005 + 1442695040888963407) & MASK


def noisy_data(seed, n, k, flip_one_in):
    x = seed & MASK
    labels, truth, probs = [], [], []
    for i in range(n):
        x = lcg(x)
        true = (x >> 33) % k
        scores = []
        for c in range(k):
            x = lcg(x)
            u = ((x >> 11) & ((1 << 53) - 1)) / float(1 << 53)
            scores.append(u + (0.9 if c == true else 0.0))
        total = 0.0
        for s in scores:
            total += s
        probs.append([np.float32(s / total) for s in scores])
        x = lcg(x)
        given = true
        if (x >> 40) % flip_one_in == 0:
            given = (true + 1 + (x >> 20) % (k - 1)) % k
        labels.append(given)
        truth.append(true)
    return np.array(labels), np.array(truth), np.array(probs, dtype=np.float32).astype(np.float64)


def round_preserving_sum(floats):
    floats = np.asarray(floats, dtype=float)
    ints = floats.round()
    orig_sum = np.sum(floats).round()
    int_sum = np.sum(ints).round()
    while abs(int_sum - orig_sum) > 1e-6:
        diff = np.round(orig_sum - int_sum)
        increment = -1 if int(diff < 0.0) else 1
        changes = min(int(abs(diff)), len(floats))
        indices = np.argsort(floats - ints)[::-increment][:changes]
        for i in indices:
            ints[i] = ints[i] + increment
        int_sum = np.sum(ints).round()
    return ints.astype(int)


def find_label_issues(labels, pred_probs):
    k = pred_probs.shape[1]
    label_counts = np.bincount(labels, minlength=k)
    thresholds = np.array([pred_probs[labels == c, c].mean() if label_counts[c] else 2.0 for c in range(k)])
    thresholds = np.clip(thresholds, 2e-6, None)
    confident = pred_probs >= thresholds - 1e-6
    num_confident = confident.sum(axis=1)
    guess = np.where(num_confident > 1, pred_probs.argmax(axis=1), confident.argmax(axis=1))
    cj = np.zeros((k, k), dtype=int)
    for given, g in zip(labels[num_confident > 0], guess[num_confident > 0]):
        cj[given, g] += 1
    np.fill_diagonal(cj, cj.diagonal().clip(min=1))
    cal = (cj.T / np.clip(cj.sum(axis=1), 1e-100, None) * label_counts).T
    cal = cal / np.clip(np.sum(cal), 1e-100, None) * sum(label_counts)
    cj = np.apply_along_axis(round_preserving_sum, 1, cal).astype(int)
    # _keep_at_least_n_per_class on cj.T with n=1 and frac_noise=1
    pcm = cj.T.astype(float)
    diag = np.diagonal(pcm)
    new_diag = np.maximum(diag, 1)
    diff = new_diag - diag
    per_col = np.maximum(np.count_nonzero(pcm, axis=0) - 1.0, 1.0)
    new = pcm - diff / per_col
    new[new < 0] = 0
    np.fill_diagonal(new, new_diag)
    prune = new.astype(int)
    mask = np.zeros(len(labels), dtype=bool)
    for c in range(k):
        rows = np.flatnonzero(labels == c)
        if len(rows) <= 1:
            continue
        for j in range(k):
            count = prune[j, c]
            if j != c and count > 0:
                margin = pred_probs[rows, j] - pred_probs[rows, c]
                order = np.argsort(-margin, kind="stable")
                mask[rows[order[:count]]] = True
    adjusted = pred_probs.copy()
    adjusted[np.arange(len(labels)), labels] += 1e-6
    mask[adjusted.argmax(axis=1) == labels] = False
    return cj, mask


labels, truth, probs = noisy_data(seed=20261203, n=3000, k=4, flip_one_in=10)
cj, mask = find_label_issues(labels, probs)
flipped = labels != truth
found = np.flatnonzero(mask)
self_confidence = probs[found, labels[found]]
ranked = found[np.lexsort((found, self_confidence))]
print("flipped", int(flipped.sum()), "issues", len(found), "true positives", int((mask & flipped).sum()))
print("confident joint", cj.tolist())
print("first 10 ranked", ranked[:10].tolist())
print("sum of issue rows", int(found.sum()))
print("suggested = true class", int((probs[found].argmax(axis=1) == truth[found]).sum()))
try:
    import cleanlab.filter
    theirs = cleanlab.filter.find_label_issues(labels, probs)
    print("cleanlab agrees:", bool((theirs == mask).all()))
except ImportError:
    print("cleanlab not installed: only this reimplementation ran")
