# Wholesale sales calling (issue 14, part A) on the demo business plus wholesale-sales-calling-bench-data.
#   wholesale-sales-calling-list           GET /api/sales/calling-list (admin, all entries) over 50,000 entries  target p95 < 30 ms
#   wholesale-sales-calling-list-rep       the same as a sales rep (own + unassigned), priority segment       target p95 < 30 ms
#   wholesale-sales-calling-list-filtered  admin, segment=lapsed, score band, sorted by company             (watched)
#   *-c2                                   the same at 2 connections (the latency one caller sees on 2 cores)
#   wholesale-sales-import                 200,000-row transactions file, upload to `completed`            target >= 10,000 rows/s
# SALES_BENCH_ENTRIES=2000 SALES_BENCH_ROWS=5000 runs it small.
prepare() {
  $API_CLI wholesale-sales-calling-bench-data --entries "${SALES_BENCH_ENTRIES:-50000}" \
    --rows "${SALES_BENCH_ROWS:-200000}" --csv "$RESULTS/sales-import.csv"
}

run() {
  local base="/wholesale" admin rep
  login() {
    curl -s -H 'Content-Type: application/json' -d "{\"username\": \"$1\", \"password\": \"Demo-pass-123\"}" "$BASE_URL$base/api/staff/login" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
  }
  admin=$(login admin)
  rep=$(login salesrep)

  bench_list wholesale-sales-calling-list "$base/api/sales/calling-list?per_page=50" "Authorization: Bearer $admin"
  bench_list wholesale-sales-calling-list-rep "$base/api/sales/calling-list?segment=priority&per_page=50" "Authorization: Bearer $rep"
  bench_list wholesale-sales-calling-list-filtered "$base/api/sales/calling-list?segment=lapsed&score_min=20&score_max=80&sort=company_name&dir=asc&page=3&per_page=50" \
    "Authorization: Bearer $admin"
  BENCH_CONNECTIONS=2 bench_http wholesale-sales-calling-list-c2 "$base/api/sales/calling-list?per_page=50" "Authorization: Bearer $admin"
  BENCH_CONNECTIONS=2 bench_http wholesale-sales-calling-list-rep-c2 "$base/api/sales/calling-list?segment=priority&per_page=50" "Authorization: Bearer $rep"

  # the import: one upload of the generated file, timed from the upload to the job's `completed`
  local csv="$RESULTS/sales-import.csv" started job status
  [ -f "$csv" ] || { echo "bench: $csv missing (prepare did not run)" >&2; return 1; }
  started=$(date +%s.%N)
  job=$(curl -s -H "Authorization: Bearer $rep" -F "file=@$csv;type=text/csv" "$BASE_URL$base/api/sales/import-transactions" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["job_id"])')
  while :; do
    status=$(curl -s -H "Authorization: Bearer $rep" "$BASE_URL$base/api/sales/import-status/$job")
    case $(echo "$status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])') in
      completed|failed) break ;;
    esac
    sleep 0.2
  done
  python3 - "$started" "$(date +%s.%N)" "$status" "$RESULTS/wholesale-sales-import.json" <<'PY'
import json, sys
started, ended, status, dst = float(sys.argv[1]), float(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4]
secs = ended - started
rows = status.get("processed") or 0
r = {"scenario": "wholesale-sales-import", "path": "POST /wholesale/api/sales/import-transactions + poll import-status",
     "status": status.get("status"), "rows": rows, "seconds": round(secs, 3), "rows_per_sec": round(rows / secs if secs else 0),
     "orders_created": status.get("orders_created"), "customers_created": status.get("customers_created"),
     "unlinked_items": status.get("unlinked_items"), "error_count": status.get("error_count")}
json.dump(r, open(dst, "w"), indent=2)
print(f"{'wholesale-sales-import':40s} {r['rows']} rows in {r['seconds']} s = {r['rows_per_sec']} rows/s ({r['status']}, {r['orders_created']} orders)")
PY
  rm -f "$csv"
}
