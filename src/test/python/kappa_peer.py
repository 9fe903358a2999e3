#!/usr/bin/python3
"""Fleiss' kappa (statsmodels) and Cohen's kappa (scikit-learn) on the data KappaTest uses.

Run to check the numbers the test embeds (Debian: apt-get install python3-statsmodels
python3-sklearn):  /usr/bin/python3 src/test/python/kappa_peer.py
"""
from collections import Counter

import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa

MASK = (1 << 64) - 1
MISSING = -1

# Fleiss' worked example as in Wikipedia's "Fleiss' kappa": 10 subjects, 14 raters, 5 categories.
WIKIPEDIA = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
             [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
print(f"wikipedia fleiss={fleiss_kappa(np.array(WIKIPEDIA)):.12f}")


def ratings(seed, units, raters, categories, missing_one_in):
    """The LCG of krippendorff_peer.py, as a units x raters matrix with MISSING."""
    x = seed & MASK
    table = []
    for unit in range(units):
        row = []
        for rater in range(raters):
            x = (x * 6364136223846793005 + 1442695040888963407) & MASK
            code = MISSING
            if (x >> 40) % missing_one_in != 0:
                code = (x >> 33) % categories
                if (x >> 20) % 2 == 0:
                    code = unit % categories
            row.append(code)
        table.append(row)
    return table


for seed, units, raters, categories, missing in [(1, 200, 3, 4, 5), (7, 500, 5, 10, 3)]:
    table = ratings(seed, units, raters, categories, missing)
    sizes = Counter(sum(1 for c in row if c != MISSING) for row in table)
    modal = max((m for m in sizes if m >= 2), key=lambda m: (sizes[m], m))
    counts = [[sum(1 for c in row if c == k) for k in range(categories)]
              for row in table if sum(1 for c in row if c != MISSING) == modal]
    print(f"seed={seed} fleiss={fleiss_kappa(np.array(counts)):.12f} modal={modal} units={len(counts)}")
    for weights in (None, "linear", "quadratic"):
        a = [row[0] for row in table if row[0] != MISSING and row[1] != MISSING]
        b = [row[1] for row in table if row[0] != MISSING and row[1] != MISSING]
        kappa = cohen_kappa_score(a, b, labels=list(range(categories)), weights=weights)
        print(f"seed={seed} cohen(0,1) weights={weights} kappa={kappa:.12f}")
