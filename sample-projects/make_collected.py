#!/usr/bin/python3
"""A second batch of Fashion-MNIST images "collected" for the sample's weakest slice (standard-library
Python, fixed seed): what a team gathers after the tag table says where the model falls short.

The README's loop tutorial (sample-projects/loop-tutorial.sh) finds ink=high, the darkest third of the
images, at the top of the tag table. This writes fashion-mnist/collected/:
- images/c00001.png ...: 1,200 images from Debian's dataset-fashion-mnist training set that the sample
  does not hold, each at least as dark as the sample's ink=high threshold, in random order;
- manifest.csv: key,path,source,ink,group, as the sample's (ink is "high" for every one);
- labels.csv: item,annotator,label,guideline_version: two of the three simulated annotators per image,
  under guideline v2 (the error model of make_followups.py's v2 labels);
- truth.csv: item,label, the true class (not imported; for checking).

    make_collected.py   (needs dataset-fashion-mnist; run after make_data.py)
"""
import csv
import hashlib
import os
import random
import zlib

import make_data as data

HERE = os.path.dirname(os.path.abspath(__file__))
COUNT = 1200


def pixels_of(path):
    """The 784 grey bytes of a sample PNG written by make_data.png_grey (one IDAT, filter 0 rows)."""
    with open(path, "rb") as f:
        png = f.read()
    at, idat = 8, b""
    while at < len(png):
        length = int.from_bytes(png[at:at + 4], "big")
        kind = png[at + 4:at + 8]
        if kind == b"IDAT":
            idat += png[at + 8:at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(idat)
    return b"".join(raw[row * 29 + 1:(row + 1) * 29] for row in range(28))


def main():
    sample = os.path.join(HERE, "fashion-mnist")
    with open(os.path.join(sample, "manifest.csv"), newline="") as f:
        manifest = list(csv.DictReader(f))
    held = [pixels_of(os.path.join(sample, row["path"])) for row in manifest]
    inks = sorted(sum(p) / 784 for p in held)
    high = inks[2 * len(inks) // 3]  # the sample's own threshold for ink=high
    seen = {hashlib.sha256(p).digest() for p in held}

    images = data.read_idx(os.path.join(data.FASHION_SRC, "train-images-idx3-ubyte.gz"))
    labels = data.read_idx(os.path.join(data.FASHION_SRC, "train-labels-idx1-ubyte.gz"))
    rng = random.Random(20261203)
    dark = [i for i, p in enumerate(images) if sum(p) / 784 >= high and hashlib.sha256(p).digest() not in seen]
    picked = rng.sample(dark, COUNT)

    out = os.path.join(sample, "collected")
    folder = os.path.join(out, "images")
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    rows, truth, label_rows = [], [], []
    annotators = sorted(data.FASHION_ANNOTATORS)
    for number, index in enumerate(picked, start=1):
        key = "c%05d.png" % number
        label = data.FASHION_CLASSES[labels[index]]
        with open(os.path.join(folder, key), "wb") as f:
            f.write(data.png_grey(28, 28, images[index]))
        rows.append((key, "images/" + key, "train", "high", data.GROUP[label]))
        truth.append((key, label))
        for who in sorted(rng.sample(annotators, 2)):
            hard = data.FASHION_CLASS_DIFFICULTY.get(label, 1.0)
            hard = 1 + (hard - 1) * 0.5 if label in ("shirt", "t-shirt") else hard
            hard *= data.FASHION_INK_DIFFICULTY["high"]
            given = label
            if rng.random() < min(0.9, data.FASHION_ANNOTATORS[who] * hard):
                given = data.weighted_choice(rng, data.FASHION_CONFUSIONS[label])
            label_rows.append((key, who, given, 2))
    data.check_unique(folder)
    data.write_csv(os.path.join(out, "manifest.csv"), ["key", "path", "source", "ink", "group"], rows)
    data.write_csv(os.path.join(out, "truth.csv"), ["item", "label"], truth)
    data.write_csv(os.path.join(out, "labels.csv"), ["item", "annotator", "label", "guideline_version"], label_rows)
    wrong = sum(1 for key, who, given, _ in label_rows if given != dict(truth)[key])
    print("collected: %d images at ink >= %.1f, %d labels (%.1f %% wrong)" % (COUNT, high, len(label_rows),
                                                                             100.0 * wrong / len(label_rows)))


if __name__ == "__main__":
    main()
