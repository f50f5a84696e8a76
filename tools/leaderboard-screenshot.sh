#!/usr/bin/env bash
# Remakes docs/images/leaderboard.png: a small cohort made by `mlfolio new` (files removed to
# vary the scores, one target missing), its leaderboard, and a headless Chromium screenshot.
# Usage: tools/leaderboard-screenshot.sh build/mlfolio
set -euo pipefail
mlfolio=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/mlfolio-leaderboard-XXXXXX")
trap 'rm -rf "$work"' EXIT

names=(ada-churn bo-forecast cy-sentiment di-housing ed-fraud fay-reviews gus-energy)
removable=(README.md LICENSE Dockerfile tests .github Makefile .gitignore)
tasks=(tabular-classification regression text-classification)
mkdir -p "$work/cohort"
for i in "${!names[@]}"; do
  "$mlfolio" new "${names[i]}" --no-git --dir "$work/cohort" --author Demo --email demo@localhost \
    --task "${tasks[i % 3]}" >/dev/null
  for ((j = 0; j < ${#removable[@]}; j++)); do
    if (( (i + j) % 4 == 0 && i > 0 )); then rm -rf "$work/cohort/${names[i]:?}/${removable[j]}"; fi
  done
  echo "cohort/${names[i]}" >> "$work/targets.txt"
done
echo "hal-missing" >> "$work/targets.txt" # a folder that does not exist
(cd "$work" && "$mlfolio" check --targets targets.txt --format leaderboard --output board.html) || true
mkdir -p "$root/docs/images"
timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$work/profile" --window-size=1400,1300 \
  --screenshot="$root/docs/images/leaderboard.png" "file://$work/board.html" 2>/dev/null
echo "wrote docs/images/leaderboard.png"
