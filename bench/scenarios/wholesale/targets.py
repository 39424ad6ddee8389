"""Targets for the Wholesale bench scenarios (bench/scenarios/wholesale/common.sh).
  targets.py set <results> <name> <figure> <op> <target> <unit>   records target and met in <results>/<name>.json, prints its line
  targets.py summary <results> <title> <name ...>                  one table of the named results with their targets
A result line: the figure (with the latency percentiles for wrk results) and, next to it, the target and whether it was met."""
import json, os, sys

LABEL = {"p95_ms": "p95", "seconds_max": "slowest", "fit_seconds": "fit", "seconds": "time", "rows_per_sec": "rate"}

def line(r):
    name, fig, t = r["scenario"], r.get("target_figure"), r.get("target")
    value = r.get(fig)
    if "p95_ms" in r and "requests_per_sec" in r:
        figs = (f"{r['requests_per_sec']:>8.0f} req/s  p50 {r['p50_ms']:.2f} ms  p95 {r['p95_ms']:.2f} ms  "
                f"p99 {r['p99_ms']:.2f} ms  non-2xx {r['non_2xx']}")
    else:
        figs = f"{LABEL.get(fig, fig)} {value} {r['target']['unit'] if r.get('target') else ''}" if value is not None else f"{fig} (not measured)"
        if r.get("detail"): figs += f" ({r['detail']})"
    if t is None or t.get("op") == "watched":
        goal = "watched (no target)"
    else:
        state = "met" if r.get("met") else ("MISSED" if value is not None and r.get("requests") != 0 else "not measured")
        goal = f"target {LABEL.get(fig, fig)} {t['op']} {t['value']:g} {t['unit']}: {state}"
    return f"{name:44s} {figs}   | {goal}"

def main():
    cmd, results = sys.argv[1], sys.argv[2]
    if cmd == "set":
        name, fig, op, target, unit = sys.argv[3:8]
        path = os.path.join(results, name + ".json")
        r = json.load(open(path)) if os.path.exists(path) else {"scenario": name}
        r.setdefault("scenario", name)
        value, target = r.get(fig), float(target)
        r["target_figure"] = fig
        r["target"] = {"figure": fig, "op": op, "value": target, "unit": unit}
        if op != "watched":
            ok = value is not None and (value < target if op == "<" else value >= target)
            # a latency figure counts only when every answer was a success; a record may carry its own extra check
            if "non_2xx" in r: ok = ok and r["non_2xx"] == 0
            if r.get("requests") == 0: ok = False   # wrk finished no request in the time (all timed out): no figure at all
            if "check" in r: ok = ok and bool(r["check"])
            r["met"] = ok
        json.dump(r, open(path, "w"), indent=2)
        print(line(r))
    else:
        title, names = sys.argv[3], sys.argv[4:]
        print(f"== {title}: targets")
        for n in names:
            p = os.path.join(results, n + ".json")
            print(line(json.load(open(p))) if os.path.exists(p) else f"{n:44s} not measured (see the errors above)")

main()
