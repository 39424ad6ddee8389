# Helpers shared by the Wholesale issue scenarios (wholesale-staff, wholesale-sales, wholesale-fulfilment); sourced by them,
# not a scenario itself (bench/run.sh only runs bench/scenarios/*.sh). Every result line names its target next to the figure:
#   ws_http <name> <p95 target ms | -> <path> [header ...]   bench_http, then one line: the latency figures and the target
#                                                            (- = watched: no target in the issue)
#   ws_list <name> <target> <path> [header ...]               ws_http for a list, plus its 16-connection row
#   ws_post <name> <p95 target ms | -> <path> <body file> <auth header value> [connections]
#                                                            the same for a JSON POST (post-json-report.lua)
#   ws_target <name> <figure> <op> <target> <unit>           adds target and met to $RESULTS/<name>.json (from bench_record or
#                                                            the two above) and prints its line; op is < or >=
#   ws_summary <title> <name ...>                            the issue's targets again as one table at the end of the scenario
#   ws_login <username> [staff|shipping]                      a demo user's bearer token (password Demo-pass-123)
WS_BASE=/wholesale

ws_login() {
  curl -s -H 'Content-Type: application/json' -d "{\"username\": \"$1\", \"password\": \"Demo-pass-123\"}" "$BASE_URL$WS_BASE/api/${2:-staff}/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

ws_http() {
  local name=$1 target=$2; shift 2
  bench_http "$name" "$@" >/dev/null || return 0   # bench_http says on stderr why it did not measure
  if [ "$target" = - ]; then ws_target "$name" p95_ms watched 0 ms; else ws_target "$name" p95_ms "<" "$target" ms; fi
}

# ws_list: ws_http for a list endpoint, plus its 16-connection row (<name>-c16, watched; bench_list in bench/lib.sh)
ws_list() {
  local name=$1 target=$2; shift 2
  ws_http "$name" "$target" "$@"
  [ -f "$RESULTS/$name.json" ] && bench_list_row ws_watched "$name" "$@"
}

ws_watched() { local name=$1; shift; ws_http "$name" - "$@"; }   # ws_http without a target

ws_post() {
  local name=$1 target=$2 path=$3 body=$4 auth=$5 conns=${6:-$BENCH_CONNECTIONS}
  bench_warmup
  BODY_FILE="$body" AUTH="$auth" wrk -t"$BENCH_THREADS" -c"$conns" -d"$BENCH_NEXT_WARMUP" -s "$BENCH_DIR/scenarios/wholesale/post-json-report.lua" \
    "$BASE_URL$path" >/dev/null
  BODY_FILE="$body" AUTH="$auth" wrk -t"$BENCH_THREADS" -c"$conns" -d"$BENCH_DURATION" --latency -s "$BENCH_DIR/scenarios/wholesale/post-json-report.lua" \
    "$BASE_URL$path" | awk '/^JSON /{sub(/^JSON /,""); print}' > "$RESULTS/$name.json.tmp"
  python3 - "$name" "POST $path ($conns connections)" "$RESULTS/$name.json.tmp" "$RESULTS/$name.json" <<'PY'
import json, sys
name, path, src, dst = sys.argv[1:5]
r = json.load(open(src)); r.update({"scenario": name, "path": path})
json.dump(r, open(dst, "w"), indent=2)
PY
  rm -f "$RESULTS/$name.json.tmp"
  if [ "$target" = - ]; then ws_target "$name" p95_ms watched 0 ms; else ws_target "$name" p95_ms "<" "$target" ms; fi
}

ws_target() {
  python3 "$BENCH_DIR/scenarios/wholesale/targets.py" set "$RESULTS" "$@"
}

ws_summary() {
  local title=$1; shift
  python3 "$BENCH_DIR/scenarios/wholesale/targets.py" summary "$RESULTS" "$title" "$@"
}
