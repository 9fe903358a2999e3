#!/usr/bin/env bash
# The data-centric loop on the Fashion-MNIST sample, from the command line, as the README's
# tutorial walks it: train, read the tag table, take its top tag, have a lead settle that tag's
# contested labels through a queue, retrain, and read the tag's gap to HLP again.
#
# The lead's answers are the sample's truth.csv (the true class of every item), standing in for
# a careful lead with the clearer guideline; everything else is the app's own commands.
#
# Usage: sample-projects/loop-tutorial.sh [WORK_DIR]   (after ./mvnw -DskipTests package)
# Prints each command and its output; takes about 10 minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
work="${1:-${TMPDIR:-/tmp}/labelbench-loop}"
jar="${LABELBENCH_JAR:-$repo/target/labelbench.jar}"
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -DskipTests package first" >&2; exit 2; }
lb() { echo "\$ labelbench $*" >&2; java -jar "$jar" "$@"; }

rm -rf "$work"
mkdir -p "$work"
cp "$here/fashion-mnist/fashion-mnist.lbproj" "$work/"
ln -s "$here/fashion-mnist/images" "$work/images"
project="$work/fashion-mnist.lbproj"
epochs="${EPOCHS:-10}"

# 1. Train on the labels as they are; out-of-fold answers give every labeled item a prediction.
lb assist train "$project" --model base --epochs "$epochs"
lb assist cross-validate "$project" --model base --folds 5 --run base-cv
lb analyze "$project" --run base-cv | tee "$work/before.txt"

# 2. The top tag by potential gain, and its contested items: a review queue for the lead.
top="$(java -jar "$jar" analyze "$project" --run base-cv --json | /usr/bin/python3 -c '
import json, sys
rows = [r for r in json.load(sys.stdin)["rows"] if r["tag"] != "(all data)"]
print(rows[0]["tag"])')"
echo "top tag: $top" >&2
java -jar "$jar" disagreements "$project" --json >"$work/disagreements.json"
/usr/bin/python3 - "$work" "$top" "$here/fashion-mnist" <<'PY'
import csv, json, sys
work, top, sample = sys.argv[1], sys.argv[2], sys.argv[3]
name, value = top.split("=", 1)
in_tag = {r["key"] for r in csv.DictReader(open(f"{sample}/manifest.csv")) if r.get(name) == value}
contested = [d["item"] for d in json.load(open(f"{work}/disagreements.json")) if d["item"] in in_tag]
truth = {r["item"]: r["label"] for r in csv.DictReader(open(f"{sample}/truth.csv"))}
open(f"{work}/review.txt", "w").write("".join(k + "\n" for k in contested))
with open(f"{work}/lead.csv", "w", newline="") as out:
    w = csv.writer(out)
    w.writerow(["item", "annotator", "label", "origin"])
    for key in contested:
        w.writerow([key, "lead", truth[key], "adjudicated"])
print(f"{len(contested)} contested items carry {top}", file=sys.stderr)
PY
lb queue create "$project" --name "review $top" --items-file "$work/review.txt" --strategy disagreements
lb labels import "$project" --file "$work/lead.csv"

# 3. Retrain with the same recipe and seed on the settled labels, and read the table again.
lb assist train "$project" --model settled --epochs "$epochs"
lb assist cross-validate "$project" --model settled --folds 5 --run settled-cv
lb analyze "$project" --run settled-cv | tee "$work/after.txt"
echo "top tag was: $top; before: $(grep -F "$top " "$work/before.txt")" >&2
echo "                 after:  $(grep -F "$top " "$work/after.txt")" >&2
