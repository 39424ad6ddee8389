#!/usr/bin/env python3
"""Tail table of one bench run: bench/summary.py <results folder> [p95 limit ms].

For every list measured by bench_list (a <name> row and a <name>-c16 row) and any -c1/-c2 row of the same name, one line:
p95 and p99 at each concurrency and how many times the 16-connection p95 is the lowest-concurrency one. A list whose
16-connection p95 is over the limit (default 50 ms) is marked, so a tail that only shows under concurrency stands out.
Written to <results>/summary.md and printed.
"""
import json, pathlib, re, sys

folder = pathlib.Path(sys.argv[1])
limit = float(sys.argv[2]) if len(sys.argv) > 2 else 50.0
rows = {}
for f in sorted(folder.glob("*.json")):
    try:
        r = json.loads(f.read_text())
    except ValueError:
        continue
    if isinstance(r, dict) and "p95_ms" in r:
        rows[f.stem] = r

def conns(name, r):
    if "connections" in r:
        return int(r["connections"])
    m = re.search(r"-c(\d+)$", name)
    return int(m.group(1)) if m else None

lines = ["| list | " + "connections: p95 / p99 ms | " * 3 + "c16 p95 ÷ lowest | over %g ms at 16 |" % limit, "|---|---|---|---|---|---|"]
for name in sorted(n for n in rows if n.endswith("-c16")):
    base = name[:-4]
    group = [(conns(n, rows[n]), n) for n in (base, base + "-c1", base + "-c2", name) if n in rows]
    group = sorted({c: n for c, n in group if c is not None}.items())
    cells = [f"c{c}: {rows[n]['p95_ms']:.1f} / {rows[n]['p99_ms']:.1f}" for c, n in group]
    cells += [""] * (3 - len(cells))
    low = rows[group[0][1]]["p95_ms"]
    c16 = rows[name]["p95_ms"]
    ratio = f"{c16 / low:.1f}x" if low > 0 and group[0][0] != 16 else "-"
    lines.append(f"| {base} | " + " | ".join(cells[:3]) + f" | {ratio} | {'**yes**' if c16 > limit else 'no'} |")
text = "\n".join(lines) + "\n"
(folder / "summary.md").write_text(text)
print(text, end="")
