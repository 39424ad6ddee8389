# Wholesale staff portal orders and reports (issue 13, part A) on wholesale-staff-orders-bench-data (50,000 customers,
# 300,000 orders over two years, 60% attributed to the demo sales reps) over the demo business. Staff sign in once through
# POST /api/staff/login (admin; salesrep for the rep view) and send the token as a bearer.
#   wholesale-staff-orders-filtered     GET /api/staff/orders?status=delivered&from_date=-30d&to_date=today   target p95 < 30 ms
#   wholesale-staff-orders-rep          GET /api/staff/orders?from_date=-90d as a sales rep (own orders)     target p95 < 30 ms
#   wholesale-staff-orders-search       GET /api/staff/orders?search=lld-so000012 (trigram)                 target p95 < 30 ms
#   wholesale-staff-orders-pending      GET /api/staff/orders?status=pending                                target p95 < 30 ms
#   wholesale-staff-orders-all          GET /api/staff/orders?page=3 (exact count of every order)          (no target; watched)
#   wholesale-staff-stats-30d           GET /api/staff/stats?range=30d                                       target p95 < 50 ms
#   wholesale-staff-stats-all           GET /api/staff/stats (range all)                                     target p95 < 50 ms
#   wholesale-staff-profit-12           GET /api/staff/profit-dashboard?period=12                           target p95 < 50 ms
#   *-c2                                the same at 2 connections (16 on 2 cores measure mostly queueing)
# WS_STAFF_CUSTOMERS=5000 WS_STAFF_ORDERS=30000 runs it small.
prepare() {
  $API_CLI wholesale-staff-orders-bench-data --customers "${WS_STAFF_CUSTOMERS:-50000}" --orders "${WS_STAFF_ORDERS:-300000}"
}

run() {
  local base="/wholesale" token rtoken auth rauth from30 from90 today
  token=$(curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"Demo-pass-123"}' "$BASE_URL$base/api/staff/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  rtoken=$(curl -s -H 'Content-Type: application/json' -d '{"username":"salesrep","password":"Demo-pass-123"}' "$BASE_URL$base/api/staff/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  auth="Authorization: Bearer $token"
  rauth="Authorization: Bearer $rtoken"
  today=$(date -u +%F); from30=$(date -u -d '-30 days' +%F); from90=$(date -u -d '-90 days' +%F)

  local reads=(
    "orders-filtered:$auth:$base/api/staff/orders?status=delivered&from_date=$from30&to_date=$today&per_page=50"
    "orders-rep:$rauth:$base/api/staff/orders?from_date=$from90&per_page=50"
    "orders-search:$auth:$base/api/staff/orders?search=lld-so000012&per_page=50"
    "orders-pending:$auth:$base/api/staff/orders?status=pending&per_page=50"
    "orders-all:$auth:$base/api/staff/orders?page=3&per_page=50"
    "stats-30d:$auth:$base/api/staff/stats?range=30d"
    "stats-all:$auth:$base/api/staff/stats"
    "profit-12:$auth:$base/api/staff/profit-dashboard?period=12"
  )
  local r name rest hdr path
  for c in 16 2; do
    for r in "${reads[@]}"; do
      name=${r%%:*}; rest=${r#*:}; hdr=${rest%%:/*}; path=/${rest#*:/}
      if [ "$c" = 2 ]; then name="$name-c2"; fi
      BENCH_CONNECTIONS=$c bench_http "wholesale-staff-$name" "$path" "$hdr"
      # the order lists' first pass is their 16-connection row (bench_list's -c16 name, for bench/summary.py)
      if [ "$c" = 16 ] && [ "${name#orders-}" != "$name" ]; then bench_alias "wholesale-staff-$name" "wholesale-staff-$name-c16"; fi
    done
  done
}
