#!/usr/bin/env python3
"""Builds the sample projects' data from Debian packages only (stdlib Python, fixed seeds).

fashion-mnist: 3,000 images from dataset-fashion-mnist written as PNG, a manifest with
attributes, the true classes, and labels from three simulated annotators.
spoken-commands: command words spoken by espeak-ng, mixed with noise by sox, with a manifest,
the true words, and labels from three simulated annotators.
"""
import csv
import gzip
import os
import random
import struct
import subprocess
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
FASHION_SRC = "/usr/share/datasets/fashion-mnist"
FASHION_CLASSES = ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag",
                   "ankle-boot"]
GROUP = {"t-shirt": "tops", "shirt": "tops", "pullover": "tops", "trouser": "bottoms", "dress": "dresses",
         "coat": "outerwear", "sandal": "footwear", "sneaker": "footwear", "ankle-boot": "footwear", "bag": "bags"}
# Who gets confused with whom, as in Fashion-MNIST's published confusion matrices.
FASHION_CONFUSIONS = {"t-shirt": ["shirt", "pullover", "dress"], "shirt": ["t-shirt", "pullover", "coat"],
                      "pullover": ["coat", "shirt"], "coat": ["pullover", "shirt", "dress"],
                      "dress": ["coat", "t-shirt"], "sandal": ["sneaker", "ankle-boot"],
                      "sneaker": ["sandal", "ankle-boot"], "ankle-boot": ["sneaker", "sandal"],
                      "trouser": ["dress"], "bag": ["pullover", "t-shirt"]}
WORDS = ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"]
WORD_CONFUSIONS = {"on": ["off"], "off": ["on", "up"], "no": ["go"], "go": ["no"], "up": ["stop", "off"],
                   "stop": ["up"], "yes": ["left"], "left": ["yes", "right"], "right": ["left"], "down": ["go"]}


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 2049:
        return list(data[8:8 + count])
    rows, cols = struct.unpack(">II", data[8:16])
    size = rows * cols
    return [data[16 + i * size:16 + (i + 1) * size] for i in range(count)]


def png_grey(width, height, pixels):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)
    raw = b"".join(b"\x00" + pixels[y * width:(y + 1) * width] for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def simulate(rng, truth, annotators, hard, coverage, confusions, bias=None):
    """Labels by several annotators: each labels a share of items, errs at their own rate, more on hard items."""
    rows = []
    names = list(annotators)
    for key, label, difficulty in truth:
        if rng.random() < coverage["none"]:
            continue
        count = 3 if rng.random() < coverage["three"] else 2
        for name in rng.sample(names, count):
            rate = annotators[name] * (hard if difficulty else 1.0)
            given = label
            if bias and name in bias and label == bias[name][0] and rng.random() < bias[name][2]:
                given = bias[name][1]
            elif rng.random() < rate:
                given = rng.choice(confusions[label])
            rows.append((key, name, given))
    return rows


def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def fashion():
    out = os.path.join(HERE, "fashion-mnist")
    images_dir = os.path.join(out, "images")
    os.makedirs(images_dir, exist_ok=True)
    rng = random.Random(20261123)
    picked = []
    for split, count in (("train", 2000), ("t10k", 1000)):
        images = read_idx(os.path.join(FASHION_SRC, split + "-images-idx3-ubyte.gz"))
        labels = read_idx(os.path.join(FASHION_SRC, split + "-labels-idx1-ubyte.gz"))
        by_class = {c: [i for i, l in enumerate(labels) if l == c] for c in range(10)}
        for c in range(10):
            for index in sorted(rng.sample(by_class[c], count // 10)):
                picked.append(("train" if split == "train" else "test", images[index], FASHION_CLASSES[c]))
    rng.shuffle(picked)
    inks = sorted(sum(p[1]) / 784 for p in picked)
    low, high = inks[len(inks) // 3], inks[2 * len(inks) // 3]
    manifest, truth, difficulty = [], [], []
    for number, (source, pixels, label) in enumerate(picked, start=1):
        key = "%05d.png" % number
        with open(os.path.join(images_dir, key), "wb") as f:
            f.write(png_grey(28, 28, pixels))
        ink_value = sum(pixels) / 784
        ink = "low" if ink_value < low else "high" if ink_value >= high else "medium"
        manifest.append((key, "images/" + key, source, ink, GROUP[label]))
        truth.append((key, label))
        difficulty.append((key, label, ink == "low" or label in ("shirt", "t-shirt", "pullover", "coat")))
    write_csv(os.path.join(out, "manifest.csv"), ["key", "path", "source", "ink", "group"], manifest)
    write_csv(os.path.join(out, "truth.csv"), ["item", "label"], truth)
    rows = simulate(rng, difficulty, {"ana": 0.03, "ben": 0.06, "chloe": 0.045}, 1.6,
                    {"none": 0.10, "three": 0.18}, FASHION_CONFUSIONS, bias={"ben": ("shirt", "t-shirt", 0.35)})
    write_csv(os.path.join(out, "labels.csv"), ["item", "annotator", "label"], rows)
    return truth, rows


def spoken():
    out = os.path.join(HERE, "spoken-commands")
    audio_dir = os.path.join(out, "audio")
    os.makedirs(audio_dir, exist_ok=True)
    scratch = os.path.join(HERE, "build")
    os.makedirs(scratch, exist_ok=True)
    rng = random.Random(7)
    voices = ["en-us", "en-gb", "en-us+f3", "en-gb-scotland+m3"]
    noises = ["none", "white", "brown", "pink"]
    manifest, truth, difficulty = [], [], []
    number = 0
    for word in WORDS:
        for voice in voices:
            for speed in (140, 180):
                for noise in rng.sample(noises, 3):
                    number += 1
                    key = "%05d.wav" % number
                    clean = os.path.join(scratch, "clean.wav")
                    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(rng.randint(35, 65)),
                                    "-w", clean, word], check=True)
                    target = os.path.join(audio_dir, key)
                    shaped = os.path.join(scratch, "shaped.wav")
                    # 16 kHz mono, the word placed at a random offset in exactly one second.
                    subprocess.run(["sox", "-V1", clean, "-r", "16000", "-c", "1", "-b", "16", shaped, "silence", "1",
                                    "0.02", "1%", "pad", "%.2f" % rng.uniform(0.05, 0.25), "0", "trim", "0", "1",
                                    "pad", "0", "1", "trim", "0", "1"], check=True)
                    if noise == "none":
                        os.replace(shaped, target)
                    else:
                        noisy = os.path.join(scratch, "noise.wav")
                        subprocess.run(["sox", "-V1", "-n", "-r", "16000", "-c", "1", "-b", "16", noisy, "synth", "1",
                                        noise + "noise", "vol", "%.2f" % rng.uniform(0.05, 0.15)], check=True)
                        subprocess.run(["sox", "-V1", "-m", shaped, noisy, "-b", "16", target], check=True)
                    manifest.append((key, "audio/" + key, voice, str(speed), noise))
                    truth.append((key, word))
                    difficulty.append((key, word, noise in ("brown", "pink") or speed == 180))
    write_csv(os.path.join(out, "manifest.csv"), ["key", "path", "voice", "speed", "noise"], manifest)
    write_csv(os.path.join(out, "truth.csv"), ["item", "label"], truth)
    rows = simulate(rng, difficulty, {"dev": 0.035, "eli": 0.06, "fay": 0.05}, 1.7,
                    {"none": 0.08, "three": 0.30}, WORD_CONFUSIONS)
    write_csv(os.path.join(out, "labels.csv"), ["item", "annotator", "label"], rows)
    return truth, rows


def summary(name, truth, rows):
    gold = dict(truth)
    by_annotator = {}
    for key, annotator, label in rows:
        by_annotator.setdefault(annotator, []).append(label == gold[key])
    print(name + ":", len(truth), "items,", len(rows), "labels")
    for annotator, hits in sorted(by_annotator.items()):
        print("  %-6s accuracy %.3f on %d labels" % (annotator, sum(hits) / len(hits), len(hits)))
    per_item = {}
    for key, annotator, label in rows:
        per_item.setdefault(key, {})[annotator] = label
    names = sorted(by_annotator)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            both = [v for v in per_item.values() if a in v and b in v]
            agree = sum(v[a] == v[b] for v in both)
            print("  %s-%s agreement %.3f on %d items" % (a, b, agree / len(both), len(both)))


if __name__ == "__main__":
    which = sys.argv[1:] or ["fashion-mnist", "spoken-commands"]
    if "fashion-mnist" in which:
        summary("fashion-mnist", *fashion())
    if "spoken-commands" in which:
        summary("spoken-commands", *spoken())
