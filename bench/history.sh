#!/usr/bin/env bash
# Benchmark of the history scan of `mlfolio check` (every blob of every ref, for secrets and
# large files) on a repository the benchmark generates (HISTORY_COMMITS commits, default 5000,
# about HISTORY_MB MB of blobs, default 1024), next to `git cat-file --batch-all-objects --batch`
# (reading every object once: the floor) and `git log --all -p`, in the same run.
set -euo pipefail
mlfolio=$(realpath "$1")
runs=${RUNS:-5}
commits=${HISTORY_COMMITS:-5000}
megabytes=${HISTORY_MB:-1024}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/mlfolio-bench-history-XXXXXX")
trap 'rm -rf "$work"' EXIT

repo=$work/history.git
git init -q --bare "$repo"
echo "writing $commits commits with about $megabytes MB of blobs ..."
/usr/bin/python3 "$here/make_history_repo.py" "$commits" "$megabytes" | git --git-dir="$repo" fast-import --quiet
git --git-dir="$repo" symbolic-ref HEAD refs/heads/main
git --git-dir="$repo" repack -adq
blobs=$(git --git-dir="$repo" cat-file --batch-all-objects --batch-check | awk '$2 == "blob" {n++; s += $3} END {printf "%d blobs, %.0f MB", n, s / 1048576}')
echo "history: $(git --git-dir="$repo" rev-list --count --all) commits, $blobs, pack $(du -sm "$repo" | cut -f1) MB"
echo

cat_file() { git --git-dir="$repo" cat-file --batch-all-objects --batch >/dev/null; }
log_patch() { git --git-dir="$repo" log --all -p >/dev/null; }
audit() { "$mlfolio" check "$repo" --rev HEAD --format json --output /dev/null; }

floor_ms=$(median_ms "$runs" cat_file)
log_ms=$(median_ms "$runs" log_patch)
check_ms=$(median_ms "$runs" audit)
check_rss=$(peak_rss_mb "$mlfolio" check "$repo" --rev HEAD --format json --output /dev/null)
floor_rss=$(peak_rss_mb git --git-dir="$repo" cat-file --batch-all-objects --batch)

printf '%-44s %12s %12s %10s\n' command "median ms" "peak RSS MB" "vs floor"
printf '%-44s %12s %12s %10s\n' "git cat-file --batch-all-objects --batch" "$floor_ms" "$floor_rss" "1.00"
printf '%-44s %12s %12s %10s\n' "git log --all -p" "$log_ms" "-" "$(ratio "$log_ms" "$floor_ms")"
printf '%-44s %12s %12s %10s\n' "mlfolio check --rev HEAD (history scan)" "$check_ms" "$check_rss" "$(ratio "$check_ms" "$floor_ms")"
echo
echo "targets: mlfolio within 2 times the cat-file floor; peak RSS under 300 MB."
