#!/usr/bin/env bash
# Benchmark of `mlfolio check` on (a) a project made by `mlfolio new` and (b) a synthetic
# repository (20,000 files, 2,000 Python modules, 50 notebooks of about 3 MB, a long README),
# next to `git ls-files` and `repolinter lint` (npm package, installed into bench/.npm when npm
# can fetch it) on the same repositories in the same run. Prints medians, peak RSS and ratios.
set -euo pipefail
mlfolio=$(realpath "$1")
runs=${RUNS:-7}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/mlfolio-bench-check-XXXXXX")
trap 'rm -rf "$work"' EXIT

# repolinter: installed once into bench/.npm (ignored by git); the benchmark runs without it.
repolinter=""
if [[ -x $here/.npm/node_modules/.bin/repolinter ]]; then
  repolinter=$here/.npm/node_modules/.bin/repolinter
elif command -v repolinter >/dev/null; then
  repolinter=$(command -v repolinter)
elif command -v npm >/dev/null && [[ ${BENCH_NO_NPM:-0} != 1 ]]; then
  echo "installing repolinter into bench/.npm (once) ..."
  if timeout 300 npm install --silent --no-audit --no-fund --prefix "$here/.npm" repolinter >/dev/null 2>&1; then
    repolinter=$here/.npm/node_modules/.bin/repolinter
  else
    echo "repolinter could not be installed; measuring without it"
  fi
fi


# gc.auto=0: the commit's 20,000 loose objects would start `git gc --auto` in the background,
# which packs for a minute or more on both cores while the commands below are timed.
make_git_repo() {
  git -C "$1" init -q
  git -C "$1" add -A
  git -C "$1" -c gc.auto=0 -c user.name=bench -c user.email=bench@localhost commit -qm "benchmark repository"
}

"$mlfolio" new generated --no-git --dir "$work" --author Bench --email bench@localhost >/dev/null
make_git_repo "$work/generated"
echo "writing the synthetic repository ..."
mkdir "$work/synthetic"
/usr/bin/python3 "$here/make_synthetic_repo.py" "$work/synthetic"
make_git_repo "$work/synthetic"
echo "synthetic: $(git -C "$work/synthetic" ls-files | wc -l) files, $(du -sm --exclude=.git "$work/synthetic" | cut -f1) MB"
# The repositories were just written: without this, the first commands timed share the cores
# and the disk with the kernel writing 350 MB of new files back.
sync
echo

printf '%-12s %-30s %12s %12s %10s\n' repository command "median ms" "peak RSS MB" ratio
for repo in generated synthetic; do
  dir=$work/$repo
  check_ms=$(median_ms "$runs" "$mlfolio" check "$dir" --format json --output /dev/null)
  check_rss=$(peak_rss_mb "$mlfolio" check "$dir" --format json --output /dev/null)
  rev_ms=$(median_ms "$runs" "$mlfolio" check "$dir" --rev HEAD --format json --output /dev/null)
  ls_ms=$(median_ms "$runs" git -C "$dir" ls-files)
  printf '%-12s %-30s %12s %12s %10s\n' "$repo" "mlfolio check" "$check_ms" "$check_rss" "1.00"
  printf '%-12s %-30s %12s %12s %10s\n' "$repo" "mlfolio check --rev HEAD" "$rev_ms" "-" "$(ratio "$rev_ms" "$check_ms")"
  printf '%-12s %-30s %12s %12s %10s\n' "$repo" "git ls-files" "$ls_ms" "-" "$(ratio "$ls_ms" "$check_ms")"
  if [[ -n $repolinter ]]; then
    lint_runs=$(( runs < 3 ? runs : 3 ))
    lint_ms=$(median_ms "$lint_runs" "$repolinter" lint "$dir")
    printf '%-12s %-30s %12s %12s %10s\n' "$repo" "repolinter lint (default)" "$lint_ms" "-" "$(ratio "$lint_ms" "$check_ms")"
  fi
done

# The table's medians are taken one command after the other, and this machine's speed drifts by
# a tenth or more within minutes. Paired rounds take turns instead: in each round, mlfolio's
# median of three runs and one repolinter run, right after each other; the ratio of each round
# is under the same conditions for both. Each command starts after a pause (PAIRED_SETTLE
# seconds): runs right after repolinter's measured 5% slower than after a pause of the same
# length (median of 15 each), whatever node leaves behind.
if [[ -n $repolinter ]]; then
  rounds=${PAIRED_ROUNDS:-5}
  settle=${PAIRED_SETTLE:-1}
  ratios=()
  for ((round = 0; round < rounds; round++)); do
    sleep "$settle"
    round_check=$(median_ms 3 "$mlfolio" check "$work/synthetic" --format json --output /dev/null)
    sleep "$settle"
    round_lint=$(median_ms 1 "$repolinter" lint "$work/synthetic")
    ratios+=("$(ratio "$round_lint" "$round_check")")
  done
  sorted=$(printf '%s\n' "${ratios[@]}" | sort -n | tr '\n' ' ')
  printf '\nsynthetic, repolinter lint / mlfolio check in %d paired rounds: median %s (each: %s)\n' \
    "$rounds" "$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')" "$sorted"
fi
echo
echo "ratio: the command's median time divided by mlfolio check's on the same repository."
echo "targets: synthetic under 1000 ms with peak RSS under 200 MB; repolinter at least 10 times slower."
