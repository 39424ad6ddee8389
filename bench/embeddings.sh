#!/usr/bin/env bash
# Speed of the local embedding model (all-MiniLM-L6-v2 in-process) and of the exact vector index, on at most 2 cores:
#   bench/embeddings.sh [--texts 2000] [--queries 300] [--products 100000] [--threads 2] [--batch 32] [--spin 0|1] [--max-tokens 256] [--compare]
# Prints product texts embedded per second (pipeline batches), query embedding p50/p95/p99 and a 100,000-product vector
# scan, the CPU time and where it went; --compare also times the package's own SentenceEncoder.Encode on the same texts. Targets (issue 19): >= 200 texts/s, query p95 < 10 ms. Results also go to bench/results/<timestamp>/embeddings.txt.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
cd "$ROOT"
BUILD="$BENCH_DIR/.build"
dotnet publish Api/Api.csproj -c Release -o "$BUILD" --nologo -v quiet >/dev/null
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Jobs__Enabled=false Scheduler__Enabled=false
export Database__EmbeddedDataDir="$BENCH_DIR/.data/postgres"
RESULTS="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RESULTS"
CORES=$(nproc); [ "$CORES" -gt 2 ] && PIN="taskset -c 0,1" || PIN=""
$PIN dotnet "$BUILD/Api.dll" embed-bench --threads 2 "$@" | tee "$RESULTS/embeddings.txt"
