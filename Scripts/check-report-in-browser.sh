#!/usr/bin/env bash
# Renders an HTML report in headless Chromium and saves a screenshot, to check that a report
# (and its inline SVG figures) displays. Fails (exit 1) if Chromium is missing or fails, or if the
# PNG is missing, empty or not a PNG; exit 2 on wrong usage.
#
# Usage: Scripts/check-report-in-browser.sh REPORT.html OUT.png [WIDTH,HEIGHT]   (default 1200,1600)
# Environment: CHROMIUM=/path/to/chromium to choose the browser binary.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTH,HEIGHT]" >&2
  exit 2
fi
report=$1
out=$2
size=${3:-1200,1600}

if [[ ! -s "$report" ]]; then
  echo "error: report '$report' is missing or empty" >&2
  exit 1
fi

browser=${CHROMIUM:-}
if [[ -z "$browser" ]]; then
  for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then
      browser=$(command -v "$candidate")
      break
    fi
  done
fi
if [[ -z "$browser" ]]; then
  echo "error: no chromium found (apt-get install -y chromium, or set CHROMIUM)" >&2
  exit 1
fi

report_path=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
out_dir=$(cd "$(dirname "$out")" && pwd)
out_path=$out_dir/$(basename "$out")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$out_path"

log=$profile/chromium.log
if ! timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$profile" --screenshot="$out_path" --window-size="$size" \
  "file://$report_path" >"$log" 2>&1; then
  echo "error: chromium failed on '$report'; its output:" >&2
  tail -n 20 "$log" >&2
  exit 1
fi

if [[ ! -s "$out_path" ]]; then
  echo "error: chromium wrote no screenshot to '$out_path'" >&2
  exit 1
fi
if [[ "$(head -c 8 "$out_path" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]]; then
  echo "error: '$out_path' is not a PNG file" >&2
  exit 1
fi
echo "screenshot: $out_path ($(wc -c <"$out_path") bytes)"
