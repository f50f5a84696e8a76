# Shared helpers for the benchmarks: time a command N times and print the median.
# median_ms N COMMAND...  -> prints the median wall time in milliseconds (3 decimals)
median_ms() {
  local runs=$1
  shift
  median_ms_prepared "$runs" "" "$@"
}

# median_ms_prepared N SETUP COMMAND... -> as median_ms, running the shell command SETUP before
# each run, outside the timing (to remove what the previous run made, say).
median_ms_prepared() {
  local runs=$1 setup=$2
  shift 2
  local times=()
  for ((i = 0; i < runs; i++)); do
    [[ -z $setup ]] || bash -c "$setup"
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  median_of "${times[@]}"
}

# median_of MICROSECONDS...  -> prints the median in milliseconds (3 decimals)
median_of() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.3f\n", m / 1000}'
}

# peak_rss_mb COMMAND...  -> prints the peak RSS of one run of COMMAND, in MB
peak_rss_mb() {
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.1f", $1 / 1024}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
