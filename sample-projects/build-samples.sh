#!/usr/bin/env bash
# Builds the sample projects from Debian packages only; nothing is downloaded.
#   sample-projects/build-samples.sh              data and projects
#   sample-projects/build-samples.sh --data-only  images, audio, manifests and label CSVs only
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
missing=()
[ -d /usr/share/datasets/fashion-mnist ] || missing+=(dataset-fashion-mnist)
command -v espeak-ng >/dev/null || missing+=(espeak-ng)
command -v sox >/dev/null || missing+=(sox)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing packages: ${missing[*]} (apt-get install -y ${missing[*]})" >&2
  exit 2
fi
rm -rf "$here/fashion-mnist" "$here/spoken-commands" "$here/build"
python3 "$here/make_data.py"
rm -rf "$here/build"
[ "${1:-}" = "--data-only" ] && exit 0

[ -f target/labelbench.jar ] || ./mvnw -q -B -DskipTests package
LB=(java -Dai.djl.offline=true -jar target/labelbench.jar)
build() { # name, display name, classes
  local dir="$here/$1" project="$here/$1/$1.lbproj"
  rm -f "$project" "$project-wal" "$project-shm" "$project.lock"
  "${LB[@]}" init "$project" --name "$2" --classes "$3"
  "${LB[@]}" import "$project" --manifest "$dir/manifest.csv" --strict
  "${LB[@]}" labels import "$project" --file "$dir/labels.csv"
  rm -f "$project.lock"
  "${LB[@]}" info "$project" --json
}
build fashion-mnist "Fashion-MNIST sample" t-shirt,trouser,pullover,dress,coat,sandal,shirt,sneaker,bag,ankle-boot
build spoken-commands "Spoken commands sample" yes,no,up,down,left,right,on,off,stop,go
rm -f "$here"/*/*.lock
