#!/usr/bin/env bash
# ShopperSearch at 100,000 products for merchant 50001 among five merchants (50001..50005; 5,000 products each for the
# others), loaded by the shopper-bench-data command (binary COPY). Measures text search on a cache miss (every query string
# new) and on a cache hit, text+colour search (every query/colour new), and streamed NDJSON ingest of 100,000 rows into
# merchant 50002, and the same rows as CSV (text/csv, new product ids): once as a dry run (parse and validate only) and once
# written. Sourced by bench/run.sh (BASE_URL, API_CLI, RESULTS, BENCH_DIR, bench_record).
# Targets: p95 < 30 ms text miss, < 5 ms text hit, < 40 ms text+colour; ingest >= 20,000 rows/s.
# Smaller runs: SHOPPER_PRODUCTS (100000), SHOPPER_OTHER_PRODUCTS (5000), SHOPPER_INGEST_ROWS (100000) size a fresh bench
# database (bench/.data); SHOPPER_ONLY=ingest measures the ingests alone.

SHOPPER_NDJSON="${SHOPPER_NDJSON:-$BENCH_DIR/.data/shoppersearch-ingest.ndjson}"
SHOPPER_CSV="${SHOPPER_CSV:-${SHOPPER_NDJSON%.ndjson}.csv}"

prepare() {
  mkdir -p "$(dirname "$SHOPPER_NDJSON")"
  if $API_CLI shopper-bench-data --merchant 50001 --products "${SHOPPER_PRODUCTS:-100000}" --merchants 5 \
      --other-products "${SHOPPER_OTHER_PRODUCTS:-5000}" --ndjson "$SHOPPER_NDJSON" --ndjson-rows "${SHOPPER_INGEST_ROWS:-100000}"; then
    echo "shoppersearch: bench catalog generated"
  else
    echo "shoppersearch: bench catalog already present (or generation failed); continuing with what is loaded" >&2
  fi
  if [ -s "$SHOPPER_NDJSON" ] && { [ ! -s "$SHOPPER_CSV" ] || [ "$SHOPPER_NDJSON" -nt "$SHOPPER_CSV" ]; }; then
    # the NDJSON rows as RFC 4180 CSV with product ids of their own (CSV-…), so the CSV ingest inserts like the NDJSON one
    python3 - "$SHOPPER_NDJSON" "$SHOPPER_CSV" <<'PY'
import csv, json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
cols = list(dict.fromkeys(k for r in rows for k in r))
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(cols)
    for r in rows:
        r["product_id"] = "CSV-" + str(r["product_id"])
        w.writerow(["" if r.get(c) is None else json.dumps(r[c]) if isinstance(r[c], (dict, list, bool)) else str(r[c]) for c in cols])
PY
  fi
  $API_CLI shopper-keys --create --merchant 50002 --env test --name bench | tail -1 > "$RESULTS/shoppersearch-ingest.key"
}

# shopper_wrk <name> <path> <mode> [warm-up]: warm-up and measured wrk runs of search.lua with distinct query salts
shopper_wrk() {
  local name=$1 path=$2 mode=$3 warmup=${4:-$BENCH_WARMUP} salt
  salt=$(( ($(date +%s) * 7919) % 3000000 ))
  SHOPPER_MODE=$mode SHOPPER_SALT=$salt wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$warmup" \
    -s "$BENCH_DIR/scenarios/shoppersearch/search.lua" "$BASE_URL$path" >/dev/null
  SHOPPER_MODE=$mode SHOPPER_SALT=$((salt + 500000)) wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --latency \
    -s "$BENCH_DIR/scenarios/shoppersearch/search.lua" "$BASE_URL$path" | awk '/^JSON /{sub(/^JSON /,""); print}' > "$RESULTS/$name.json.tmp"
  python3 - "$name" "$path" "$mode" "$RESULTS/$name.json.tmp" "$RESULTS/$name.json" "$BENCH_CONNECTIONS" <<'PY'
import json, sys
name, path, mode, src, dst, conns = sys.argv[1:7]
r = json.load(open(src))
r.update({"scenario": name, "path": path, "mode": mode, "connections": int(conns)})
json.dump(r, open(dst, "w"), indent=2)
print(f"{name:40s} {r['requests_per_sec']:>10.0f} req/s   p50 {r['p50_ms']:.2f} ms   p95 {r['p95_ms']:.2f} ms   p99 {r['p99_ms']:.2f} ms   non-2xx {r['non_2xx']}")
PY
  rm -f "$RESULTS/$name.json.tmp"
}

# shopper_reset: fail the bench merchants' unfinished pipeline runs and remove ingested rows (what prepare does), so an ingest's
# background enrichment and embedding does not load the next measurement or the scenario after this one on the same database
shopper_reset() {
  $API_CLI shopper-bench-data --merchant 50001 --merchants 5 --reset-only >/dev/null || echo "shoppersearch: reset after ingest failed" >&2
}

# shopper_ingest <name> <file> <content-type> <query>: one timed POST of a whole file to the ingest endpoint (merchant 50002)
shopper_ingest() {
  local name=$1 file=$2 type=$3 query=$4 key rows start end body
  key=$(cat "$RESULTS/shoppersearch-ingest.key")
  rows=$(python3 -c "import json,sys; print(sum(1 for l in open(sys.argv[1], encoding='utf-8') if l.strip()) - (1 if sys.argv[2] == 'text/csv' else 0))" "$file" "$type")
  start=$(date +%s.%N)
  body=$(curl -s -X POST -H "X-Merchant-ID: 50002" -H "Authorization: Bearer $key" -H "Content-Type: $type" \
    --data-binary @"$file" "$BASE_URL/shopper/api/v1/ingest/products$query")
  end=$(date +%s.%N)
  bench_record "$name" "$(python3 -c "
import json, sys
rows, secs = $rows, $end - $start
body = json.loads(sys.argv[1]) if sys.argv[1].startswith('{') else {'raw': sys.argv[1][:500]}
body.pop('errors', None) if isinstance(body.get('errors'), list) and not body['errors'] else None
rows = body.get('rows_received', rows)   # records, not lines (a quoted field may span lines)
print(json.dumps({'rows': rows, 'seconds': round(secs, 2), 'rows_per_sec': round(rows / secs), 'content_type': sys.argv[2], 'query': sys.argv[3], 'response': body}))
" "$body" "$type" "$query")"
}

run() {
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "X-Merchant-ID: 50001" -H "Content-Type: application/json" \
    -d '{"query_str":"navy linen shirt","limit":10}' "$BASE_URL/shopper/api/v0/product/search/text")
  if [ "$status" != "200" ]; then echo "shoppersearch: text search answered $status, not measuring" >&2; return 1; fi

  if [ "${SHOPPER_ONLY:-}" != "ingest" ]; then   # SHOPPER_ONLY=ingest: measure the NDJSON ingest alone
    # the first searches of a freshly started API build the merchant's in-process term index (~1 s for 100,000 products,
    # searching in SQL meanwhile) and JIT-compile the search path: the first measure gets a longer warm-up to reach steady state
    shopper_wrk shoppersearch-text-miss  /shopper/api/v0/product/search/text miss "${SHOPPER_FIRST_WARMUP:-15s}"
    shopper_wrk shoppersearch-text-hit   /shopper/api/v0/product/search/text hit
    shopper_wrk shoppersearch-text-color /shopper/api/v0/product/search/textandcolor color
    # searches answer lists: also at 16 connections (bench_list in bench/lib.sh), where a per-request tail shows
    local m c16=$BENCH_LIST_CONNECTIONS
    for m in miss:text hit:text color:textandcolor; do
      if [ "$BENCH_CONNECTIONS" = "$c16" ]; then bench_alias "shoppersearch-text-${m%%:*}" "shoppersearch-text-${m%%:*}-c$c16"
      else BENCH_CONNECTIONS=$c16 BENCH_THREADS=2 shopper_wrk "shoppersearch-text-${m%%:*}-c$c16" "/shopper/api/v0/product/search/${m#*:}" "${m%%:*}"; fi
    done
  fi

  if [ -s "$SHOPPER_CSV" ] && [ -s "$RESULTS/shoppersearch-ingest.key" ]; then
    shopper_ingest shoppersearch-ingest-csv-dry-run "$SHOPPER_CSV" text/csv "?dry_run=true"
    shopper_ingest shoppersearch-ingest-csv "$SHOPPER_CSV" text/csv ""
    shopper_reset   # the CSV ingest's pipeline run would otherwise embed 100,000 rows during the NDJSON ingest
  fi
  if [ -s "$SHOPPER_NDJSON" ] && [ -s "$RESULTS/shoppersearch-ingest.key" ]; then
    local key rows start end body
    key=$(cat "$RESULTS/shoppersearch-ingest.key")
    rows=$(wc -l < "$SHOPPER_NDJSON")
    start=$(date +%s.%N)
    body=$(curl -s -X POST -H "X-Merchant-ID: 50002" -H "Authorization: Bearer $key" -H "Content-Type: application/x-ndjson" \
      --data-binary @"$SHOPPER_NDJSON" "$BASE_URL/shopper/api/v1/ingest/products")
    end=$(date +%s.%N)
    bench_record shoppersearch-ingest "$(python3 -c "
import json, sys
rows, secs = $rows, $end - $start
body = json.loads(sys.argv[1]) if sys.argv[1].startswith('{') else {'raw': sys.argv[1][:500]}
body.pop('errors', None) if isinstance(body.get('errors'), list) and not body['errors'] else None
print(json.dumps({'rows': rows, 'seconds': round(secs, 2), 'rows_per_sec': round(rows / secs), 'target_rows_per_sec': 20000, 'response': body}))
" "$body")"
    shopper_reset   # its pipeline run would otherwise still be embedding during the next scenario on this database
  else
    echo "shoppersearch: no ingest file or key; ingest not measured" >&2
  fi

  python3 - "$RESULTS" <<'PY'
import json, os, sys
d = sys.argv[1]
targets = {"shoppersearch-text-miss": 30, "shoppersearch-text-hit": 5, "shoppersearch-text-color": 40}
out = {}
for name, t in targets.items():
    p = f"{d}/{name}.json"
    if os.path.exists(p):
        r = json.load(open(p)); out[name] = {"p95_ms": r["p95_ms"], "target_p95_ms": t, "met": r["p95_ms"] < t, "non_2xx": r["non_2xx"]}
p = f"{d}/shoppersearch-ingest.json"
if os.path.exists(p):
    r = json.load(open(p)); out["shoppersearch-ingest"] = {"rows_per_sec": r["rows_per_sec"], "target": 20000, "met": r["rows_per_sec"] >= 20000}
for name in ("shoppersearch-ingest-csv-dry-run", "shoppersearch-ingest-csv"):
    p = f"{d}/{name}.json"
    if os.path.exists(p):
        r = json.load(open(p)); out[name] = {"rows_per_sec": r["rows_per_sec"], "rows": r["rows"]}
json.dump({"scenario": "shoppersearch", **out}, open(f"{d}/shoppersearch.json", "w"), indent=2)
print("shoppersearch summary:", json.dumps(out))
PY
}
