#!/usr/bin/env bash
# Benchmark of `mlfolio new` per task against `cookiecutter --no-input` on a comparable
# template (the same files, made from mlfolio's own output in this run), same machine, same run.
set -euo pipefail
mlfolio=$(realpath "$1")
runs=${RUNS:-15}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/mlfolio-bench-new-XXXXXX")
trap 'rm -rf "$work"' EXIT

# A comparable cookiecutter template: mlfolio's own project with the package name templated.
make_cookiecutter_template() {
  local task=$1 dest=$2
  "$mlfolio" new benchproj --task "$task" --no-git --dir "$work/seed-$task" >/dev/null 2>&1 ||
    { mkdir -p "$work/seed-$task" && "$mlfolio" new benchproj --task "$task" --no-git --dir "$work/seed-$task" >/dev/null; }
  mkdir -p "$dest"
  cp -r "$work/seed-$task/benchproj" "$dest/{{cookiecutter.project_slug}}"
  mv "$dest/{{cookiecutter.project_slug}}/src/benchproj" "$dest/{{cookiecutter.project_slug}}/src/{{cookiecutter.package}}"
  local raw=()
  while IFS= read -r file; do
    local rel=${file#"$dest/"}
    if grep -qE '\{\{|\{%|\{#' "$file"; then
      raw+=("\"$rel\"")
    else
      sed -i 's/benchproj/{{cookiecutter.package}}/g' "$file"
    fi
  done < <(find "$dest/{{cookiecutter.project_slug}}" -type f)
  local joined
  joined=$(IFS=,; echo "${raw[*]}")
  cat >"$dest/cookiecutter.json" <<JSON
{"project_slug": "benchproj", "package": "benchproj", "_copy_without_render": [${joined}]}
JSON
}

echo "mlfolio new: median of $runs runs per task (ms), next to cookiecutter --no-input on the same files"
printf '%-24s %10s %14s %14s %8s\n' task "new" "new --no-git" cookiecutter ratio
tasks=(tabular-classification text-classification regression)
for task in "${tasks[@]}"; do
  make_cookiecutter_template "$task" "$work/cc-$task"
done
# Making the templates freed files (sed -i replaces each one), and whatever ran before (`make
# test` removes thousands of temporary files) did too. On ext4 without a journal, as on this
# machine's disk, making a file in a block group with recently freed inodes costs a scan past
# them: measured here, runs right after a large deletion took 1.5 to 2 times as long for up to
# a minute. The timed runs start once that has passed (BENCH_SETTLE seconds, default 60).
sleep "${BENCH_SETTLE:-60}"
for task in "${tasks[@]}"; do
  out="$work/out-$task"
  mkdir -p "$out"
  # Before each run the last run's project is moved aside, not deleted: on ext4 without a
  # journal (this machine's disk) every file made in a block group where files were freed in the
  # last seconds costs a scan of those, so deleting between runs would time the benchmark's own
  # clean-up. Everything is removed at exit.
  aside="mv '$out/p' '$out'/run-\$(date +%s%N) 2>/dev/null || true"
  new_ms=$(median_ms_prepared "$runs" "$aside" "$mlfolio" new p --task "$task" --dir "$out")
  nogit_ms=$(median_ms_prepared "$runs" "$aside" "$mlfolio" new p --task "$task" --no-git --dir "$out")
  if command -v cookiecutter >/dev/null; then
    cc_aside="mv '$out/benchproj' '$out'/run-\$(date +%s%N) 2>/dev/null || true"
    cc_ms=$(median_ms_prepared "$runs" "$cc_aside" cookiecutter --no-input -o "$out" "$work/cc-$task")
  else
    cc_ms=0
  fi
  # Every timed run must have made its project (a failed run would be timed as a fast one).
  made=$(find "$out" -mindepth 2 -maxdepth 2 -name .mlfolio.toml | wc -l)
  expected=$((2 * runs))
  [[ $cc_ms == 0 ]] || expected=$((expected + runs))
  if ((made != expected)); then
    echo "bench: $made of $expected runs made a project in $out" >&2
    exit 1
  fi
  printf '%-24s %10s %14s %14s %8s\n' "$task" "$new_ms" "$nogit_ms" "$cc_ms" "$(ratio "$cc_ms" "$new_ms")x"
done
echo "ratio = cookiecutter / mlfolio new (higher is faster for mlfolio). Target: mlfolio new under 20 ms."
