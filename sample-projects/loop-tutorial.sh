#!/usr/bin/env bash
# The data-centric loop on the Fashion-MNIST sample, from the command line, as the README's
# tutorial walks it: train, read the tag table, take its top tag, collect more data of that kind
# through a labeling queue, retrain with the same recipe and seed, and read the tag's gap again.
#
# The collected batch is sample-projects/fashion-mnist/collected/ (made by make_collected.py:
# 1,200 more dark images, the kind the top tag ink=high names); its labels.csv stands in for two
# labelers working the queue. Everything else is the app's own commands.
#
# Usage: sample-projects/loop-tutorial.sh [WORK_DIR]   (after ./mvnw -DskipTests package)
# Prints each command and its output; about 12 minutes on 2 cores.
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

# 2. The top tag by potential gain: collect more items of its kind, and label them through a queue.
top="$(java -jar "$jar" analyze "$project" --run base-cv --json | /usr/bin/python3 -c '
import json, sys
rows = [r for r in json.load(sys.stdin)["rows"] if r["tag"] != "(all data)"]
print(rows[0]["tag"])')"
echo "top tag: $top" >&2
[ "$top" = "ink=high" ] || echo "note: the collected batch holds ink=high images; the top tag here is $top" >&2
ln -s "$here/fashion-mnist/collected" "$work/collected"
lb import "$project" --manifest "$work/collected/manifest.csv"
tail -n +2 "$work/collected/manifest.csv" | cut -d, -f1 >"$work/collected-keys.txt"
lb queue create "$project" --name "collect $top" --items-file "$work/collected-keys.txt" --strategy sequential --overlap 2
lb labels import "$project" --file "$work/collected/labels.csv"

# 3. Retrain with the same recipe and seed, and read the table again.
lb assist train "$project" --model collected --epochs "$epochs"
lb assist cross-validate "$project" --model collected --folds 5 --run collected-cv
lb analyze "$project" --run collected-cv | tee "$work/after.txt"
# The same items before and after (the new ones are not in base-cv): per-tag accuracy side by side.
lb compare "$project" --run base-cv --against collected-cv | tee "$work/compare.txt"
echo "top tag was: $top" >&2
echo "before: $(grep -F "$top " "$work/before.txt")" >&2
echo "after:  $(grep -F "$top " "$work/after.txt")" >&2
