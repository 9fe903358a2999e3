#!/usr/bin/env bash
# Renders labelbench.svg to the PNG sizes a desktop needs (16 to 512 px); the PNGs are checked in,
# so a build needs no ImageMagick. Run again after editing the SVG. Needs ImageMagick's convert.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
  convert -background none -density 384 labelbench.svg -resize "${size}x${size}" "PNG32:labelbench-$size.png"
done
ls -l labelbench-*.png
