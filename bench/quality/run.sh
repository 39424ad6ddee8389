#!/usr/bin/env bash
# Search and matching quality on the labelled sets of bench/quality/data (issue 19 §4), every engine side by side with a BM25
# (search) and TF-IDF (matching) baseline:
#   bench/quality/run.sh [--queries N] [--pairs N]
# Builds Release, starts the API's embedded PostgreSQL in bench/quality/.data (its own cluster, created on the first run), loads
# the two catalogs into merchants 90001 (hand-written) and 90002 (generated, seed 19), runs `search-quality` and `match-quality`
# on at most 2 cores and writes bench/quality/results/<timestamp>.json (gitignored) plus the tables to stdout.
# Regenerate the data files with python3 bench/quality/data/build.py (they are committed; the script rewrites them identically).
set -euo pipefail
QDIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$(dirname "$QDIR")")
cd "$ROOT"
BUILD="$QDIR/.build"
dotnet publish Api/Api.csproj -c Release -o "$BUILD" --nologo -v quiet >/dev/null
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Jobs__Enabled=false Scheduler__Enabled=false
export Database__EmbeddedDataDir="$QDIR/.data/postgres"
TS=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$QDIR/results"
mkdir -p "$RESULTS"
CORES=$(nproc); [ "$CORES" -gt 2 ] && PIN="taskset -c 0,1" || PIN=""
SEARCH_ARGS=(); MATCH_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --queries) SEARCH_ARGS+=(--queries "$2"); shift 2 ;;
    --pairs) MATCH_ARGS+=(--pairs "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
echo "# quality bench $TS on $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg), commit $(git rev-parse --short HEAD)"
echo "## search (NDCG@10, zero-result rate, latency in process)"
$PIN dotnet "$BUILD/Api.dll" search-quality --data "$QDIR/data" --out "$RESULTS/$TS.search.json" "${SEARCH_ARGS[@]}" | grep -v '^{"Timestamp'
echo
echo "## matching (precision, recall, F1)"
$PIN dotnet "$BUILD/Api.dll" match-quality --data "$QDIR/data" --out "$RESULTS/$TS.match.json" "${MATCH_ARGS[@]}" | grep -v '^{"Timestamp'
python3 - "$RESULTS/$TS" <<'PY'
import json, subprocess, sys
base = sys.argv[1]
out = {"search": json.load(open(base + ".search.json")), "match": json.load(open(base + ".match.json")),
       "commit": subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()}
json.dump(out, open(base + ".json", "w"), indent=1)
PY
rm -f "$RESULTS/$TS.search.json" "$RESULTS/$TS.match.json"
echo
echo "results: $RESULTS/$TS.json"
