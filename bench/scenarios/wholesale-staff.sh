# Wholesale staff portal (issue 13), every target of the issue in one scenario, on 50,000 customers and 300,000 orders
# (wholesale-staff-orders-bench-data: customers sob_1…, 60% attributed to the demo sales reps, orders over two years) and the
# core's 50,000 bench products (wholesale-bench-data) over the demo business. Staff sign in once through POST
# /api/staff/login (admin; salesrep for the rep's view) and send the token as a bearer. Each line states its target.
# Issue 13 targets:
#   wholesale-staff-orders-filtered     GET /api/staff/orders?status=delivered&from_date=-30d&to_date=today   p95 < 30 ms
#   wholesale-staff-orders-rep          GET /api/staff/orders?from_date=-90d as a sales rep (own orders)     p95 < 30 ms
#   wholesale-staff-orders-search       GET /api/staff/orders?search=lld-so000012 (trigram)                 p95 < 30 ms
#   wholesale-staff-orders-pending      GET /api/staff/orders?status=pending                                p95 < 30 ms
#   wholesale-staff-customers-search    GET /api/staff/customers?search=garcia                              p95 < 30 ms
#   wholesale-staff-customers-search-co GET /api/staff/customers?search=taqueria&sort_by=company_name       p95 < 30 ms
#   wholesale-staff-stats-30d           GET /api/staff/stats?range=30d                                       p95 < 50 ms
#   wholesale-staff-stats-all           GET /api/staff/stats (range all)                                     p95 < 50 ms
#   wholesale-staff-profit-12           GET /api/staff/profit-dashboard?period=12                           p95 < 50 ms
#   wholesale-staff-customers-export    GET /api/staff/customers/export-csv, every customer (50,000+)   slowest of 5 < 2 s,
#                                       flat memory (API RSS sampled every 50 ms during the exports, against the RSS before)
#   wholesale-staff-customers-import    POST /api/staff/customers/import-csv, fresh rows            >= 10,000 rows/s
#                                       (and the same file again: every row skipped, nothing created)
#   *-c2                                the reads again at 2 connections (16 on 2 cores measure mostly queueing), same targets
# Watched (no target in the issue; p95 < 30 ms like the other staff reads is the aim):
#   wholesale-staff-orders-all          GET /api/staff/orders?page=3 (exact count of every order)
#   wholesale-staff-customers-page      GET /api/staff/customers?page=7 (count of every customer)
#   wholesale-staff-products-*, -inventory*   GET /api/staff/products (search, category page, page 7) and /api/staff/inventory
#   wholesale-staff-inventory-put       PUT /api/staff/inventory/{id} (a ledger row each), 16 connections over 1,000 products
#   wholesale-staff-subscriptions-*     the 20 demo subscriptions: list, filtered list, one with its histories, suggest
#                                       (renewals call Stripe, not configured in the bench's Production settings: not measured)
# WS_STAFF_READS="stats-all profit-12": only these reads (both connection counts), and nothing else of the scenario
# (back-to-back comparisons of a few rows on a shared machine).
# Small run: WS_STAFF_CUSTOMERS=2000 WS_STAFF_ORDERS=12000 WS_STAFF_PRODUCTS=5000 WS_STAFF_IMPORT_ROWS=5000 \
#            BENCH_DURATION=3s BENCH_WARMUP=1s bench/run.sh wholesale-staff
BENCH_DB=wholesale-staff   # a database of its own (bench/run.sh): the issue's data sizes, nothing another scenario loads
prepare() {
  $API_CLI wholesale-bench-data --products "${WS_STAFF_PRODUCTS:-50000}"
  $API_CLI wholesale-staff-orders-bench-data --customers "${WS_STAFF_CUSTOMERS:-50000}" --orders "${WS_STAFF_ORDERS:-300000}"
}

run() {
  source "$BENCH_DIR/scenarios/wholesale/common.sh"
  local base=$WS_BASE token rtoken auth rauth from30 from90 today cat first sku
  token=$(ws_login admin); rtoken=$(ws_login salesrep)
  auth="Authorization: Bearer $token"; rauth="Authorization: Bearer $rtoken"
  today=$(date -u +%F); from30=$(date -u -d '-30 days' +%F); from90=$(date -u -d '-90 days' +%F)

  # reads: name:target ms (- watched):header:path
  local reads=(
    "orders-filtered:30:$auth:$base/api/staff/orders?status=delivered&from_date=$from30&to_date=$today&per_page=50"
    "orders-rep:30:$rauth:$base/api/staff/orders?from_date=$from90&per_page=50"
    "orders-search:30:$auth:$base/api/staff/orders?search=lld-so000012&per_page=50"
    "orders-pending:30:$auth:$base/api/staff/orders?status=pending&per_page=50"
    "orders-all:-:$auth:$base/api/staff/orders?page=3&per_page=50"
    "customers-search:30:$auth:$base/api/staff/customers?search=garcia&per_page=50"
    "customers-search-co:30:$auth:$base/api/staff/customers?search=taqueria&sort_by=company_name&sort_dir=asc&per_page=50"
    "customers-page:-:$auth:$base/api/staff/customers?page=7&per_page=50"
    "stats-30d:50:$auth:$base/api/staff/stats?range=30d"
    "stats-all:50:$auth:$base/api/staff/stats"
    "profit-12:50:$auth:$base/api/staff/profit-dashboard?period=12"
  )
  local r c name rest target hdr path
  for c in 16 2; do
    for r in "${reads[@]}"; do
      name=${r%%:*}; rest=${r#*:}; target=${rest%%:*}; rest=${rest#*:}; hdr=${rest%%:/*}; path=/${rest#*:/}
      if [ -n "${WS_STAFF_READS:-}" ] && [[ " $WS_STAFF_READS " != *" $name "* ]]; then continue; fi
      if [ "$c" = 2 ]; then name="$name-c2"; fi
      BENCH_CONNECTIONS=$c ws_http "wholesale-staff-$name" "$target" "$path" "$hdr"
    done
  done
  if [ -n "${WS_STAFF_READS:-}" ]; then return 0; fi

  # export: five downloads one after another, each timed; the API's RSS sampled every 50 ms meanwhile (flat memory)
  bench_record wholesale-staff-customers-export "$(python3 - "$BASE_URL$base" "$token" "${API_PID:-}" <<'PY'
import json, sys, time, threading, urllib.request
base, token, pid = sys.argv[1], sys.argv[2], sys.argv[3]
def rss_mb():
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"): return int(line.split()[1]) / 1024
    except Exception: return None
samples, done = [], threading.Event()
def sample():
    while not done.is_set():
        v = rss_mb()
        if v is not None: samples.append(v)
        time.sleep(0.05)
before = rss_mb()
t = threading.Thread(target=sample); t.start()
times, rows, size = [], 0, 0
for _ in range(5):
    req = urllib.request.Request(base + "/api/staff/customers/export-csv", headers={"Authorization": "Bearer " + token})
    start = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as r:
        body = r.read()
    times.append(time.perf_counter() - start)
    size, rows = len(body), body.count(b"\n") - 1
done.set(); t.join()
times.sort()
growth = round(max(samples) - before, 1) if samples and before else None
print(json.dumps({"path": "GET /wholesale/api/staff/customers/export-csv", "rows": rows, "bytes": size,
                  "seconds_min": round(times[0], 3), "seconds_median": round(times[2], 3), "seconds_max": round(times[-1], 3),
                  "rss_before_mb": round(before, 1) if before else None, "rss_peak_mb": round(max(samples), 1) if samples else None,
                  "rss_growth_mb": growth, "detail": f"{rows} rows, median {round(times[2], 3)} s, API RSS +{growth} MB"}))
PY
)" >/dev/null
  ws_target wholesale-staff-customers-export seconds_max "<" 2 s

  # import: a file of fresh customers (unique per run), timed; then the same file again (every row skipped)
  bench_record wholesale-staff-customers-import "$(python3 - "$BASE_URL$base" "$token" "${WS_STAFF_IMPORT_ROWS:-20000}" <<'PY'
import io, json, sys, time, uuid, urllib.request
base, token, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
run = uuid.uuid4().hex[:8]
out = io.StringIO()
out.write("first_name,last_name,company_name,email,phone,orders,total_spent,joined,shipping_street,shipping_city,shipping_state,"
          "shipping_zip,billing_street,billing_city,billing_state,billing_zip,same_as_shipping\n")
for i in range(n):
    out.write(f"Imp{i},Bench,Import {run} Bistro {i},imp{i}.{run}@bench-import.example,,,,,{i} Import St,Chicago,IL,60601,,,,,true\n")
data = out.getvalue().encode()
boundary = "----SlicesBench" + run
body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"import.csv\"\r\nContent-Type: text/csv\r\n\r\n").encode() \
       + data + f"\r\n--{boundary}--\r\n".encode()
def post():
    req = urllib.request.Request(base + "/api/staff/customers/import-csv", data=body, method="POST",
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "multipart/form-data; boundary=" + boundary})
    start = time.perf_counter()
    with urllib.request.urlopen(req, timeout=300) as r:
        answer = json.load(r)
    return time.perf_counter() - start, answer
t1, a1 = post()
t2, a2 = post()
print(json.dumps({"path": "POST /wholesale/api/staff/customers/import-csv", "rows": n, "bytes": len(data),
                  "seconds": round(t1, 3), "rows_per_sec": round(n / t1), "created": a1["created"], "errors": len(a1["errors"]),
                  "again_seconds": round(t2, 3), "again_rows_per_sec": round(n / t2), "again_created": a2["created"], "again_skipped": a2["skipped"],
                  "check": a1["created"] == n and a2["created"] == 0,
                  "detail": f"{n} rows in {round(t1, 3)} s, {a1['created']} created; again: {a2['created']} created, {a2['skipped']} skipped"}))
PY
)" >/dev/null
  ws_target wholesale-staff-customers-import rows_per_sec ">=" 10000 rows/s

  # watched: staff products and inventory over the bench catalog
  cat=$(curl -s -H "$auth" "$BASE_URL$base/api/staff/categories" | python3 -c 'import json,sys; print([c["id"] for c in json.load(sys.stdin)["categories"] if c["name"]=="Bench 7"][0])')
  first=$(curl -s "$BASE_URL$base/api/products/sku/WB-000011" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  local preads=(
    "products-search:$base/api/staff/products?search=chicken&per_page=50"
    "products-category:$base/api/staff/products?category_id=$cat&page=3&per_page=50"
    "products-all:$base/api/staff/products?page=7&per_page=50"
    "inventory:$base/api/staff/inventory?category=Bench%207&in_stock=true&per_page=50"
    "inventory-search:$base/api/staff/inventory?search=cup&per_page=50"
  )
  for r in "${preads[@]}"; do ws_list "wholesale-staff-${r%%:*}" - "${r#*:}" "$auth"; done
  for r in "${preads[@]}"; do BENCH_CONNECTIONS=2 ws_http "wholesale-staff-${r%%:*}-c2" - "${r#*:}" "$auth"; done

  # stock edits: each PUT locks the product row and writes a ledger row; 16 connections over 1,000 products
  cat > "$RESULTS/inventory-put.lua" <<LUA
local first, n = $first, 0
request = function()
  n = n + 1
  local body = string.format('{"stock_quantity": %d, "note": "bench"}', 1000 + n % 50)
  return wrk.format("PUT", "$base/api/staff/inventory/" .. (first + n % 1000), {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $token"}, body)
end
LUA
  grep -v '^request' "$BENCH_DIR/report.lua" >> "$RESULTS/inventory-put.lua"
  wrk -t2 -c16 -d"$BENCH_DURATION" --latency -s "$RESULTS/inventory-put.lua" "$BASE_URL" | awk '/^JSON /{sub(/^JSON /,""); print}' > "$RESULTS/wholesale-staff-inventory-put.json.tmp"
  python3 - "$RESULTS/wholesale-staff-inventory-put.json.tmp" "$RESULTS/wholesale-staff-inventory-put.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); r.update({"scenario": "wholesale-staff-inventory-put", "path": "PUT /wholesale/api/staff/inventory/{id} (16 connections)"})
json.dump(r, open(sys.argv[2], "w"), indent=2)
PY
  rm -f "$RESULTS/wholesale-staff-inventory-put.json.tmp" "$RESULTS/inventory-put.lua"
  ws_target wholesale-staff-inventory-put p95_ms watched 0 ms

  # watched: subscriptions (the 20 demo subscriptions)
  sku=$(curl -s -H "$auth" "$BASE_URL$base/api/staff/subscriptions/1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["product_sku"])')
  ws_list wholesale-staff-subscriptions-list - "$base/api/staff/subscriptions" "$auth"
  ws_list wholesale-staff-subscriptions-active - "$base/api/staff/subscriptions?status=active&user_id=1" "$auth"
  ws_http wholesale-staff-subscription - "$base/api/staff/subscriptions/1" "$auth"
  ws_http wholesale-staff-subscriptions-suggest - "$base/api/staff/subscriptions/suggest/1?sku=$sku" "$auth"
  ws_http wholesale-staff-subscriptions-suggest-all - "$base/api/staff/subscriptions/suggest/1" "$auth"

  local names=() n
  for n in orders-filtered orders-rep orders-search orders-pending customers-search customers-search-co stats-30d stats-all profit-12; do
    names+=("wholesale-staff-$n" "wholesale-staff-$n-c2")
  done
  ws_summary "wholesale-staff (issue 13)" "${names[@]}" wholesale-staff-customers-export wholesale-staff-customers-import
}
