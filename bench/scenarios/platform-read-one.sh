# Foundation scenario: one endpoint that reads one row by key, built the project's way (FastEndpoints + Mediator +
# LinqToDB + SQL file, with JWT auth, rate limiting and the tenant transaction), against the same query through a bare
# minimal-API endpoint with raw Npgsql. Target: slice throughput >= 0.85 x bare.
run() {
  local token
  token=$($API_CLI token platform --tenant 6f1f7a52-3d5c-4b8e-9a57-1c0de5eed001 | tail -n 1)
  bench_http platform-read-one-bare "/bench/bare/platform/v1/settings/display.currency" "Authorization: Bearer $token"
  bench_http platform-read-one-slice "/platform/v1/settings/display.currency" "Authorization: Bearer $token"
  python3 - "$RESULTS" <<'PY'
import json, sys
d = sys.argv[1]
bare = json.load(open(f"{d}/platform-read-one-bare.json"))["requests_per_sec"]
slice_ = json.load(open(f"{d}/platform-read-one-slice.json"))["requests_per_sec"]
ratio = slice_ / bare
json.dump({"scenario": "platform-read-one-ratio", "slice_rps": slice_, "bare_rps": bare, "ratio": round(ratio, 3),
           "target": 0.85, "met": ratio >= 0.85}, open(f"{d}/platform-read-one-ratio.json", "w"), indent=2)
print(f"platform-read-one: slice/bare throughput = {ratio:.3f} (target >= 0.85)")
PY
}
