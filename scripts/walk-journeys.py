#!/usr/bin/env python3
"""Walks http-samples/journeys/*.http (or .http files given by path) against a running API (`dotnet run --project Api`, Development, sandbox on), as a
person would with the REST Client: variables, `# @name` captures ({{name.response.body.$.a.b}}), the file's
`# token-command:` minted with the API's own `token` command, cookies kept, and each request's `# expect NNN` (file bodies,
`< ./path`, are not expanded: HttpSamplesTests runs those). Prints one line per request
and exits 1 if any answered another status.

    scripts/walk-journeys.py                      # every journey file
    scripts/walk-journeys.py pricewatch-checkout  # one of them
    scripts/walk-journeys.py --show               # and print each answer's start
"""
import datetime, glob, json, os, re, subprocess, sys, urllib.error, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VAR = re.compile(r"\{\{\s*([^}]+?)\s*\}\}")


def mint(args):
    out = subprocess.run(["dotnet", "run", "--no-build", "--project", os.path.join(ROOT, "Api"), "--", "token", *args.split()],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    return out.stdout.strip().splitlines()[-1]


def sub(text, env, named):
    def one(m):
        key = m.group(1)
        if dt := re.match(r'\$datetime\s+"YYYY-MM-DD"\s+(-?\d+)\s+d$', key):   # REST Client's relative date
            return (datetime.date.today() + datetime.timedelta(days=int(dt.group(1)))).isoformat()
        if key == "$timestamp":
            return str(int(datetime.datetime.now().timestamp()))
        if key in env:
            return env[key]
        nm = re.match(r"(\w+)\.response\.body\.\$\.?(.*)", key)
        if nm and nm.group(1) in named:
            value = named[nm.group(1)]
            for part in filter(None, nm.group(2).split(".")):
                if value is None:
                    return m.group(0)
                value = value[int(part)] if isinstance(value, list) else value.get(part)
            return value if isinstance(value, str) else json.dumps(value)
        return m.group(0)
    return VAR.sub(one, text)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def walk(path):
    text = open(path, encoding="utf-8").read()
    env = {m.group(1): m.group(2).strip() for m in re.finditer(r"^@(\w+)\s*=\s*(.*)$", text, re.M)}
    for tc in re.finditer(r"^# token-command(?:\s+(\w+))?:\s*(.+)$", text, re.M):   # "# token-command name: args" fills {{name}}
        env[tc.group(1) or "token"] = mint(tc.group(2))
    named, failures = {}, 0
    opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPCookieProcessor())   # cookies kept, as REST Client does
    for block in text.split("###")[1:]:
        lines = block.split("\n")
        title = lines[0].strip()
        expect = next((int(m.group(1)) for l in lines if (m := re.match(r"#\s*expect\s+(\d+)", l.strip()))), None)
        name = next((m.group(1) for l in lines if (m := re.match(r"#\s*@name\s+(\w+)", l.strip()))), None)
        i = next(k for k, l in enumerate(lines) if re.match(r"^(GET|POST|PUT|PATCH|DELETE) ", sub(l, env, named)))
        method, url = sub(lines[i], env, named).split()[:2]
        headers, j = {}, i + 1
        while j < len(lines) and lines[j].strip():
            k, v = sub(lines[j], env, named).split(":", 1)
            headers[k.strip()] = v.strip()
            j += 1
        body = "\n".join(l for l in lines[j + 1:] if not l.lstrip().startswith("#")).strip()
        data = sub(body, env, named).encode() if body else None
        if not url.startswith(("http://", "https://")):
            print(f"FAIL  -  {method} {url}  ({title}): an earlier answer lacked the value this request needs")
            return failures + 1
        req = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            rsp = opener.open(req, timeout=120)
            status, payload = rsp.status, rsp.read()
        except urllib.error.HTTPError as e:
            status, payload = e.code, e.read()
        try:
            parsed = json.loads(payload)
        except ValueError:
            parsed = None
        if name:
            named[name] = parsed
        ok = expect is None or status == expect
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {status} {method} {url}  ({title})")
        if not ok or SHOW:
            print("     " + payload[:400].decode(errors="replace"))
    return failures


SHOW = "--show" in sys.argv   # print each answer's first 400 bytes


def main():
    sys.argv = [a for a in sys.argv if a != "--show"]
    files = sorted(glob.glob(os.path.join(ROOT, "http-samples", "journeys", "*.http")))
    if len(sys.argv) > 1 and os.path.isfile(sys.argv[1]):   # or any .http file given by path
        files = [os.path.abspath(a) for a in sys.argv[1:]]
    elif len(sys.argv) > 1:
        files = [f for f in files if any(a in os.path.basename(f) for a in sys.argv[1:])]
    failed = 0
    for f in files:
        print(f"== {os.path.relpath(f, ROOT)}")
        failed += walk(f)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
