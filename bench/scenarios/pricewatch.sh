# PriceWatch scenarios (targets from issue 6):
#   pricewatch-match     fuzzy matching of 2,000 own products against 20,000 competitor products   <= 15 s
#   pricewatch-scrape    scrape of a 5,000-product Shopify store served by a local fake              <= 30 s
#   pricewatch-export    export of a tenant with 200,000+ rows, streamed; API RSS growth recorded      flat memory
#   pricewatch-competitors, -alerts-history, -team-members   the tenant's lists (bench_list: at BENCH_CONNECTIONS and at
#                        16 connections; the competitors list counts the 25,000 tracked products per request)
PW_TENANT=7a11ce00-0000-4000-8000-0000000be001
PW_USER=7a11ce00-0000-4000-8000-0000000be0a1
PW_STORE=7a11ce00-0000-4000-8000-0000000be0c0
PW_STORE_PORT=${PW_STORE_PORT:-18731}

prepare() {
  export RateLimits__pricewatch__PermitLimit=100000000   # 300/min per tenant would turn the list load into 429s
  $API_CLI pricewatch-bench --own 2000 --competitors 20000 --history 200000 --store-url "http://127.0.0.1:$PW_STORE_PORT"
}

pw_wait() {   # pw_wait <status path> → seconds until the session is no longer running
  local start=$SECONDS status
  while :; do
    status=$(curl -s -H "Authorization: Bearer $PW_TOKEN" "$BASE_URL/pricewatch$1" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("status"))')
    [ "$status" != "running" ] && break
    [ $((SECONDS - start)) -gt 600 ] && break
    sleep 0.2
  done
  echo "$status"
}

run() {
  PW_TOKEN=$($API_CLI token pricewatch --user "$PW_USER" | tail -n 1)

  # 1. fuzzy matching 2,000 x 20,000
  local t0 t1 session status
  t0=$(date +%s.%N)
  session=$(curl -s -X POST -H "Authorization: Bearer $PW_TOKEN" -H 'Content-Type: application/json' -d '{"method":"fuzzy"}' \
    "$BASE_URL/pricewatch/api/match" | python3 -c 'import json,sys; print(json.load(sys.stdin)["session_id"])')
  status=$(pw_wait "/api/match/status/$session")
  t1=$(date +%s.%N)
  local found
  found=$(curl -s -H "Authorization: Bearer $PW_TOKEN" "$BASE_URL/pricewatch/api/match/status/$session" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("matches_found"))')
  bench_record pricewatch-match "$(python3 -c "import json; s=$t1-$t0; print(json.dumps({'own': 2000, 'competitor_products': 20000, 'status': '$status', 'matches_found': $found, 'seconds': round(s, 2), 'target_seconds': 15, 'met': s <= 15 and '$status' == 'completed'}))")"

  # 2. scrape of a 5,000-product Shopify store (local fake)
  python3 - "$PW_STORE_PORT" <<'PY' &
import http.server, json, sys, urllib.parse
N = 5000
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        u = urllib.parse.urlparse(self.path); q = urllib.parse.parse_qs(u.query)
        if not u.path.endswith("/products.json"): self.send_response(404); self.end_headers(); return
        page = int(q.get("page", ["1"])[0]); limit = min(int(q.get("limit", ["30"])[0]), 250)
        start = (page - 1) * limit
        items = [{"id": i, "title": f"Store Jar {i % 50} {['2oz','4oz','8oz'][i % 3]}", "handle": f"jar-{i}", "vendor": "Store", "product_type": "Jars",
                  "variants": [{"id": 100000 + i, "title": ["Default Title", "12-pack", "Case of 24"][i % 3], "price": f"{3 + i % 40}.99", "sku": f"S{i}", "available": True}]}
                 for i in range(start, min(start + limit, N))]
        body = json.dumps({"products": items}).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
  local store_pid=$!
  sleep 1
  t0=$(date +%s.%N)
  session=$(curl -s -X POST -H "Authorization: Bearer $PW_TOKEN" "$BASE_URL/pricewatch/api/scrape/$PW_STORE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["session_id"])')
  status=$(pw_wait "/api/scrape/status/$session")
  t1=$(date +%s.%N)
  kill $store_pid 2>/dev/null || true
  local products
  products=$(curl -s -H "Authorization: Bearer $PW_TOKEN" "$BASE_URL/pricewatch/api/scrape/status/$session" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("total_products"))')
  bench_record pricewatch-scrape "$(python3 -c "import json; s=$t1-$t0; print(json.dumps({'store_products': 5000, 'saved': $products, 'status': '$status', 'seconds': round(s, 2), 'target_seconds': 30, 'met': s <= 30 and '$status' == 'completed'}))")"

  # 3. streamed export; API resident memory sampled while it runs
  local rss_before rss_peak=0 rss bytes
  rss_before=$(ps -o rss= -p "$API_PID" | tr -d ' ')
  t0=$(date +%s.%N)
  curl -s -o /tmp/pw-export.json -w '%{size_download}' -H "Authorization: Bearer $PW_TOKEN" "$BASE_URL/pricewatch/api/tenant/data/export" > /tmp/pw-export.size &
  local curl_pid=$!
  while kill -0 $curl_pid 2>/dev/null; do
    rss=$(ps -o rss= -p "$API_PID" | tr -d ' '); [ "${rss:-0}" -gt "$rss_peak" ] && rss_peak=$rss; sleep 0.1
  done
  t1=$(date +%s.%N)
  bytes=$(cat /tmp/pw-export.size)
  local rows
  rows=$(python3 -c 'import json; d=json.load(open("/tmp/pw-export.json")); print(sum(d["row_counts"].values()))')
  rm -f /tmp/pw-export.json /tmp/pw-export.size
  bench_record pricewatch-export "$(python3 -c "import json; print(json.dumps({'rows': $rows, 'bytes': $bytes, 'seconds': round($t1-$t0, 2), 'rss_before_mb': round($rss_before/1024, 1), 'rss_peak_mb': round($rss_peak/1024, 1), 'rss_growth_mb': round(($rss_peak-$rss_before)/1024, 1), 'export_mb': round($bytes/1048576, 1)}))")"

  # 4. lists, with their 16-connection rows
  local auth="Authorization: Bearer $PW_TOKEN"
  bench_list pricewatch-competitors     /pricewatch/api/competitors                "$auth"
  bench_list pricewatch-alerts-history  "/pricewatch/api/alerts/history?limit=50"  "$auth"
  bench_list pricewatch-team-members    /pricewatch/api/team/members               "$auth"
}
