#!/bin/sh
# Rasterise the Qingdu toolbar icons. Needs rsvg-convert (Debian: apt-get install librsvg2-bin).
set -e
cd "$(dirname "$0")"
rsvg-convert -w 16  -h 16  icon-16.svg -o icon-16.png
rsvg-convert -w 32  -h 32  icon-16.svg -o icon-32.png
rsvg-convert -w 48  -h 48  icon-48.svg -o icon-48.png
rsvg-convert -w 128 -h 128 icon.svg    -o icon-128.png
