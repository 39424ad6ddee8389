# Wholesale core on 50,000 products (wholesale-bench-data) over the demo business.
#   wholesale-products-search    GET /api/products?search=…             target p95 < 20 ms
#   wholesale-products-category  GET /api/products?category_id=…        target p95 < 20 ms
#   wholesale-product-id         GET /api/products/{id}                 target p95 < 5 ms
#   wholesale-product-sku        GET /api/products/sku/{sku}            target p95 < 5 ms
#   wholesale-v1-products        GET /api/v1/products (API key)         target p95 < 25 ms (search, and -all: unfiltered)
#   *-c2                         the reads again at 2 connections (16 connections on 2 cores measure mostly queueing)
#   wholesale-orders             5-line POST /api/orders, 50 connections target p95 < 50 ms
#   wholesale-oversell           50 concurrent buyers on 10 products of 10 units each: exactly 100 units sold, 0 oversold
# WHOLESALE_CORE_ONLY=orders runs only the last two rows (ordering A/B runs without the reads).
# The module's limits (30/min ordering, 600/min per key) would turn the load into 429s, so they are raised for the bench only.
BENCH_DB=wholesale-core   # a database of its own (bench/run.sh): the issue's data sizes, nothing another scenario loads
prepare() {
  export RateLimits__wholesale_ordering__PermitLimit=100000000
  export RateLimits__wholesale_apikey__PermitLimit=100000000
  export RateLimits__wholesale_tracking__PermitLimit=100000000
  $API_CLI wholesale-bench-data --products 50000
}

run() {
  local base="/wholesale" key="X-API-Key: lld_bench_key_0123456789abcdefghijklmnop"
  local cat first scarce
  cat=$(curl -s "$BASE_URL$base/api/categories" | python3 -c 'import json,sys; print([c["id"] for c in json.load(sys.stdin) if c["name"]=="Bench 7"][0])')
  first=$(curl -s "$BASE_URL$base/api/products/sku/WB-000011" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  scarce=$(curl -s "$BASE_URL$base/api/products/sku/WB-000001" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

  if [ "${WHOLESALE_CORE_ONLY:-}" != orders ]; then
    bench_list wholesale-products-search "$base/api/products?search=premium%20chicken&per_page=24"
    bench_list wholesale-products-category "$base/api/products?category_id=$cat&page=3&per_page=24"
    bench_http wholesale-product-id "$base/api/products/$((first + 1234))"
    bench_http wholesale-product-sku "$base/api/products/sku/WB-004321"
    bench_list wholesale-v1-products "$base/api/v1/products?search=cup&in_stock=true&per_page=50" "$key"
    bench_list wholesale-v1-products-all "$base/api/v1/products?page=7&per_page=50" "$key"
    # the same reads at 2 connections: the latency one caller sees, without 16 connections queueing on 2 cores
    local c
    for c in products-search:"$base/api/products?search=premium%20chicken&per_page=24" products-category:"$base/api/products?category_id=$cat&page=3&per_page=24" \
             product-id:"$base/api/products/$((first + 1234))" product-sku:"$base/api/products/sku/WB-004321"; do
      BENCH_CONNECTIONS=2 bench_http "wholesale-${c%%:*}-c2" "${c#*:}"
    done
    BENCH_CONNECTIONS=2 bench_http wholesale-v1-products-c2 "$base/api/v1/products?search=cup&in_stock=true&per_page=50" "$key"
    BENCH_CONNECTIONS=2 bench_http wholesale-v1-products-all-c2 "$base/api/v1/products?page=7&per_page=50" "$key"
  fi

  # ordering: 50 concurrent buyers, 5 lines each, over 2,000 well-stocked products
  FIRST_ID=$first SPAN=2000 wrk -t2 -c50 -d5s -s "$BENCH_DIR/scenarios/wholesale/orders-report.lua" "$BASE_URL$base/api/orders" >/dev/null
  FIRST_ID=$first SPAN=2000 wrk -t2 -c50 -d"$BENCH_DURATION" --latency -s "$BENCH_DIR/scenarios/wholesale/orders-report.lua" \
    "$BASE_URL$base/api/orders" | awk '/^JSON /{sub(/^JSON /,""); print}' > "$RESULTS/wholesale-orders.json.tmp"
  python3 - "$RESULTS/wholesale-orders.json.tmp" "$RESULTS/wholesale-orders.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); r.update({"scenario": "wholesale-orders", "path": "POST /wholesale/api/orders (5 lines, 50 connections)"})
json.dump(r, open(sys.argv[2], "w"), indent=2)
print(f"{'wholesale-orders':40s} {r['requests_per_sec']:>10.0f} req/s   p50 {r['p50_ms']:.2f} ms   p95 {r['p95_ms']:.2f} ms   p99 {r['p99_ms']:.2f} ms   non-2xx {r['non_2xx']}")
PY
  rm -f "$RESULTS/wholesale-orders.json.tmp"

  # never overselling: 50 buyers race for 10 products x 10 units, one unit per order, 300 attempts
  bench_record wholesale-oversell "$(python3 - "$BASE_URL$base" "$scarce" <<'PY'
import json, sys, urllib.request, urllib.error, concurrent.futures, collections
base, scarce = sys.argv[1], int(sys.argv[2])
def buy(i):
    pid = scarce + i % 10
    body = json.dumps({"items": [{"product_id": pid, "quantity": 1}], "delivery_name": "Race", "delivery_address": "1 Race St",
                       "delivery_city": "Chicago", "delivery_state": "IL", "delivery_zip": "60601", "payment_method": "card"}).encode()
    req = urllib.request.Request(base + "/api/orders", data=body, headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=30) as r: return pid, r.status
    except urllib.error.HTTPError as e: return pid, e.code
with concurrent.futures.ThreadPoolExecutor(50) as ex: results = list(ex.map(buy, range(300)))
sold = collections.Counter(pid for pid, s in results if s in (200, 201))
statuses = collections.Counter(s for _, s in results)
print(json.dumps({"attempts": 300, "sold_units": sum(sold.values()), "stock_units": 100, "per_product": sorted(sold.values()),
                  "statuses": {str(k): v for k, v in statuses.items()}, "met": sum(sold.values()) == 100 and max(sold.values()) == 10}))
PY
)"
}
