#!/usr/bin/env bash
# Serve a fresh stancedb database in Datasette with the shipped config (datasette.json) on
# 127.0.0.1 only, and check over HTTP what the README promises (issue #9 part 7):
#   - every canned query returns the same rows as the stancedb command it stands for;
#   - organisations?_search=кпрф finds the KPRF (and stances/documents are searchable);
#   - the facet counts on current_stances equal `camps`;
#   - a stance added through stancedb shows at once in current_positions.
# Installs Datasette with pip if it is missing. Usage: scripts/datasette-check.sh
# (STANCEDB=path/to/stancedb to use a built binary; PORT=8765 to pick the port).
set -euo pipefail
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }
have python3 || { echo "python3 is required" >&2; exit 1; }
if ! python3 -c 'import datasette' 2>/dev/null; then
    echo "installing Datasette: python3 -m pip install 'datasette<1'" >&2
    python3 -m pip install -q 'datasette<1' >/dev/null 2>&1 ||
        python3 -m pip install -q --user 'datasette<1' >/dev/null 2>&1 ||
        { echo "cannot install Datasette (pip install 'datasette<1')" >&2; exit 1; }
fi
echo "datasette $(python3 -c 'import datasette; print(datasette.__version__)')" >&2

if [ -z "${STANCEDB:-}" ]; then
    cargo build --quiet --bin stancedb
    STANCEDB=$PWD/target/debug/stancedb
fi
PORT=${PORT:-8765}
TMP=$(mktemp -d)
DB=$TMP/stancedb.sqlite
SERVER=""
cleanup() {
    [ -z "$SERVER" ] || kill "$SERVER" 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT

"$STANCEDB" --db "$DB" init >/dev/null
python3 -m datasette serve "$DB" -m datasette.json -h 127.0.0.1 -p "$PORT" >"$TMP/datasette.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/-/versions.json')" 2>/dev/null && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$TMP/datasette.log" >&2; exit 1; }
    sleep 0.2
done

STANCEDB=$STANCEDB DB=$DB BASE=http://127.0.0.1:$PORT/stancedb python3 - <<'PY'
import json, os, subprocess, sys, urllib.parse, urllib.request

B, DB, BASE = os.environ["STANCEDB"], os.environ["DB"], os.environ["BASE"]
failures = []

def http(path, **params):
    url = (f"{BASE}/{path}" if path else f"{BASE}.json") + "?" + urllib.parse.urlencode(params)
    with urllib.request.urlopen(url) as r:
        return json.load(r)

def cli(*args):
    out = subprocess.run([B, "--db", DB, "-f", "json", *args], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"stancedb {' '.join(args)} failed: {out.stderr}")
    return json.loads(out.stdout)

def check(what, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + what, file=sys.stderr)
    if not ok:
        failures.append(f"{what}\n{detail}")

def same_rows(what, query, params, rows):
    got = http(f"{query}.json", _shape="array", **params)
    check(f"canned query {query} {params} = `{what}` ({len(rows)} rows)",
          got == rows and len(rows) > 0, f"datasette: {got[:3]}\nstancedb: {rows[:3]}")

# Every canned query against the command it stands for.
stmt, org, org2, issue = "solidnet-2022-01-18-kazakhstan", "kprf", "cp-greece", "csto-kazakhstan-2022"
same_rows(f"signatories {stmt}", "who_signed", {"statement": stmt}, cli("signatories", stmt))
same_rows(f"stance {org}", "where_does_org_stand", {"org": org}, cli("stance", org))
camps = cli("camps", issue)
same_rows(f"camps {issue} (organisations)", "camps_on_issue", {"issue": issue}, camps["organisations"])
same_rows(f"camps {issue} (camps)", "camp_sizes", {"issue": issue}, camps["camps"])
cmp_cli = cli("compare", org, org2)["comparison"]
cmp_ds = http("compare_two.json", _shape="array", org_a=org, org_b=org2)
def side(row, prefix):
    return [row[f"{prefix} value"], row[f"{prefix} as_of"], row[f"{prefix} quote"]]
want = [[r["issue"], *side(r, org), *side(r, org2), r["agree"]] for r in cmp_cli]
got = [[r["issue"], r["a_value"], r["a_as_of"], r["a_quote"], r["b_value"], r["b_as_of"], r["b_quote"], r["agree"]] for r in cmp_ds]
check(f"canned query compare_two = `compare {org} {org2}` ({len(want)} issues)", got == want and want, f"{got}\n{want}")

# Full-text search by the Datasette convention.
hits = [r["id"] for r in http("organisations.json", _search="кпрф", _shape="array")]
check("organisations?_search=кпрф finds kprf", "kprf" in hits, str(hits))
hits = [r["id"] for r in http("organisations.json", _search="KPRF", _shape="array")]
check("organisations?_search=KPRF finds kprf", "kprf" in hits, str(hits))
quote_word = cli("stance", org)[0]["quote"].split()[2]
hits = http("stances.json", _search=quote_word, _shape="array")
check(f"stances?_search={quote_word} finds a KPRF stance", any(r["org_id"] == org for r in hits), str(hits[:2]))
hits = [r["id"] for r in http("documents.json", _search="Kazakhstan", _shape="array")]
check("documents?_search=Kazakhstan finds the SolidNet statement", stmt in hits, str(hits))

# Facets on current_stances equal the camps.
facets = http("current_stances.json", issue_id=issue, _facet="value", _size="0")
counts = {f["value"]: f["count"] for f in facets["facet_results"]["value"]["results"]}
check(f"facet counts of value on {issue} = camps", counts == {c["value"]: c["organisations"] for c in camps["camps"]},
      f"{counts}\n{camps['camps']}")
table = http("current_stances.json", _size="0")
check("current_stances offers the configured facets",
      {"issue", "value", "evidence", "basis", "country", "kind"} <= {f["name"] for f in table.get("suggested_facets", [])} | set(table.get("facet_results", {})),
      str(table.get("facet_results", {}).keys()))

# An edit through stancedb is visible at once.
subprocess.run([B, "--db", DB, "add", "stance", "cp-greece", issue, "--value", "ambivalent", "--as-of", "2022-01-18",
                "--quote", "Datasette check.", "--source", stmt, "--evidence", "own"], check=True, capture_output=True)
now = http("current_positions.json", org_id="cp-greece", issue_id=issue, _shape="array")
check("a stance added through stancedb shows at once in current_positions",
      [r["value"] for r in now] == ["ambivalent"], str(now))

tables = http("")["tables"]
hidden = {t["name"] for t in tables if t["hidden"]}
check("internal tables hidden", {"refinery_schema_history", "organisations_fts", "organisations_fts_forms",
                                 "positions_queue", "names_fts_data"} <= hidden, str(sorted(hidden)))
if failures:
    sys.exit("\n".join(["", "datasette-check: FAILED"] + failures))
print("datasette-check: all passed", file=sys.stderr)
PY
