#!/usr/bin/env bash
# Memory of `finsam serve` that ingested its corpus at start (the README's first command on a
# new index): RSS/PSS once /healthz answers and after one search.
#   bench/serve_after_ingest.sh BINARY CORPUS_DIR [PORT]
set -euo pipefail
bin=$1 corpus=$2 port=${3:-3918}
index=$(mktemp -d)
trap 'rm -rf "$index"' EXIT
"$bin" serve --corpus "$corpus" --index "$index" --addr "127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
until curl -sf "localhost:$port/healthz" >/dev/null; do sleep 1; done
sleep 2
echo "after start: $(grep -E '^(Rss|Pss|Anonymous):' /proc/$pid/smaps_rollup | tr -s ' ' | tr '\n' ' ')"
curl -s "localhost:$port/api/search?q=samverkan&limit=10" >/dev/null
sleep 1
echo "after a search: $(grep -E '^(Rss|Pss):' /proc/$pid/smaps_rollup | tr -s ' ' | tr '\n' ' ')"
kill "$pid"
wait "$pid" 2>/dev/null || true
