#!/usr/bin/env bash
# Checks a built app image the way a labeler's machine runs it: no JDK and no Maven on PATH, an
# empty home folder, a copy of the fashion-mnist sample. It runs `labelbench info --json` (must be
# JSON naming the sample), `assist train --epochs 1` and `assist predict` with the in-process
# model, then fails if anything was unpacked into the home folder or the Java temp folder
# (~/.djl.ai, ~/.openjfx, a sqlite or JNI library): the image must carry its natives extracted.
#
#   installer/check.sh APP_IMAGE_DIR        e.g. installer/check.sh target/installer/labelbench
set -euo pipefail

image=${1:?usage: installer/check.sh APP_IMAGE_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
launcher="$(cd "$image" && pwd)/bin/labelbench"
[ -x "$launcher" ] || { echo "check.sh: $image/bin/labelbench is missing or not executable" >&2; exit 2; }
sample="$root/sample-projects/fashion-mnist"
[ -f "$sample/fashion-mnist.lbproj" ] || { echo "check.sh: $sample/fashion-mnist.lbproj is missing" >&2; exit 2; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/tmp" "$scratch/empty-path"
cp -a "$sample" "$scratch/"
project="$scratch/fashion-mnist/fashion-mnist.lbproj"

fail() { echo "check.sh: FAIL: $*" >&2; exit 1; }
# The app alone: PATH an empty folder (so no java, no mvn, nothing else can be found), a fresh HOME,
# the JVM's temp folder where we can see it.
run() {
  env -i PATH="$scratch/empty-path" HOME="$scratch/home" LANG=C.UTF-8 \
    JDK_JAVA_OPTIONS="-Djava.io.tmpdir=$scratch/tmp" "$launcher" "$@" 2> >(grep -v '^NOTE: Picked up JDK_JAVA_OPTIONS' >&2)
}

started=$(date +%s%N)
info=$(run info --json "$project") || fail "labelbench info --json exited $?"
info_ms=$(( ($(date +%s%N) - started) / 1000000 ))
case "$info" in "{"*"}") ;; *) fail "info --json did not print a JSON object: $info" ;; esac
echo "$info" | grep -q '"name" : "Fashion-MNIST sample"' || fail "info --json does not name the sample: $info"
echo "$info" | grep -q '"items" : 3000' || fail "info --json does not count the sample's 3000 items: $info"
if command -v python3 >/dev/null; then
  echo "$info" | python3 -m json.tool >/dev/null || fail "info --json is not valid JSON"
fi
echo "check.sh: info --json ok (${info_ms} ms)"

train=$(run assist train --epochs 1 --model check --json "$project") || fail "assist train exited $?"
echo "$train" | grep -q '"epochs_run" : 1' || fail "assist train did not run one epoch: $train"
echo "check.sh: assist train --epochs 1 ok"

predict=$(run assist predict --model check --run check-run --json "$project") || fail "assist predict exited $?"
echo "$predict" | grep -q '"items" : 3000' || fail "assist predict did not answer for the 3000 items: $predict"
echo "check.sh: assist predict ok"

unpacked=$(cd "$scratch" && find home tmp -mindepth 1 | head -20)
[ -z "$unpacked" ] || fail "the app wrote into the home or temp folder (natives must ship extracted): $unpacked"
echo "check.sh: nothing unpacked into HOME or java.io.tmpdir"
echo "check.sh: ok"
