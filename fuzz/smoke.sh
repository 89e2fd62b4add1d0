#!/usr/bin/env bash
# Runs each fuzz target (or the ones named) for SECONDS from its seeds and saved corpus, one at
# a time on one core; fails on the first crash. Needs a nightly toolchain and cargo-fuzz.
#   fuzz/smoke.sh 10                 # every target, 10 s each
#   fuzz/smoke.sh 60 brat store      # two targets, a minute each
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-10}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(decode store store_fast conll brat jsonl reanchor journal)
fi
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "seeds/$t"
  echo "fuzz smoke: $t for ${secs}s"
  mkdir -p artifacts
  log="artifacts/$t.log"
  status=0
  cargo +nightly fuzz run "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done )" "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log"
    echo "fuzz smoke: $t FAILED (whole log: fuzz/$log)"
    exit 1
  fi
done
