#!/usr/bin/env python3
"""Generate the fuzz seed corpora (fuzz/corpus/<target>/, not committed) and the token
dictionaries (fuzz/dict/*.dict, committed) from the project's own data:

- import: every seed/*.csv and every import case of the bad-input corpus (tests/corpus, dumped
  by its harness with STANCEDB_CORPUS_DUMP), each as given and as CRLF, BOM and all-quoted
  variants, with each --on-conflict mode for the seed files;
- resolve: every organisation name, document title and issue title and id of the seed;
- quotes: one seed per source text (the target cuts its own quotes from the texts);
- values: every date, country code and vocabulary word the seed uses.

Run from fuzz/:  python3 make-corpus.py   (it runs the bad-input tests in dump mode: a debug
build of the test binaries, no database is written).
"""
import csv
import io
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
SEED = ROOT / "seed"
MODES = ["error", "skip", "replace"]


def variants(data: bytes):
    """(suffix, bytes) of the file as given, with CRLF line ends, with a BOM, all quoted."""
    yield "plain", data
    yield "crlf", re.sub(rb"\r?\n", b"\r\n", data)
    yield "bom", b"\xef\xbb\xbf" + data
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error):
        return  # not CSV a reader accepts: the other variants cover it
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    yield "quoted", out.getvalue().encode("utf-8")


def write(dirname: str, name: str, data: bytes):
    d = FUZZ / "corpus" / dirname
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def import_seeds():
    n = 0
    for path in sorted(SEED.glob("*.csv")):
        table = path.stem
        data = path.read_bytes()
        for suffix, v in variants(data):
            for mode in MODES if suffix == "plain" else ["error", "replace"]:
                write("import", f"seed-{table}-{suffix}-{mode}", f"{table} {mode}\n".encode() + v)
                n += 1
        # One row at a time too: small inputs the mutator works on quickly.
        lines = data.split(b"\n")
        for i, row in enumerate(lines[1:6], 1):
            if row:
                write("import", f"seed-{table}-row{i}", f"{table} error\n".encode() + lines[0] + b"\n" + row + b"\n")
                n += 1
    return n


def bad_input_cases():
    """Dump the bad-input corpus's cases through its own harness; yield (name, args, dir)."""
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="stancedb-corpus-"))
    env = dict(os.environ, STANCEDB_CORPUS_DUMP=str(tmp))
    subprocess.run(
        ["cargo", "test", "-q", "--test", "bad_input_files", "--test", "bad_input_args"],
        cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
    )
    for case in sorted(tmp.iterdir()):
        yield case.name, (case / "args").read_text().split("\n"), case
    shutil.rmtree(tmp)


def import_bad_inputs():
    n = 0
    for name, args, case in bad_input_cases():
        if "import" not in args:
            continue
        i = args.index("import")
        if len(args) < i + 3 or not (case / args[i + 2]).is_file():
            continue
        table, data = args[i + 1], (case / args[i + 2]).read_bytes()
        mode = args[args.index("--on-conflict") + 1] if "--on-conflict" in args else "error"
        for suffix, v in variants(data):
            write("import", f"bad-{name}-{suffix}", f"{table} {mode}\n".encode() + v)
            n += 1
    return n


def seed_rows(table):
    with open(SEED / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def resolve_seeds():
    kinds = [("names", "name", 0), ("document_titles", "title", 1), ("issues", "title", 2), ("issues", "id", 2)]
    n = 0
    for table, column, kind in kinds:
        for i, row in enumerate(seed_rows(table)):
            write("resolve", f"{table}-{column}-{i}", bytes([kind]) + row[column].encode("utf-8"))
            n += 1
    return n


def values_seeds():
    """The first byte picks the parser (as fuzz_targets/values.rs reads it)."""
    picks = {
        ("organisations", "kind"): 0, ("names", "kind"): 1, ("documents", "kind"): 2,
        ("memberships", "role"): 3, ("stances", "value"): 4, ("stances", "evidence"): 5,
    }
    dates = ["date", "as_of", "start", "end", "founded", "dissolved", "signed_on"]
    seen = set()
    for table in ["documents", "organisations", "stances", "issues", "memberships", "names", "signatures"]:
        for row in seed_rows(table):
            for column, v in row.items():
                if not v:
                    continue
                if column in dates:
                    seen.add((6, v))
                elif column == "country":
                    seen.add((7, v))
                elif (table, column) in picks:
                    seen.add((picks[(table, column)], v))
    for pick, v in sorted(seen):
        write("values", f"{pick}-" + re.sub(r"[^A-Za-z0-9-]", "_", v)[:40], bytes([pick]) + v.encode("utf-8"))
    return len(seen)


def quotes_seeds():
    # Text index, start, length: the target cuts the quote itself.
    for i in range(5):
        write("quotes", f"text{i}", bytes([i, 0, 16, 0, 64, 0]))
    return 5


def dictionaries():
    words = set()
    for mig in sorted((ROOT / "migrations").glob("V*.sql")):
        sql = mig.read_text(encoding="utf-8")
        for lst in re.findall(r"\bIN \(([^)]*)\)", sql):
            words.update(re.findall(r"'([^']*)'", lst))
    columns = set()
    for path in SEED.glob("*.csv"):
        columns.update(path.read_text(encoding="utf-8").split("\n", 1)[0].split(","))
    tables = sorted(p.stem for p in SEED.glob("*.csv"))
    csv_tokens = [",", "\"", "\"\"", "\r\n", "\n", "\ufeff", ",,", "\",\""]

    def esc(s):
        return "".join(chr(b) if 32 <= b < 127 and b not in b'"\\' else f"\\x{b:02x}" for b in s.encode("utf-8"))

    def entries(items, prefix):
        return [f"{prefix}{i}=\"{esc(w)}\"" for i, w in enumerate(sorted(items))]
    (FUZZ / "dict").mkdir(exist_ok=True)
    head = "# Generated by fuzz/make-corpus.py from the schema and the seed; do not edit.\n"
    dates = ["2022", "2022-01", "2022-01-06", "2024-02-29", "2023-02-29", "2022-13", "0000", "9999-12-31"]
    (FUZZ / "dict" / "import.dict").write_text(head + "\n".join(
        entries(csv_tokens, "csv") + entries(tables, "table") + entries(columns, "column")
        + entries(words, "vocab") + entries(MODES, "mode") + entries(dates, "date")) + "\n", encoding="utf-8")
    (FUZZ / "dict" / "values.dict").write_text(head + "\n".join(
        entries(words, "vocab") + entries(dates, "date") + entries(["-", "KZ", "RU", "US"], "part")) + "\n", encoding="utf-8")


def main():
    counts = {
        "import (seed)": import_seeds(),
        "import (bad-input corpus)": import_bad_inputs(),
        "resolve": resolve_seeds(),
        "values": values_seeds(),
        "quotes": quotes_seeds(),
    }
    dictionaries()
    for k, v in counts.items():
        print(f"{k}: {v} seeds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
