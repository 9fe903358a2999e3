#!/usr/bin/env bash
# Builds Labelbench as a native Linux application from a fresh clone: the jar and its libraries
# (./mvnw package), a jlink runtime with exactly the modules the app needs, then with jpackage
# an app image (a folder with bin/labelbench and its own Java) and/or a .deb.
#
# Every native library is extracted here, at build time, into the image: PyTorch and DJL's JNI
# bridge, JavaFX's glass/prism libraries and sqlite-jdbc's library. The installed app therefore
# writes nothing to ~/.djl.ai, ~/.openjfx or /tmp when it starts (docs/installer.md says why).
#
#   installer/build.sh [--type app-image|deb|all] [--out DIR]
#
# Environment: LABELBENCH_BUILD_DIR (Maven's build folder, default target), MVN_FLAGS (extra
# flags for ./mvnw, e.g. -o), SKIP_MAVEN=1 (reuse the jar already in the build folder).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
type=app-image
out="$root/target/installer"
while [ $# -gt 0 ]; do
  case "$1" in
    --type) type=${2:?--type needs a value}; shift 2 ;;
    --out) out=${2:?--out needs a folder}; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

case "$type" in
  app-image|deb|all) ;;
  msi|exe)
    cat >&2 <<'MSG'
build.sh: --type msi|exe is built on Windows, not here. It needs: a Windows x64 machine with
JDK 17+ (jpackage), WiX Toolset 3.x (candle.exe, light.exe on PATH; jpackage of JDK 17 does not
use WiX 4+), the Windows classifier jars (javafx *-win, pytorch-native-cpu win-x86_64, whose
JNI bridge djl_torch.dll is in pytorch-jni), the same native extraction into the image, and a
code-signing certificate (signtool) so SmartScreen does not block the installer. See docs/installer.md.
MSG
    exit 2 ;;
  dmg|pkg)
    cat >&2 <<'MSG'
build.sh: --type dmg|pkg is built on macOS, not here. It needs: a Mac with JDK 17+ (jpackage)
and Xcode command line tools, the macOS classifier jars (javafx *-mac-aarch64, pytorch-native-cpu
osx-aarch64), a Developer ID Application certificate to codesign every native library (those
inside jars too; notarization rejects unsigned natives in jars), the hardened runtime with the
natives pre-extracted into the bundle (libraries unpacked to a cache at run time are refused),
and notarytool + stapler to notarize. See docs/installer.md.
MSG
    exit 2 ;;
  *) echo "build.sh: unknown --type '$type' (app-image, deb, all; msi, exe, dmg, pkg are other platforms)" >&2; exit 2 ;;
esac
[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || { echo "build.sh: builds on Linux x86_64 only (this is $(uname -s)-$(uname -m))" >&2; exit 2; }

jdk_bin=$(dirname "$(readlink -f "$(command -v javac)")")
for tool in jdeps jlink jpackage; do
  [ -x "$jdk_bin/$tool" ] || { echo "build.sh: $jdk_bin/$tool not found (a full JDK 17+ is needed)" >&2; exit 2; }
done
if [ "$type" != app-image ]; then
  for tool in fakeroot dpkg-deb objdump; do
    command -v "$tool" >/dev/null || { echo "build.sh: --type $type needs $tool (apt-get install fakeroot dpkg-dev binutils)" >&2; exit 2; }
  done
fi
command -v strip >/dev/null || { echo "build.sh: needs strip (apt-get install binutils)" >&2; exit 2; }

build_dir=${LABELBENCH_BUILD_DIR:-$root/target}
case "$build_dir" in /*) ;; *) build_dir="$root/$build_dir" ;; esac
started=$(date +%s)
cd "$root"
if [ "${SKIP_MAVEN:-0}" != 1 ]; then
  echo "build.sh: ./mvnw package into $build_dir"
  # shellcheck disable=SC2086
  ./mvnw -B -ntp -q ${MVN_FLAGS:-} -Dlabelbench.buildDir="$build_dir" -DskipTests package
fi
jar="$build_dir/labelbench.jar"
[ -f "$jar" ] && [ -d "$build_dir/lib" ] || { echo "build.sh: $jar or its lib/ is missing" >&2; exit 2; }

# The versions come from the pinned jars themselves, so a pom bump needs no edit here.
native_jar=$(ls "$build_dir"/lib/pytorch-native-cpu-*-linux-x86_64.jar 2>/dev/null | head -1)
jni_jar=$(ls "$build_dir"/lib/pytorch-jni-*.jar 2>/dev/null | head -1)
[ -n "$native_jar" ] && [ -n "$jni_jar" ] || { echo "build.sh: no pytorch-native-cpu linux-x86_64 or pytorch-jni jar in $build_dir/lib (the gpu profile is not packaged)" >&2; exit 2; }
jni_version=$(unzip -p "$jni_jar" jnilib/pytorch.properties | sed -n 's/^jni_version=//p')   # 2.7.1-0.35.1
pytorch_version=${jni_version%%-*}
djl_version=${jni_version#*-}
app_version=$(sed -n 's/^Implementation-Version: *//p' <(unzip -p "$jar" META-INF/MANIFEST.MF) | tr -d '\r')
app_version=${app_version%-SNAPSHOT}

mkdir -p "$out"
out=$(cd "$out" && pwd)
work="$out/work"
rm -rf "$work" "$out/labelbench"
mkdir -p "$work/input/lib"

echo "build.sh: input (labelbench $app_version, PyTorch $pytorch_version, DJL $djl_version)"
input="$work/input"
cp "$jar" "$input/"
for lib in "$build_dir"/lib/*.jar; do
  case "$(basename "$lib")" in
    pytorch-native-*|pytorch-jni-*) ;;   # extracted below; the jars would only be unpacked again
    *) cp "$lib" "$input/lib/" ;;
  esac
done

# PyTorch: the folder DJL's LibUtils takes from PYTORCH_LIBRARY_PATH. It loads every library in it,
# then looks for its JNI bridge in the same folder as <djl version>-libdjl_torch.so before any cache.
torch_dir="$input/native/pytorch/$pytorch_version-cpu-linux-x86_64"
mkdir -p "$torch_dir"
unzip -q -j "$native_jar" 'pytorch/cpu/linux-x86_64/*' -d "$torch_dir"
unzip -q -p "$jni_jar" jnilib/linux-x86_64/cpu/libdjl_torch.so > "$torch_dir/$djl_version-libdjl_torch.so"
# The symbol tables are a fifth of libtorch_cpu.so; nothing at run time reads them.
strip --strip-unneeded "$torch_dir"/*.so*
chmod 755 "$torch_dir"/*

# JavaFX loads its libraries from the folder of the jar that holds its classes before it would
# unpack them into ~/.openjfx/cache.
for fx in "$input"/lib/javafx-*-linux.jar; do
  unzip -q -o -j "$fx" '*.so' -d "$input/lib" 2>/dev/null || true
done
# sqlite-jdbc loads org.sqlite.lib.path/org.sqlite.lib.name instead of unpacking into /tmp.
mkdir -p "$input/native/sqlite"
unzip -q -j "$input"/lib/sqlite-jdbc-*.jar 'org/sqlite/native/Linux/x86_64/libsqlitejdbc.so' -d "$input/native/sqlite"

# The samples, beside the jar, where SampleProjects looks (open-sample works from the installed app).
mkdir -p "$input/sample-projects"
for project in "$root"/sample-projects/*/*.lbproj; do
  [ -f "$project" ] || continue
  sample=$(dirname "$project")
  cp -a "$sample" "$input/sample-projects/"
done
find "$input/sample-projects" \( -name '*.lbproj-wal' -o -name '*.lbproj-shm' -o -name '*.lbproj.lock' \
  -o -name '*.lbproj.backup-*' \) -delete
cp "$root/installer/linux/labelbench-mime.xml" "$input/"

# jlink: the modules jdeps finds in the app's and its libraries' classes (javafx:jlink cannot
# do this: DJL's jars are automatic modules). With exactly those, info, assist train/predict and
# the smoke tour of every view pass. Added on top, for what jdeps cannot see: jdk.localedata (number
# and date formats of every locale, as a full JDK has; without it a German desktop gets English
# formats), jdk.zipfs and jdk.crypto.ec (providers found through service lookup: zip file systems,
# EC keys), jdk.unsupported (sun.misc.Unsafe, which DJL and JavaFX reach reflectively).
echo "build.sh: jdeps"
classes="$work/classes"
mkdir -p "$classes"
for j in "$input/labelbench.jar" "$input"/lib/*.jar; do
  unzip -q -o "$j" -d "$classes" -x 'META-INF/*' 'module-info.class' '*/module-info.class' '*.so' 2>/dev/null || true
done
modules=$("$jdk_bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 -q "$classes" | tail -1)
modules=$(echo "$modules,jdk.localedata,jdk.zipfs,jdk.crypto.ec,jdk.unsupported" \
  | tr ',' '\n' | sort -u | paste -sd, -)
echo "build.sh: jlink --add-modules $modules"
"$jdk_bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$work/runtime"
rm -rf "$classes"

icon="$root/installer/icon/labelbench-256.png"
icon_args=()
[ -f "$icon" ] && icon_args=(--icon "$icon")
java_options=(
  # DJL: no download, natives from the image (see above).
  '-Dai.djl.offline=true'
  "-DPYTORCH_LIBRARY_PATH=\$APPDIR/native/pytorch/$pytorch_version-cpu-linux-x86_64"
  "-DPYTORCH_VERSION=$pytorch_version"
  '-DPYTORCH_FLAVOR=cpu'
  '-Dorg.sqlite.lib.path=$APPDIR/native/sqlite'
  '-Dorg.sqlite.lib.name=libsqlitejdbc.so'
)
java_option_args=()
for option in "${java_options[@]}"; do java_option_args+=(--java-options "$option"); done

echo "build.sh: jpackage app-image"
"$jdk_bin/jpackage" --type app-image --dest "$out" --name labelbench --app-version "$app_version" \
  --vendor Labelbench --description "Desktop workbench for data-centric machine learning" \
  --runtime-image "$work/runtime" --input "$input" --main-jar labelbench.jar --main-class org.labelbench.Main \
  "${icon_args[@]}" "${java_option_args[@]}"
image="$out/labelbench"
echo "build.sh: app image $image ($(du -sh "$image" | cut -f1))"

if [ "$type" = deb ] || [ "$type" = all ]; then
  echo "build.sh: jpackage deb"
  rm -f "$out"/labelbench_*.deb
  "$jdk_bin/jpackage" --type deb --dest "$out" --app-image "$image" --name labelbench --app-version "$app_version" \
    --vendor Labelbench --description "Desktop workbench for data-centric machine learning" \
    --linux-package-name labelbench --linux-shortcut --linux-menu-group "Development;Science" \
    --linux-app-category science --linux-deb-maintainer "labelbench@localhost" \
    --file-associations "$root/installer/linux/lbproj.properties" \
    --resource-dir "$root/installer/linux" "${icon_args[@]}" ${JPACKAGE_VERBOSE:+--verbose}
  deb=$(ls "$out"/labelbench_*.deb)
  echo "build.sh: package $deb ($(du -h "$deb" | cut -f1))"
  [ "$type" = deb ] && rm -rf "$image"
fi
rm -rf "$work"
echo "build.sh: done in $(( $(date +%s) - started )) s"
