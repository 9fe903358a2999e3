#!/usr/bin/python3
"""Krippendorff's alpha from NLTK on the seeded random data KrippendorffAlphaTest builds.

The test embeds the numbers this prints; run it (Debian: apt-get install python3-nltk) to check
them again:  /usr/bin/python3 src/test/python/krippendorff_peer.py
The generator is the same 64-bit LCG as RandomRatings in the test.
"""
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance, interval_distance

MASK = (1 << 64) - 1


def ratings(seed, units, raters, categories, missing_one_in):
    x = seed & MASK
    data = []
    for unit in range(units):
        for rater in range(raters):
            x = (x * 6364136223846793005 + 1442695040888963407) & MASK
            if (x >> 40) % missing_one_in == 0:
                continue
            code = (x >> 33) % categories
            # Raters agree more often than chance: half of the time they give the unit's own value.
            if (x >> 20) % 2 == 0:
                code = unit % categories
            data.append((str(rater), str(unit), code))
    return data


for seed, units, raters, categories, missing in [(1, 200, 3, 4, 5), (7, 500, 5, 10, 3), (42, 50, 2, 3, 4)]:
    data = ratings(seed, units, raters, categories, missing)
    nominal = AnnotationTask(data, distance=binary_distance).alpha()
    interval = AnnotationTask(data, distance=interval_distance).alpha()
    print(f"seed={seed} units={units} raters={raters} categories={categories} missing=1/{missing}:"
          f" nominal={nominal:.12f} interval={interval:.12f}")
