#!/usr/bin/python3
"""What happens in the sample projects after the first labeling pass (standard-library Python, fixed seeds).

Reads each project's truth.csv, labels.csv and manifest.csv (written by make_data.py) and writes:
- fashion-mnist/labels-v2.csv: the items nobody had labeled, labeled by two of the three annotators
  under guideline v2, which settled "shirt or t-shirt": ben no longer calls shirts t-shirts and the
  shirt block is half as hard, so agreement and HLP rise from v1 to v2 (the Agreement view's line);
- NAME/predictions-*.csv: simulated model runs (item,label,confidence,p_<class>...) that make the
  mistakes models make: fashion-mnist's "cnn-small" confuses shirts with t-shirts and pullovers,
  "cnn-wide" less so; spoken-commands' "kws-1" is worse on noisy audio.

    make_followups.py
"""
import csv
import os
import random

import make_data as data

HERE = os.path.dirname(os.path.abspath(__file__))


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def write(path, header, rows):
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


def relabel_under_v2(rng, name):
    truth = read(os.path.join(HERE, name, "truth.csv"))
    labeled = {row["item"] for row in read(os.path.join(HERE, name, "labels.csv"))}
    annotators = sorted(data.FASHION_ANNOTATORS)
    rows = []
    for row in truth:
        if row["item"] in labeled:
            continue
        for who in sorted(rng.sample(annotators, 2)):
            hard = data.FASHION_CLASS_DIFFICULTY.get(row["label"], 1.0)
            hard = 1 + (hard - 1) * 0.5 if row["label"] in ("shirt", "t-shirt") else hard
            given = row["label"]
            if rng.random() < min(0.9, data.FASHION_ANNOTATORS[who] * hard):
                given = data.weighted_choice(rng, data.FASHION_CONFUSIONS[row["label"]])
            rows.append((row["item"], who, given, 2))
    write(os.path.join(HERE, name, "labels-v2.csv"), ["item", "annotator", "label", "guideline_version"], rows)
    return len(rows)


def predictions(rng, name, run, classes, confusions, error_of):
    """A run: each item's error rate from error_of(row); a wrong answer drawn from the confusions."""
    truth = read(os.path.join(HERE, name, "truth.csv"))
    manifest = {row["key"]: row for row in read(os.path.join(HERE, name, "manifest.csv"))}
    rows = []
    for row in truth:
        label = row["label"]
        wrong = rng.random() < error_of(label, manifest[row["item"]])
        predicted = data.weighted_choice(rng, confusions[label]) if wrong else label
        confidence = rng.uniform(0.35, 0.75) if wrong else rng.betavariate(8, 1.5)
        rest = 1 - confidence
        probabilities = {c: 0.0 for c in classes}
        probabilities[predicted] = confidence
        # The rest of the mass goes mostly to the true class when wrong, else to its usual confusions.
        runner_up = label if wrong else data.weighted_choice(rng, confusions[label])
        probabilities[runner_up] += rest * 0.7
        for c in classes:
            probabilities[c] += rest * 0.3 / len(classes)
        rows.append([row["item"], predicted, f"{confidence:.4f}"] + [f"{probabilities[c]:.4f}" for c in classes])
    write(os.path.join(HERE, name, f"predictions-{run}.csv"),
          ["item", "label", "confidence"] + [f"p_{c}" for c in classes], rows)
    return len(rows)


def main():
    rng = random.Random(2026)
    print("fashion-mnist v2 labels:", relabel_under_v2(rng, "fashion-mnist"))
    # Below human level on the hard classes and on low-ink images, where the gain is.
    shirts = {"shirt": 0.50, "t-shirt": 0.24, "pullover": 0.22, "coat": 0.20}
    print("cnn-small:", predictions(rng, "fashion-mnist", "cnn-small", data.FASHION_CLASSES, data.FASHION_CONFUSIONS,
                                     lambda label, item: shirts.get(label, 0.12) * (1.5 if item["ink"] == "low" else 1)))
    print("cnn-wide:", predictions(rng, "fashion-mnist", "cnn-wide", data.FASHION_CLASSES, data.FASHION_CONFUSIONS,
                                    lambda label, item: shirts.get(label, 0.10) * (1.3 if item["ink"] == "low" else 0.8)))
    words = sorted(data.WORD_CONFUSIONS)
    noise = {"none": 0.04, "white": 0.12, "pink": 0.1, "brown": 0.08}
    print("kws-1:", predictions(rng, "spoken-commands", "kws-1", words, data.WORD_CONFUSIONS,
                                lambda label, item: noise.get(item["noise"], 0.2)))


if __name__ == "__main__":
    main()
