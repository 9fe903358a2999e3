#!/usr/bin/env bash
# Builds the two sample projects from Debian packages only; nothing is downloaded.
#
#   sample-projects/build-samples.sh              stage A (data) then stage B (project files)
#   sample-projects/build-samples.sh --data-only  stage A only: media, manifests and label CSVs
#   sample-projects/build-samples.sh --projects-only  stage B only: the project files from the data
#
# Stage A (make_data.py, standard-library Python, fixed seeds: a rebuild gives the same bytes)
# writes into sample-projects/build/ and moves each finished sample into its folder.
# Stage B re-creates fashion-mnist/fashion-mnist.lbproj and spoken-commands/spoken-commands.lbproj
# with the Labelbench command line (building target/labelbench.jar first if it is missing).
set -euo pipefail

usage() { sed -n '2,10s/^# \{0,1\}//p' "$0"; }
data_only=false
projects_only=false
for arg in "$@"; do
  case "$arg" in
    --data-only) data_only=true ;;
    --projects-only) projects_only=true ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build-samples.sh: unknown option '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

# --- what stage A needs: Debian packages ------------------------------------------------------
missing=()
for f in t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz; do
  if [ ! -f "/usr/share/datasets/fashion-mnist/$f" ]; then missing+=(dataset-fashion-mnist); break; fi
done
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
command -v sox >/dev/null 2>&1 || missing+=(sox)
[ -x /usr/bin/python3 ] || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-samples.sh: missing Debian package(s): ${missing[*]}" >&2
  extra=""; [[ " ${missing[*]} " == *" python3 "* ]] && extra=" python3"
  echo "  install them with: apt-get install -y dataset-fashion-mnist espeak-ng sox$extra   (as root)" >&2
  exit 2
fi
for voice in en-us en-gb en-us+f3 en-gb-scotland+m3; do
  if ! espeak-ng -v "$voice" -q "test" >/dev/null 2>&1; then
    echo "build-samples.sh: espeak-ng has no voice '$voice' (reinstall espeak-ng-data)" >&2
    exit 2
  fi
done

# --- stage A: data ----------------------------------------------------------------------------
if ! $projects_only; then
  echo "== stage A: sample data (sample-projects/build -> sample-projects/*/)"
  mkdir -p "$here/build"
  /usr/bin/python3 "$here/make_data.py"
  rm -rf "$here/build"
  /usr/bin/python3 "$here/make_followups.py"
  /usr/bin/python3 "$here/make_collected.py"
fi

if $data_only; then
  echo "== data only: project files (*.lbproj) left as they were"
  exit 0
fi

# --- stage B: project files -------------------------------------------------------------------
echo "== stage B: project files"
if [ ! -f target/labelbench.jar ]; then
  echo "target/labelbench.jar is missing: building it (./mvnw -q -B -DskipTests package)"
  ./mvnw -q -B -DskipTests package
fi
LB=(java -Dai.djl.offline=true -jar target/labelbench.jar)

build_project() { # folder name, display name, classes
  local name="$1" title="$2" classes="$3"
  local project="sample-projects/$name/$name.lbproj"
  rm -f "$project" "$project-wal" "$project-shm" "$project-journal" "$project.lock"
  echo "-- $project"
  "${LB[@]}" init "$project" --name "$title" --classes "$classes"
  "${LB[@]}" import "$project" --manifest "sample-projects/$name/manifest.csv" --strict
  local guidelines="sample-projects/$name/guidelines"
  if [ -f "$guidelines/v1.md" ]; then
    # The simulated labels were made under v1: say so in the file the project imports.
    local examples=()
    [ -f "$guidelines/v1-examples.csv" ] && examples=(--examples "$guidelines/v1-examples.csv")
    "${LB[@]}" guideline add "$project" --file "$guidelines/v1.md" --author lena --change "first version" \
      "${examples[@]}"
    awk 'NR == 1 { print $0 ",guideline_version"; next } { print $0 ",1" }' "sample-projects/$name/labels.csv" \
      > "sample-projects/$name/labels-v1.csv.tmp"
    "${LB[@]}" labels import "$project" --file "sample-projects/$name/labels-v1.csv.tmp"
    rm -f "sample-projects/$name/labels-v1.csv.tmp"
  else
    "${LB[@]}" labels import "$project" --file "sample-projects/$name/labels.csv"
  fi
  if [ -f "$guidelines/v2.md" ]; then
    local examples2=()
    [ -f "$guidelines/v2-examples.csv" ] && examples2=(--examples "$guidelines/v2-examples.csv")
    "${LB[@]}" guideline add "$project" --file "$guidelines/v2.md" --author lena \
      --change "shirt vs t-shirt/top made explicit" "${examples2[@]}"
  fi
  # Labels made after v2 was published (the items nobody had labeled yet), marked as v2's.
  if [ -f "sample-projects/$name/labels-v2.csv" ]; then
    "${LB[@]}" labels import "$project" --file "sample-projects/$name/labels-v2.csv"
  fi
  # Model runs to analyse: predictions-RUN.csv becomes run RUN.
  for predictions in "sample-projects/$name"/predictions-*.csv; do
    [ -f "$predictions" ] || continue
    local run; run="$(basename "$predictions" .csv)"; run="${run#predictions-}"
    "${LB[@]}" predictions import "$project" --run "$run" --file "$predictions" --notes "simulated model (make_followups.py)"
  done
  # Slices as tags: one tag per value of each attribute named in tags-from.txt.
  if [ -f "sample-projects/$name/tags-from.txt" ]; then
    while read -r attribute; do
      [ -n "$attribute" ] && "${LB[@]}" tag "$project" --from-attr "$attribute"
    done < "sample-projects/$name/tags-from.txt"
  fi
  # Queues a new user can open at once: one for fresh labels, one to review disagreements.
  "${LB[@]}" queue create "$project" --name "first pass" --strategy needs-labels --overlap 3 --created-by lena
  "${LB[@]}" queue create "$project" --name "review disagreements" --strategy disagreements --created-by lena
  local keys="sample-projects/$name/random-100.txt.tmp"
  awk -F, 'NR > 1 && NR <= 101 { print $1 }' "sample-projects/$name/manifest.csv" > "$keys"
  "${LB[@]}" queue create "$project" --name "random 100" --strategy random --seed 7 --items-file "$keys" \
    --created-by lena
  rm -f "$keys"
  "${LB[@]}" info "$project" --json
  echo
  rm -f "$project.lock"
  # Every connection is closed: an empty write-ahead log and its index can go, so the .lbproj
  # alone is the whole project. A non-empty log means a command did not close cleanly.
  if [ -s "$project-wal" ]; then
    echo "build-samples.sh: $project-wal is not empty after the last command" >&2
    exit 1
  fi
  rm -f "$project-wal" "$project-shm"
}

build_project fashion-mnist "Fashion-MNIST sample" \
  t-shirt,trouser,pullover,dress,coat,sandal,shirt,sneaker,bag,ankle-boot
build_project spoken-commands "Spoken commands sample" \
  yes,no,up,down,left,right,on,off,stop,go
# Speech: labelers may also type what they heard.
"${LB[@]}" schema options sample-projects/spoken-commands/spoken-commands.lbproj --transcript on
rm -f sample-projects/spoken-commands/spoken-commands.lbproj.lock
echo "== done"
