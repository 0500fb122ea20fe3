#!/usr/bin/env bash
# Part of `make test`: a tiny run's report must display in a real browser. Installs Debian's chromium
# when missing (apt-get; sudo when not root), trains and reports a 300-image run with the built
# executable, screenshots report.html headless, and checks that the PNG is a real, non-trivial image.
# Usage: INFOGEO=.build/release/infogeo Scripts/report-browser-test.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
infogeo=${INFOGEO:-$root/.build/release/infogeo}
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "report-browser-test: installing chromium" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run=$("$infogeo" train --train-samples 300 --model mlp:32 --epochs 10 --quiet --runs-dir "$work")
"$infogeo" report "$run" --quiet
"$root/Scripts/check-report-in-browser.sh" "$run/report.html" "$work/report.png" 1200,2400 >/dev/null
# A blank page compresses to a few KiB; a page with text and figures is far larger.
size=$(stat -c %s "$work/report.png")
if [ "$size" -lt 100000 ]; then
  echo "report-browser-test: FAIL: screenshot of $run/report.html is only $size bytes (blank page?)" >&2
  exit 1
fi
echo "report-browser-test: report displayed in chromium (screenshot $size bytes)"
