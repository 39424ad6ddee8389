# Wholesale staff portal: customers (issue 13) on 50,000 customers and 300,000 orders over the demo business: the same data
# as wholesale-staff-orders (wholesale-staff-orders-bench-data; a second prepare does nothing, so both scenarios share it).
# Signs in once as the demo staff admin (POST /api/staff/login) and sends the token as a bearer.
#   wholesale-staff-customers-search     GET /api/staff/customers?search=…               target p95 < 30 ms
#   wholesale-staff-customers-search-co  GET /api/staff/customers?search=<company word>&sort_by=company_name   target p95 < 30 ms
#   wholesale-staff-customers-page       GET /api/staff/customers?page=7 (count of every customer)   watched
#   *-c2                                 the same at 2 connections (16 on 2 cores measure mostly queueing)
#   wholesale-staff-customers-export     GET /api/staff/customers/export-csv, 50,000 rows  target < 2 s, flat memory (API RSS
#                                        sampled every 50 ms during the export, against the RSS before it)
#   wholesale-staff-customers-import     POST /api/staff/customers/import-csv, fresh rows  target >= 10,000 rows/s
#                                        (and the same file again: every row skipped, nothing created)
# GET /api/staff/orders, stats and profit-dashboard are in the orders helper's scenario (wholesale-staff-orders).
# Small run: WS_STAFF_CUSTOMERS=2000 WS_STAFF_ORDERS=12000 WS_STAFF_IMPORT_ROWS=5000 BENCH_DURATION=3s BENCH_WARMUP=1s bench/run.sh wholesale-staff
prepare() {
  $API_CLI wholesale-staff-orders-bench-data --customers "${WS_STAFF_CUSTOMERS:-50000}" --orders "${WS_STAFF_ORDERS:-300000}"
}

run() {
  local base="/wholesale" token auth
  token=$(curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"Demo-pass-123"}' "$BASE_URL$base/api/staff/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  auth="Authorization: Bearer $token"

  local reads=(
    "customers-search:$base/api/staff/customers?search=garcia&per_page=50"
    "customers-search-co:$base/api/staff/customers?search=taqueria&sort_by=company_name&sort_dir=asc&per_page=50"
    "customers-page:$base/api/staff/customers?page=7&per_page=50"
  )
  local r
  for r in "${reads[@]}"; do bench_list "wholesale-staff-${r%%:*}" "${r#*:}" "$auth"; done
  for r in "${reads[@]}"; do BENCH_CONNECTIONS=2 bench_http "wholesale-staff-${r%%:*}-c2" "${r#*:}" "$auth"; done

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
print(json.dumps({"path": "GET /wholesale/api/staff/customers/export-csv", "rows": rows, "bytes": size,
                  "seconds_min": round(times[0], 3), "seconds_median": round(times[2], 3), "seconds_max": round(times[-1], 3),
                  "rss_before_mb": round(before, 1) if before else None, "rss_peak_mb": round(max(samples), 1) if samples else None,
                  "rss_growth_mb": round(max(samples) - before, 1) if samples and before else None,
                  "target_seconds": 2, "met": times[-1] < 2}))
PY
)"

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
                  "target_rows_per_sec": 10000, "met": n / t1 >= 10000 and a1["created"] == n and a2["created"] == 0}))
PY
)"
}
