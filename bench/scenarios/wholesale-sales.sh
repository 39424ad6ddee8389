# Wholesale sales (issue 14, part B: scoring) on the demo business plus wholesale-sales-bench-data (--customers, default 25,000).
#   wholesale-sales-fit          BG/NBD + Gamma-Gamma maximum-likelihood fit on 25,000 buyers (in the CLI)   target < 2 s
#   wholesale-sales-recompute    POST /api/scores/recompute to its run finished (history read, fit,
#                                holdout refit, 25,000+ scores written)                                  target < 10 s
#   wholesale-sales-scores       GET /api/customers/scores (default ordering) over 25,000+ scored buyers     target p95 < 30 ms
#   wholesale-sales-scores-tier  the same filtered by tier, ordered by -predicted_value_12m, page 5       (watched)
#   *-c2                         the same at 2 connections (the latency one caller sees on 2 cores)
# The calling list and the transactions import are measured by wholesale-sales-calling.sh (part A).
# SALES_BENCH_CUSTOMERS=2000 runs it small.
prepare() {
  local out
  out=$($API_CLI wholesale-sales-bench-data --customers "${SALES_BENCH_CUSTOMERS:-25000}")
  echo "$out" | grep -v '^FIT '
  bench_record wholesale-sales-fit "$(echo "$out" | sed -n 's/^FIT //p')"
}

run() {
  local base="/wholesale" admin before started status
  admin=$(curl -s -H 'Content-Type: application/json' -d '{"username": "admin", "password": "Demo-pass-123"}' "$BASE_URL$base/api/staff/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  lastrun() {
    curl -s -H "Authorization: Bearer $admin" "$BASE_URL$base/api/customers/scores?per_page=1" \
      | python3 -c 'import json,sys; r=json.load(sys.stdin).get("last_run") or {}; print(r.get("id", 0), r.get("status", "none"))'
  }
  before=$(lastrun | cut -d' ' -f1)
  started=$(date +%s.%N)
  curl -s -o /dev/null -w '' -X POST -H "Authorization: Bearer $admin" "$BASE_URL$base/api/scores/recompute"
  while :; do
    status=$(lastrun)
    if [ "${status%% *}" != "$before" ] && [ "${status#* }" != "running" ]; then break; fi
    sleep 0.1
  done
  bench_record wholesale-sales-recompute "{\"path\": \"POST $base/api/scores/recompute until its run finished\", \"seconds\": $(python3 -c "print(round($(date +%s.%N) - $started, 3))"), \"run_status\": \"${status#* }\"}"

  bench_list wholesale-sales-scores "$base/api/customers/scores" "Authorization: Bearer $admin"
  bench_list wholesale-sales-scores-tier "$base/api/customers/scores?tier=active&ordering=-predicted_value_12m&page=5&per_page=25" "Authorization: Bearer $admin"
  BENCH_CONNECTIONS=2 bench_http wholesale-sales-scores-c2 "$base/api/customers/scores" "Authorization: Bearer $admin"
}
