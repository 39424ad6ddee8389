# Wholesale staff products and inventory (issue 13) on 50,000 products (wholesale-bench-data) over the demo business.
# Signs in once as the demo staff admin (POST /api/staff/login) and sends the token as a bearer.
#   wholesale-staff-products-search     GET /api/staff/products?search=…                  target p95 < 30 ms
#   wholesale-staff-products-category   GET /api/staff/products?category_id=…&page=3     target p95 < 30 ms
#   wholesale-staff-products-all        GET /api/staff/products?page=7 (count of 50,000)  target p95 < 30 ms
#   wholesale-staff-inventory           GET /api/staff/inventory?category=…&in_stock=true target p95 < 30 ms
#   wholesale-staff-inventory-search    GET /api/staff/inventory?search=…                 target p95 < 30 ms
#   *-c2                                the same at 2 connections (16 on 2 cores measure mostly queueing)
#   wholesale-staff-inventory-put       PUT /api/staff/inventory/{id} (a ledger row each)  target p95 < 30 ms
prepare() {
  $API_CLI wholesale-bench-data --products "${WS_STAFF_PRODUCTS:-50000}"
}

run() {
  local base="/wholesale" token auth cat first
  token=$(curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"Demo-pass-123"}' "$BASE_URL$base/api/staff/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  auth="Authorization: Bearer $token"
  cat=$(curl -s -H "$auth" "$BASE_URL$base/api/staff/categories" | python3 -c 'import json,sys; print([c["id"] for c in json.load(sys.stdin)["categories"] if c["name"]=="Bench 7"][0])')
  first=$(curl -s "$BASE_URL$base/api/products/sku/WB-000011" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

  local reads=(
    "products-search:$base/api/staff/products?search=chicken&per_page=50"
    "products-category:$base/api/staff/products?category_id=$cat&page=3&per_page=50"
    "products-all:$base/api/staff/products?page=7&per_page=50"
    "inventory:$base/api/staff/inventory?category=Bench%207&in_stock=true&per_page=50"
    "inventory-search:$base/api/staff/inventory?search=cup&per_page=50"
  )
  local r
  for r in "${reads[@]}"; do bench_list "wholesale-staff-${r%%:*}" "${r#*:}" "$auth"; done
  for r in "${reads[@]}"; do BENCH_CONNECTIONS=2 bench_http "wholesale-staff-${r%%:*}-c2" "${r#*:}" "$auth"; done

  # stock edits: each PUT locks the product row and writes a ledger row; 16 connections over 1,000 products
  cat > "$RESULTS/inventory-put.lua" <<LUA
local first, n = $first, 0
request = function()
  n = n + 1
  local body = string.format('{"stock_quantity": %d, "note": "bench"}', 1000 + n % 50)
  return wrk.format("PUT", "$base/api/staff/inventory/" .. (first + n % 1000), {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $token"}, body)
end
LUA
  cat "$BENCH_DIR/report.lua" | grep -v '^request' >> "$RESULTS/inventory-put.lua"
  wrk -t2 -c16 -d"$BENCH_DURATION" --latency -s "$RESULTS/inventory-put.lua" "$BASE_URL" | awk '/^JSON /{sub(/^JSON /,""); print}' > "$RESULTS/wholesale-staff-inventory-put.json.tmp"
  python3 - "$RESULTS/wholesale-staff-inventory-put.json.tmp" "$RESULTS/wholesale-staff-inventory-put.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); r.update({"scenario": "wholesale-staff-inventory-put", "path": "PUT /wholesale/api/staff/inventory/{id} (16 connections)"})
json.dump(r, open(sys.argv[2], "w"), indent=2)
print(f"{'wholesale-staff-inventory-put':40s} {r['requests_per_sec']:>10.0f} req/s   p50 {r['p50_ms']:.2f} ms   p95 {r['p95_ms']:.2f} ms   p99 {r['p99_ms']:.2f} ms   non-2xx {r['non_2xx']}")
PY
  rm -f "$RESULTS/wholesale-staff-inventory-put.json.tmp" "$RESULTS/inventory-put.lua"
}
