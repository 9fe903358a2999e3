#!/usr/bin/python3
"""Builds the sample projects' data from Debian packages only (standard-library Python, fixed seeds).

fashion-mnist: 3,000 images from dataset-fashion-mnist written as PNG, a manifest with attributes,
the true classes, and labels from three simulated annotators.
spoken-commands: 240 command words spoken by espeak-ng, mixed with noise by sox, with a manifest,
the true words, and labels from three simulated annotators.

Everything is written to sample-projects/build/NAME/ first and moved into sample-projects/NAME/
only when a project's data is complete, so a failed run leaves the previous data in place.
Project files (*.lbproj) are not touched here: build-samples.sh re-creates them.

    make_data.py [fashion-mnist] [spoken-commands]    (both when none is named)
"""
import array
import csv
import gzip
import hashlib
import os
import random
import shutil
import struct
import subprocess
import sys
import wave
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(HERE, "build")
FASHION_SRC = "/usr/share/datasets/fashion-mnist"

# ---------------------------------------------------------------------------------------------
# Fashion-MNIST
# ---------------------------------------------------------------------------------------------
FASHION_CLASSES = ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag",
                   "ankle-boot"]
GROUP = {"t-shirt": "tops", "shirt": "tops", "pullover": "tops", "trouser": "bottoms", "dress": "dresses",
         "coat": "outerwear", "sandal": "footwear", "sneaker": "footwear", "ankle-boot": "footwear", "bag": "bags"}
# Where a wrong label goes, weighted as in Fashion-MNIST's published confusion matrices
# (shirt / t-shirt / pullover / coat are the hard block, then the three kinds of shoe, then dress / coat).
FASHION_CONFUSIONS = {
    "t-shirt": {"shirt": 6, "pullover": 1, "dress": 2, "bag": 1},
    "trouser": {"dress": 4, "t-shirt": 1},
    "pullover": {"coat": 5, "shirt": 4, "t-shirt": 1},
    "dress": {"coat": 4, "t-shirt": 3, "shirt": 2, "trouser": 1},
    "coat": {"pullover": 5, "shirt": 3, "dress": 2},
    "sandal": {"sneaker": 6, "ankle-boot": 4},
    "shirt": {"t-shirt": 5, "pullover": 3, "coat": 3, "dress": 1},
    "sneaker": {"sandal": 5, "ankle-boot": 5},
    "bag": {"shirt": 2, "t-shirt": 1, "pullover": 1, "sandal": 1},
    "ankle-boot": {"sneaker": 6, "sandal": 4},
}
# How hard each class is relative to the others (shirt is by far the hardest, trousers and bags the easiest).
FASHION_CLASS_DIFFICULTY = {"shirt": 2.6, "t-shirt": 1.3, "pullover": 1.5, "coat": 1.5, "dress": 1.0,
                            "sandal": 0.8, "sneaker": 0.8, "ankle-boot": 0.7, "trouser": 0.3, "bag": 0.4}
# Faint (low-ink) images are harder to read.
FASHION_INK_DIFFICULTY = {"low": 2.5, "medium": 1.0, "high": 0.5}
# Mean error rate of each annotator (before ben's guideline ambiguity below).
FASHION_ANNOTATORS = {"ana": 0.06, "ben": 0.085, "chloe": 0.09}
# ben reads the guideline's "tops with short sleeves" as t-shirt: he calls many shirts t-shirts.
FASHION_BIAS = {"ben": ("shirt", "t-shirt", 0.40)}

# ---------------------------------------------------------------------------------------------
# Spoken commands
# ---------------------------------------------------------------------------------------------
WORDS = ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"]
VOICES = ["en-us", "en-gb", "en-us+f3", "en-gb-scotland+m3"]
SPEEDS = [140, 180]
NOISES = ["none", "white", "brown", "pink"]
SNR_DB = (6.0, 15.0)  # signal-to-noise ratio of the noisy clips, drawn uniformly
WORD_CONFUSIONS = {
    "on": {"off": 8, "no": 1, "up": 1}, "off": {"on": 7, "up": 3}, "no": {"go": 8, "down": 1, "yes": 1},
    "go": {"no": 8, "down": 2}, "up": {"stop": 6, "off": 4}, "stop": {"up": 8, "off": 2},
    "yes": {"left": 5, "no": 3, "off": 2}, "left": {"right": 5, "yes": 5}, "right": {"left": 6, "up": 2, "down": 2},
    "down": {"no": 5, "go": 3, "on": 2},
}
SPOKEN_NOISE_DIFFICULTY = {"none": 0.3, "white": 1.0, "brown": 2.0, "pink": 2.2}
# Mean error rate of each annotator.
SPOKEN_ANNOTATORS = {"dev": 0.05, "eli": 0.08, "fay": 0.09}
# fay is careless on fast speech: three times as many errors at 180 words per minute as at 140.
SPOKEN_FAST = {"dev": 1.2, "eli": 1.2, "fay": 3.0}


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------
def read_idx(path):
    """Reads an IDX file (gzip): a list of labels (idx1) or a list of 784-byte images (idx3)."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 2049:
        return list(data[8:8 + count])
    if magic != 2051:
        raise ValueError("%s: not an IDX file (magic %d)" % (path, magic))
    rows, cols = struct.unpack(">II", data[8:16])
    size = rows * cols
    return [data[16 + i * size:16 + (i + 1) * size] for i in range(count)]


def png_grey(width, height, pixels):
    """A minimal 8-bit greyscale PNG: signature, IHDR, one IDAT (filter 0 on every row), IEND."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)
    raw = b"".join(b"\x00" + pixels[y * width:(y + 1) * width] for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def weighted_choice(rng, weights):
    names = sorted(weights)
    return rng.choices(names, weights=[weights[n] for n in names])[0]


def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def simulate(rng, items, annotators, unlabeled, three, confusions, bias=None):
    """Labels by simulated annotators.

    items: (key, true label, {annotator: difficulty multiplier}); a multiplier of 1 is an average item.
    Exactly `unlabeled` items get no label, exactly `three` get a label from every annotator, the rest
    from two annotators drawn at random. An annotator errs with (own rate x multiplier), choosing the
    wrong label by the confusion weights; `bias` maps an annotator to (true, given, share): a systematic
    reading of the guideline that turns that share of `true` into `given`.
    """
    order = list(range(len(items)))
    rng.shuffle(order)
    skip = set(order[:unlabeled])
    triple = set(order[unlabeled:unlabeled + three])
    names = sorted(annotators)
    # Who labels what is drawn first, so changing an error rate does not change the coverage.
    who = [[] if i in skip else names if i in triple else sorted(rng.sample(names, 2)) for i in range(len(items))]
    rows = []
    for index, (key, label, multiplier) in enumerate(items):
        for name in who[index]:
            given = label
            if bias and name in bias and label == bias[name][0] and rng.random() < bias[name][2]:
                given = bias[name][1]
            elif rng.random() < min(0.9, annotators[name] * multiplier[name]):
                given = weighted_choice(rng, confusions[label])
            rows.append((key, name, given))
    return rows


def install(name, media):
    """Moves build/NAME/{media, *.csv} into sample-projects/NAME/, replacing what was there."""
    source, target = os.path.join(BUILD, name), os.path.join(HERE, name)
    os.makedirs(target, exist_ok=True)
    if os.path.isdir(os.path.join(target, media)):
        shutil.rmtree(os.path.join(target, media))
    os.replace(os.path.join(source, media), os.path.join(target, media))
    for csv_name in ("manifest.csv", "truth.csv", "labels.csv"):
        os.replace(os.path.join(source, csv_name), os.path.join(target, csv_name))
    shutil.rmtree(source)


def check_unique(folder):
    """The importer skips files whose content is already in the project: make sure there are none."""
    seen = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        if digest in seen:
            raise SystemExit("%s and %s have the same content" % (seen[digest], name))
        seen[digest] = name


# ---------------------------------------------------------------------------------------------
# The two projects
# ---------------------------------------------------------------------------------------------
def fashion():
    out = os.path.join(BUILD, "fashion-mnist")
    shutil.rmtree(out, ignore_errors=True)
    images_dir = os.path.join(out, "images")
    os.makedirs(images_dir)
    rng = random.Random(20261123)
    picked = []
    # 2,000 from the training set and 1,000 from the test set, the same number of each class.
    for split, source, count in (("train", "train", 2000), ("t10k", "test", 1000)):
        images = read_idx(os.path.join(FASHION_SRC, split + "-images-idx3-ubyte.gz"))
        labels = read_idx(os.path.join(FASHION_SRC, split + "-labels-idx1-ubyte.gz"))
        by_class = {c: [i for i, l in enumerate(labels) if l == c] for c in range(10)}
        for c in range(10):
            for index in sorted(rng.sample(by_class[c], count // 10)):
                picked.append((source, images[index], FASHION_CLASSES[c]))
    rng.shuffle(picked)  # keys in random order: neither the folder nor the numbering reveals the class
    inks = sorted(sum(p[1]) / 784 for p in picked)
    low, high = inks[len(inks) // 3], inks[2 * len(inks) // 3]
    manifest, truth, items = [], [], []
    for number, (source, pixels, label) in enumerate(picked, start=1):
        key = "%05d.png" % number
        with open(os.path.join(images_dir, key), "wb") as f:
            f.write(png_grey(28, 28, pixels))
        ink_value = sum(pixels) / 784
        ink = "low" if ink_value < low else "high" if ink_value >= high else "medium"
        manifest.append((key, "images/" + key, source, ink, GROUP[label]))
        truth.append((key, label))
        items.append([key, label, FASHION_CLASS_DIFFICULTY[label] * FASHION_INK_DIFFICULTY[ink]])
    # Scale the difficulties to a mean of 1, so an annotator's rate is their mean error rate.
    mean = sum(i[2] for i in items) / len(items)
    items = [(key, label, {a: d / mean for a in FASHION_ANNOTATORS}) for key, label, d in items]
    check_unique(images_dir)
    write_csv(os.path.join(out, "manifest.csv"), ["key", "path", "source", "ink", "group"], manifest)
    write_csv(os.path.join(out, "truth.csv"), ["item", "label"], truth)
    rows = simulate(rng, items, FASHION_ANNOTATORS, unlabeled=300, three=500, confusions=FASHION_CONFUSIONS,
                    bias=FASHION_BIAS)
    write_csv(os.path.join(out, "labels.csv"), ["item", "annotator", "label"], rows)
    install("fashion-mnist", "images")
    return truth, rows


def run(*command):
    # -R: sox seeds its random generators (noise, dither) with a fixed number, so output is repeatable.
    subprocess.run(list(command), check=True, stdin=subprocess.DEVNULL)


def read_wav(path):
    with wave.open(path, "rb") as w:
        if w.getsampwidth() != 2 or w.getnchannels() != 1:
            raise SystemExit("%s: expected 16-bit mono" % path)
        samples = array.array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples, w.getframerate()


def rms(samples):
    return (sum(s * s for s in samples) / max(1, len(samples))) ** 0.5


def spoken():
    out = os.path.join(BUILD, "spoken-commands")
    shutil.rmtree(out, ignore_errors=True)
    audio_dir = os.path.join(out, "audio")
    os.makedirs(audio_dir)
    scratch = os.path.join(out, "scratch")
    os.makedirs(scratch)
    rng = random.Random(7)
    # One 30 s bed of each noise; each clip takes a 1 s slice at its own random offset.
    beds = {}
    for noise in NOISES[1:]:
        beds[noise] = os.path.join(scratch, "bed-%s.wav" % noise)
        run("sox", "-R", "-V1", "-n", "-r", "16000", "-c", "1", "-b", "16", beds[noise], "synth", "30",
            noise + "noise", "vol", "0.5")
    # Every word in every voice at both speeds, with three of the four noise conditions each: 240 clips.
    plan = []
    for word in WORDS:
        for voice in VOICES:
            for speed in SPEEDS:
                for noise in sorted(rng.sample(NOISES, 3), key=NOISES.index):
                    plan.append((word, voice, speed, noise))
    rng.shuffle(plan)  # keys in random order: the numbering does not reveal the word
    manifest, truth, items = [], [], []
    clean, word_wav, shaped, noise_wav = (os.path.join(scratch, n + ".wav") for n in ("clean", "word", "shaped",
                                                                                       "noise"))
    for number, (word, voice, speed, noise) in enumerate(plan, start=1):
        key = "%05d.wav" % number
        target = os.path.join(audio_dir, key)
        run("espeak-ng", "-v", voice, "-s", str(speed), "-p", str(rng.randint(35, 65)), "-w", clean, word)
        # 16 kHz mono 16-bit, leading and trailing silence cut, peak at -4 dBFS.
        run("sox", "-R", "-V1", clean, "-r", "16000", "-c", "1", "-b", "16", word_wav,
            "silence", "1", "0.01", "0.5%", "reverse", "silence", "1", "0.01", "0.5%", "reverse", "gain", "-n", "-4")
        speech, rate = read_wav(word_wav)
        length = len(speech) / rate
        if length > 0.95:
            raise SystemExit("%s: '%s' (%s, %d wpm) lasts %.2f s, too long for a 1 s clip" % (key, word, voice,
                                                                                            speed, length))
        # The word at a random offset in exactly one second.
        offset = round(rng.uniform(0.05, min(0.30, 0.97 - length)), 3)
        run("sox", "-R", "-V1", word_wav, shaped, "pad", "%.3f" % offset, "1", "trim", "0", "16000s")
        if noise == "none":
            os.replace(shaped, target)
        else:
            start = rng.randrange(0, 29 * 16000)
            run("sox", "-R", "-V1", beds[noise], noise_wav, "trim", "%ds" % start, "16000s")
            snr = rng.uniform(*SNR_DB)
            noise_level = rms(read_wav(noise_wav)[0])
            gain = rms(speech) / (noise_level * 10 ** (snr / 20))
            run("sox", "-R", "-V1", "-m", "-v", "1", shaped, "-v", "%.5f" % gain, noise_wav, "-b", "16", target)
        manifest.append((key, "audio/" + key, voice, str(speed), noise))
        truth.append((key, word))
        items.append((key, word, {a: SPOKEN_NOISE_DIFFICULTY[noise] * (SPOKEN_FAST[a] if speed == 180 else 1.0)
                                  for a in SPOKEN_ANNOTATORS}))
    shutil.rmtree(scratch)
    # Scale each annotator's difficulties to a mean of 1, so their rate is their mean error rate.
    means = {a: sum(i[2][a] for i in items) / len(items) for a in SPOKEN_ANNOTATORS}
    items = [(key, word, {a: m / means[a] for a, m in multiplier.items()}) for key, word, multiplier in items]
    check_unique(audio_dir)
    write_csv(os.path.join(out, "manifest.csv"), ["key", "path", "voice", "speed", "noise"], manifest)
    write_csv(os.path.join(out, "truth.csv"), ["item", "label"], truth)
    rows = simulate(rng, items, SPOKEN_ANNOTATORS, unlabeled=20, three=70, confusions=WORD_CONFUSIONS)
    write_csv(os.path.join(out, "labels.csv"), ["item", "annotator", "label"], rows)
    install("spoken-commands", "audio")
    return truth, rows


def summary(name, truth, rows):
    """Prints counts, each annotator's accuracy against the truth and each pair's raw agreement."""
    gold = dict(truth)
    per_item = {}
    for key, annotator, label in rows:
        per_item.setdefault(key, {})[annotator] = label
    counts = {}
    for labels in per_item.values():
        counts[len(labels)] = counts.get(len(labels), 0) + 1
    print("%s: %d items, %d labels; unlabeled %d, two labels %d, three labels %d" % (
        name, len(truth), len(rows), len(truth) - len(per_item), counts.get(2, 0), counts.get(3, 0)))
    names = sorted({r[1] for r in rows})
    for annotator in names:
        hits = [labels[annotator] == gold[key] for key, labels in per_item.items() if annotator in labels]
        print("  %-6s accuracy %.3f on %d labels" % (annotator, sum(hits) / len(hits), len(hits)))
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            both = [v for v in per_item.values() if a in v and b in v]
            agree = sum(v[a] == v[b] for v in both)
            print("  %s-%s agreement %.3f on %d items" % (a, b, agree / len(both), len(both)))


if __name__ == "__main__":
    which = sys.argv[1:] or ["fashion-mnist", "spoken-commands"]
    unknown = [w for w in which if w not in ("fashion-mnist", "spoken-commands")]
    if unknown:
        raise SystemExit("unknown sample: %s (fashion-mnist, spoken-commands)" % ", ".join(unknown))
    if "fashion-mnist" in which:
        summary("fashion-mnist", *fashion())
    if "spoken-commands" in which:
        summary("spoken-commands", *spoken())
