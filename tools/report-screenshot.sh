#!/usr/bin/env bash
# Regenerates docs/images/report-html.png: the HTML report of a freshly generated project, as
# headless Chromium renders it. Usage: tools/report-screenshot.sh build/mlfolio
set -euo pipefail
mlfolio=$(realpath "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$mlfolio" new demo --dir "$work" --no-git >/dev/null
(cd "$work" && "$mlfolio" check demo --format html --output report.html) || true # a score below a threshold still writes
timeout 90 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --hide-scrollbars --window-size=1000,1400 \
  --screenshot="$here/docs/images/report-html.png" "file://$work/report.html" 2>/dev/null
echo "wrote docs/images/report-html.png"
